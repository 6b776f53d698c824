import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { ApiRoute } from '../../src/server/plugins/auth.js';
import type { FastifyInstance } from 'fastify';
import { makeUser, testConfig, tokenFor, type TestApp } from '../support/app.js';
import { createTestDatabase } from '../support/db.js';
import { createSnapshotter } from '../support/snapshot.js';

/**
 * The request target as an attacker spells it, over a real socket: `inject` normalises the URL,
 * a socket does not. Every registered /api route, in every spelling of its target (origin form,
 * absolute form with any scheme and host, doubled and trailing slashes, dot segments,
 * percent-encoding, mixed case), must answer 401 without credentials (or 404 where the spelling
 * names no route), and 403 for a viewer on a route a viewer may not call; nothing is written.
 * The web app is served too, so a spelling that falls through to its page fallback is caught.
 */
const WEB_MARKER = 'partnerhub-web-page-marker';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Thousands of connections: about 20 s on a busy 2-core machine. */
const SWEEP_TIMEOUT = 180_000;

let t: TestApp;
let port = 0;
let viewerToken = '';
let webRoot = '';

beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerhub-web-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), `<!doctype html><title>${WEB_MARKER}</title>`);
  const config = testConfig();
  const database = await createTestDatabase();
  const app: FastifyInstance = await buildApp({ config, database, web: webRoot, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
  t = {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
  viewerToken = await tokenFor(t, await makeUser(t, 'viewer'));
});

afterAll(async () => {
  await t?.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

interface Answer {
  status: number;
  type: string;
  body: string;
}

/**
 * Sends the target exactly as written: Node's client puts `path` on the request line verbatim.
 * One connection per request: the server may close a kept-alive connection after an error it
 * answered before reading the body, which a reused socket would report as a hang-up.
 */
function send(method: string, target: string, headers: Record<string, string> = {}): Promise<Answer> {
  const body = WRITES.has(method) ? '{}' : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent: false,
        host: '127.0.0.1',
        port,
        method,
        path: target,
        headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type'] ?? ''), body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A concrete path for a route pattern: a fresh UUID for each parameter. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, () => crypto.randomUUID());

const encodeChar = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** The ways one origin-form path (`/api/…`) can be written. */
function spellings(p: string): string[] {
  const rest = p.slice('/api/'.length);
  return [
    p,
    `${p}?page=1`,
    `http://x${p}`,
    `https://evil.example:8443${p}`,
    `HTTP://LOCALHOST:${port}${p}`,
    `http://127.0.0.1:${port}${p}?x=1`,
    `/${p}`,
    `/api//${rest}`,
    `${p}/`,
    `${p}//`,
    `/x/..${p}`,
    `/api/./${rest}`,
    `/api/${rest.split('/')[0]}/../${rest}`,
    `/%61pi/${rest}`,
    `/api/${encodeChar(rest[0]!)}${rest.slice(1)}`,
    `/api%2F${rest}`,
    `/api/${rest.replace(/\//g, '%2F')}`,
    `/API/${rest}`,
    `/Api/${rest.charAt(0).toUpperCase()}${rest.slice(1)}`,
    `/api/${rest.toUpperCase()}`,
    `/api;x=1/${rest}`,
    `/api/${rest};x=1`,
  ];
}

const notPublic = (): ApiRoute[] => t.app.apiRoutes.filter((r) => !r.public);

function expectNoData(answer: Answer, label: string) {
  expect(answer.body, label).not.toContain(WEB_MARKER);
  expect(answer.type, label).toContain('application/problem+json');
}

describe('request-target spellings over a real socket', () => {
  it('covers every registered route that is not public', () => {
    const keys = notPublic().map((r) => `${r.method} ${r.url}`);
    expect(keys.length).toBeGreaterThan(100);
    expect(keys).toEqual(expect.arrayContaining(['GET /api/users', 'POST /api/users', 'GET /api/partners', 'PATCH /api/partners/:id']));
  });

  it(
    'answers 401 without credentials (404 where the spelling names no route), and writes nothing',
    async () => {
      const snapshots = createSnapshotter(t.database);
      const before = await snapshots.take();
      const failures: string[] = [];
      let sent = 0;
      for (const route of notPublic()) {
        const p = concrete(route.url);
        const methods = route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
        for (const method of methods) {
          const answers = await Promise.all(spellings(p).map(async (target) => [target, await send(method, target)] as const));
          for (const [target, a] of answers) {
            sent++;
            const label = `${method} ${target} (${route.method} ${route.url}) -> ${a.status} ${a.body.slice(0, 160)}`;
            if (![401, 404].includes(a.status)) failures.push(label);
            else if (method !== 'HEAD') expectNoData(a, label);
          }
        }
      }
      expect(failures, `${failures.length} of ${sent} spellings let an anonymous caller past`).toEqual([]);
      expect(snapshots.changed(before, await snapshots.take()), 'tables changed by anonymous requests').toEqual([]);
    },
    SWEEP_TIMEOUT,
  );

  it(
    "gives a viewer's token 403 on every write it may not make, whatever the spelling, and writes nothing",
    async () => {
      const snapshots = createSnapshotter(t.database);
      // The token's first use records last_used_at; take the baseline after it.
      expect((await send('GET', '/api/me', { authorization: `Bearer ${viewerToken}` })).status).toBe(200);
      const before = await snapshots.take();
      const failures: string[] = [];
      const writes = notPublic().filter((r) => WRITES.has(r.method) && !r.allows('viewer'));
      expect(writes.length).toBeGreaterThan(50);
      for (const route of writes) {
        const p = concrete(route.url);
        const answers = await Promise.all(spellings(p).map(async (target) => [target, await send(route.method, target, { authorization: `Bearer ${viewerToken}` })] as const));
        for (const [target, a] of answers) {
          const label = `${route.method} ${target} (${route.url}) -> ${a.status} ${a.body.slice(0, 160)}`;
          if (![403, 404].includes(a.status)) failures.push(label);
          else expectNoData(a, label);
        }
      }
      expect(failures).toEqual([]);
      expect(snapshots.changed(before, await snapshots.take()), 'tables changed by refused viewer writes').toEqual([]);
    },
    SWEEP_TIMEOUT,
  );

  it('answers an unknown /api path with 404 problem+json in every spelling, never the web page', async () => {
    for (const target of [...spellings('/api/no-such-route'), '/api', '/api/', '/API', '/api/partners/x/y/z/w']) {
      const a = await send('GET', target);
      const label = `GET ${target} -> ${a.status} ${a.body.slice(0, 160)}`;
      expect(a.status, label).toBe(404);
      expectNoData(a, label);
      expect(JSON.parse(a.body).code, label).toBe('not_found');
    }
    // The web app's own pages still get the page.
    const page = await send('GET', '/partners/123');
    expect(page.status).toBe(200);
    expect(page.body).toContain(WEB_MARKER);
  });

  it('still serves a signed-in caller through an absolute-form target', async () => {
    const a = await send('GET', 'http://x/api/me', { authorization: `Bearer ${viewerToken}` });
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body).user.role).toBe('viewer');
  });
});
