// better-auth's endpoints over a real socket, as an attacker with a signed-in browser session would
// call them: only those the web app and single sign-on use are served; every other one, in every
// spelling of its path, answers 404 problem+json and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedAuthEndpoints } from '../../src/server/auth/better-auth.js';
import { BASE_URL, createTestApp, makeUser, TEST_PASSWORD, uniqueEmail, type TestApp } from '../support/app.js';
import { createSnapshotter } from '../support/snapshot.js';
import { cookiePair, listenOnLoopback, sendJson, sendRaw, type SocketAnswer } from '../support/socket.js';
import type { User } from '../../src/shared/schemas/user.js';

const PROBLEM = 'application/problem+json';
const SESSION_COOKIE = 'better-auth.session_token';

let t: TestApp;
let port = 0;
let victim: User;
/** The attacker's page runs in the victim's signed-in browser: cookie, same Origin, CSRF token. */
let headers: Record<string, string> = {};
let sessionToken = '';
let otherSessionToken = '';

async function signIn(email: string): Promise<{ cookie: string; token: string }> {
  const res = await sendJson(port, 'POST', '/api/auth/sign-in/email', { origin: BASE_URL }, { email, password: TEST_PASSWORD });
  expect(res.status, res.body).toBe(200);
  const cookie = cookiePair(res.setCookies, SESSION_COOKIE)!;
  return { cookie, token: decodeURIComponent(cookie.split('=')[1]!).split('.')[0]! };
}

beforeAll(async () => {
  t = await createTestApp();
  port = await listenOnLoopback(t);
  victim = await makeUser(t, 'admin');
  const first = await signIn(victim.email);
  otherSessionToken = (await signIn(victim.email)).token;
  sessionToken = first.token;
  const me = await sendJson(port, 'GET', '/api/me', { cookie: first.cookie });
  headers = { cookie: first.cookie, origin: BASE_URL, 'x-csrf-token': JSON.parse(me.body).csrfToken };
});
afterAll(() => t?.close());

/** What each endpoint would need to do harm; the rest get the union of them all. */
const harmfulBodies = (): Record<string, Record<string, unknown>> => ({
  '/api/auth/update-user': { name: 'Renamed behind the audit trail' },
  '/api/auth/change-email': { newEmail: uniqueEmail('attacker'), callbackURL: '/' },
  '/api/auth/revoke-session': { token: otherSessionToken },
  '/api/auth/revoke-sessions': {},
  '/api/auth/revoke-other-sessions': {},
  '/api/auth/delete-user': { password: TEST_PASSWORD },
  '/api/auth/sign-up/email': { name: 'Self-registered', email: uniqueEmail('signup'), password: TEST_PASSWORD },
  '/api/auth/unlink-account': { providerId: 'credential' },
});
const harmful = (path: string) =>
  harmfulBodies()[path] ?? Object.assign({ currentPassword: TEST_PASSWORD, newPassword: 'chosen by the attacker 123' }, ...Object.values(harmfulBodies()));

/** Why an answer is not the refusal expected, or null when it is. */
function notRefused(a: SocketAnswer, label: string): string | null {
  const problem = a.type.includes(PROBLEM) ? (JSON.parse(a.body) as { code?: string }) : null;
  const leaks = a.body.includes(sessionToken) || a.body.includes(otherSessionToken);
  if (a.status === 404 && problem?.code === 'not_found' && a.setCookies.length === 0 && !leaks) return null;
  return `${label} -> ${a.status} ${a.type} ${a.body.slice(0, 160)}`;
}

async function userRow() {
  const [row] = await t.database.query<{ name: string; email: string; version: number; updated_at: unknown }>('select name, email, version, updated_at from "user" where id = $1', [
    victim.id,
  ]);
  return row;
}

/** Every endpoint better-auth would route, with concrete parameters, as `METHOD /api/auth/…`. */
function everyAuthEndpoint(): string[] {
  const out: string[] = [];
  for (const endpoint of Object.values(t.app.auth.api) as { path?: string; options?: { method?: string | string[] } }[]) {
    if (!endpoint.path || !endpoint.options?.method) continue;
    const path = `/api/auth${endpoint.path.replace(/:[A-Za-z]+/g, (p) => (p === ':id' ? 'oidc' : 'some-value'))}`;
    for (const method of [endpoint.options.method].flat()) if (method === 'GET' || method === 'POST') out.push(`${method} ${path}`);
  }
  return out;
}

describe('the /api/auth endpoints served', () => {
  it('are the ones the web app uses (and single sign-on only when it is configured)', () => {
    expect([...servedAuthEndpoints(t.app.auth)].sort()).toEqual([
      'GET /api/auth/error',
      'POST /api/auth/change-password',
      'POST /api/auth/sign-in/email',
      'POST /api/auth/sign-out',
    ]);
  });

  it('refuses every other better-auth endpoint with 404 problem+json to a signed-in caller, and nothing changes', async () => {
    const refused = everyAuthEndpoint().filter((e) => !servedAuthEndpoints(t.app.auth).has(e));
    expect(refused).toEqual(
      expect.arrayContaining([
        'POST /api/auth/update-user',
        'GET /api/auth/list-sessions',
        'POST /api/auth/revoke-session',
        'POST /api/auth/revoke-sessions',
        'POST /api/auth/revoke-other-sessions',
        'POST /api/auth/delete-user',
        'POST /api/auth/sign-up/email',
        'POST /api/auth/change-email',
        'POST /api/auth/request-password-reset',
        'POST /api/auth/reset-password',
        'GET /api/auth/get-session',
        'POST /api/auth/update-session',
        'POST /api/auth/sign-in/social',
        'GET /api/auth/callback/oidc',
      ]),
    );
    const snapshots = createSnapshotter(t.database);
    const before = await snapshots.take();
    const rowBefore = await userRow();
    const failures: string[] = [];
    for (const endpoint of refused) {
      const [method, path] = endpoint.split(' ') as [string, string];
      const failure = notRefused(await sendJson(port, method, path, headers, harmful(path)), endpoint);
      if (failure) failures.push(failure);
    }
    expect(await userRow()).toEqual(rowBefore);
    expect(snapshots.changed(before, await snapshots.take()), 'tables changed by refused endpoints').toEqual([]);
    expect(failures).toEqual([]);
    // Both sessions still work: nothing was revoked.
    expect((await sendJson(port, 'GET', '/api/me', { cookie: headers.cookie! })).status).toBe(200);
  });

  it('refuses a refused endpoint in every spelling of its path', async () => {
    const targets = [
      '/api/auth/update-user/',
      '/api/auth//update-user',
      '/api/auth/./update-user',
      '/api/auth/sign-in/../update-user',
      '/api/auth/sign-out/../update-user',
      '/api/auth/sign-in/email/../../update-user',
      '/api/auth/%2E%2E/auth/update-user',
      '/api/auth/update%2Duser',
      '/api/auth/update-user%2F',
      '/api/auth/sign-in%2F..%2Fupdate-user',
      '/api/auth\\update-user',
      '/api/auth/Update-User',
      '/API/auth/update-user',
      '/api/auth/update-user;x=1',
      '/api/auth/update-user?x=1',
      '/api/auth/update-user#frag',
      'http://evil.example/api/auth/update-user',
      `http://localhost:${port}/api/auth/update-user`,
      '//evil.example/api/auth/update-user',
    ];
    const snapshots = createSnapshotter(t.database);
    const before = await snapshots.take();
    const rowBefore = await userRow();
    const failures: string[] = [];
    for (const target of targets) {
      const failure = notRefused(await sendJson(port, 'POST', target, headers, harmful('/api/auth/update-user')), `POST ${target}`);
      if (failure) failures.push(failure);
    }
    for (const target of [
      '/api/auth/list-sessions',
      '/api/auth/./list-sessions',
      '/api/auth/get-session/../list-sessions',
      '/api/auth/list-sessions/',
      'http://x/api/auth/list-sessions',
    ]) {
      const failure = notRefused(await sendRaw(port, 'GET', target, { cookie: headers.cookie! }), `GET ${target}`);
      if (failure) failures.push(failure);
      const head = await sendRaw(port, 'HEAD', target, { cookie: headers.cookie! });
      if (head.status !== 404) failures.push(`HEAD ${target} -> ${head.status}`);
    }
    expect(await userRow()).toEqual(rowBefore);
    expect(snapshots.changed(before, await snapshots.take())).toEqual([]);
    expect(failures).toEqual([]);
  });

  it('still serves the endpoints in use: the error page, a password change and sign-out', async () => {
    const error = await sendRaw(port, 'GET', '/api/auth/error?error=state_mismatch');
    expect(error.status).toBe(200);

    const user = await makeUser(t, 'member');
    const { cookie } = await signIn(user.email);
    const me = await sendJson(port, 'GET', '/api/me', { cookie });
    expect(me.status).toBe(200);
    const change = await sendJson(
      port,
      'POST',
      '/api/auth/change-password',
      { cookie, origin: BASE_URL },
      { currentPassword: TEST_PASSWORD, newPassword: 'a completely new passphrase' },
    );
    expect(change.status, change.body).toBe(200);
    expect(change.body).not.toMatch(/"token"/);
    const renewed = cookiePair(change.setCookies, SESSION_COOKIE) ?? cookie;

    // A dot segment that resolves to a served path reaches that endpoint, not another one.
    const out = await sendJson(port, 'POST', '/api/auth/update-user/../sign-out', { cookie: renewed, origin: BASE_URL }, {});
    expect(out.status, out.body).toBe(200);
    expect((await sendJson(port, 'GET', '/api/me', { cookie: renewed })).status).toBe(401);
  });
});
