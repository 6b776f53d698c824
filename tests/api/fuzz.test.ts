import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/errors.js';
import { DOCUMENT_SUBJECTS } from '../../src/shared/compliance.js';
import type { Role } from '../../src/shared/roles.js';
import { makePdf, multipart, PNG, type Part } from '../../src/server/features/documents/documents.fixtures.js';
import { createTestApp, makeUser, tokenFor } from '../support/app.js';
import { actor, type Actor } from '../support/actors.js';
import { makePartner } from '../support/factories.js';
import { createSnapshotter, UNAUDITED_TABLES } from '../support/snapshot.js';

/**
 * Every write route, called by an administrator, a member and a viewer with random and hostile
 * input: it never answers 5xx, every 4xx is problem+json, and a rejected request changes nothing
 * in the database. Bodies are drawn from each route's own OpenAPI schema (so many are nearly
 * valid and reach the services and the database) mixed with wrong types, control characters,
 * huge and odd strings, arbitrary JSON, broken JSON text and wrong content types; upload routes
 * get real multipart uploads (PDF, PNG, text) as well as hostile ones (HTML, a type that lies,
 * parts out of order, a missing file, a truncated body).
 */
/** Runs per route: the administrator reaches the most code; a viewer is refused by the policy. */
const RUNS: Record<'admin' | 'member' | 'viewer', number> = { admin: 30, member: 12, viewer: 5 };
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const t = await createTestApp();
afterAll(() => t.close());

/** One fuzzing actor (a user and its token) per role; their own rows are never aimed at (they would lock themselves out). */
const fuzzers = {} as Record<keyof typeof RUNS, Actor>;
const ownIds = new Set<string>();
for (const role of Object.keys(RUNS) as (keyof typeof RUNS & Role)[]) {
  const u = await actor(t, role);
  fuzzers[role] = u;
  ownIds.add(u.id);
  // Partners the member owns, so that its nearly valid requests reach the services' rules too.
  if (role === 'member') for (let i = 0; i < 3; i++) await makePartner(t, { ownerId: u.id });
}
for (const r of await t.database.query<{ id: string }>('select id::text as id from api_token')) ownIds.add(r.id);
const target = await makeUser(t, 'member');
await tokenFor(t, target);

const snapshots = createSnapshotter(t.database);
const tables = await snapshots.tables();
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Ids of existing rows by table, to aim nearly valid requests at real records; never the fuzzer's own user or token. */
let knownIds = new Map<string, string[]>();
async function refreshKnownIds() {
  const withId = tables.filter((x) => x.hasId);
  const rows = await t.database.query<{ t: string; id: string }>(
    withId.map(({ name }) => `(select '${name}' as t, id::text as id from ${quote(name)} order by random() limit 20)`).join(' union all '),
  );
  knownIds = new Map();
  for (const r of rows) if (!ownIds.has(r.id)) knownIds.set(r.t, [...(knownIds.get(r.t) ?? []), r.id]);
}

/** The table a path segment or a body field most likely refers to: `partners` → partner, `toPartnerId` → partner. */
function tableFor(hint: string | undefined): string | undefined {
  if (!hint) return undefined;
  const h = hint.toLowerCase().replace(/[-_]/g, '').replace(/ids?$/, '').replace(/ies$/, 'y').replace(/s$/, '');
  const aliased = h === 'owner' ? 'user' : h;
  const matches = tables.map((x) => x.name).filter((n) => n.replace(/_/g, '').includes(aliased) || (aliased.length > 3 && aliased.includes(n.replace(/_/g, ''))));
  return matches.sort((a, b) => a.length - b.length)[0];
}

// ---- generators -----------------------------------------------------------------------------

const HUGE = ['x'.repeat(10_001), 'ü'.repeat(70_000), 'a'.repeat(2_100_000)];
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom('', ' ', '\t\n', '\u202e\u0645\u0631\u062d\u0628\u0627', '👩‍👩‍👧‍👦'.repeat(30), '\'; drop table "user"; --', '%00', '../../etc/passwd', '\ud800', 'null', '0'),
  fc.constantFrom(...HUGE),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, -0, 0.5, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [[[[[[]]]]]], { __proto__: { admin: true } }, { constructor: { prototype: {} } }) },
);

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
}

/** A known id, resolved when the request is made (the pool changes as the fuzzer creates rows). */
const KNOWN = Symbol('known id');
type Known = { [KNOWN]: number; table?: string };
const knownId = (hint?: string) => fc.nat().map((i): Known => ({ [KNOWN]: i, table: tableFor(hint) }));
const idLike = (hint?: string) => fc.oneof({ weight: 4, arbitrary: knownId(hint) }, { weight: 1, arbitrary: fc.uuid() });
const simpleEmail = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/), fc.nat()).map(([a, n]) => `${a}.${n}@example.com`);

// Building a stringMatching arbitrary for a Unicode class takes seconds: build each pattern once.
const patternCache = new Map<string, fc.Arbitrary<string>>();
function patternString(pattern: string): fc.Arbitrary<string> {
  let arb = patternCache.get(pattern);
  if (!arb) {
    try {
      arb = fc.stringMatching(new RegExp(pattern, 'u'));
    } catch {
      arb = fc.string();
    }
    patternCache.set(pattern, arb);
  }
  return arb;
}

interface GenOptions {
  /** Mix wrong types, control characters and huge strings into the fields. */
  hostile: boolean;
  /** The field's name or the path segment before it, to pick ids of the right table. */
  hint?: string;
}

/** Values that follow the schema (loosely), or, when hostile, sometimes anything at all. */
function fromSchema(s: JsonSchema, o: GenOptions, depth = 0): fc.Arbitrary<unknown> {
  const plausible = plausibleFromSchema(s, o, depth);
  return o.hostile ? fc.oneof({ weight: 6, arbitrary: plausible }, { weight: 1, arbitrary: hostileValue }) : plausible;
}

function plausibleFromSchema(s: JsonSchema, o: GenOptions, depth: number): fc.Arbitrary<unknown> {
  const variants = s.anyOf ?? s.oneOf;
  const base: fc.Arbitrary<unknown> = (() => {
    if (variants?.length) return fc.oneof(...variants.map((v) => plausibleFromSchema(v, o, depth)));
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    const min = s.minLength ?? 0;
    const max = Math.min(s.maxLength ?? 40, Math.max(40, min));
    switch (type) {
      case 'string':
        if (s.format === 'uuid') return idLike(o.hint);
        if (s.format === 'email') return fc.oneof(simpleEmail, fc.emailAddress());
        if (s.format === 'uri') return fc.webUrl();
        if (s.format === 'date') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
        if (s.format === 'date-time') return fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') }).map((d) => d.toISOString());
        // A free-form id (a user's id is text): usually one of the right table's.
        if (o.hint && /ids?$/i.test(o.hint)) return fc.oneof({ weight: 3, arbitrary: knownId(o.hint) }, { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: max }) });
        if (s.pattern) return patternString(s.pattern).filter((x) => x.length >= min && x.length <= (s.maxLength ?? Infinity));
        return fc.string({ unit: 'grapheme', minLength: min, maxLength: max });
      case 'integer':
        return fc.oneof(
          fc.integer({ min: Math.max(s.minimum ?? -5, -5), max: Math.min(s.maximum ?? 5, 5) }),
          fc.integer({ min: s.minimum ?? -(2 ** 31), max: Math.min(s.maximum ?? 2 ** 31, 2 ** 40) }),
        );
      case 'number':
        return fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const items = s.items ? fromSchema(s.items, o, depth + 1) : hostileValue;
        return depth > 3 ? fc.constant([]) : fc.array(items, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, Math.max(4, s.minItems ?? 0)) });
      }
      case 'object':
        return depth > 3 ? fc.constant({}) : objectFromSchema(s, o, depth + 1);
      default:
        return hostileValue;
    }
  })();
  return s.nullable ? fc.oneof(fc.constant(null), base) : base;
}

function objectFromSchema(s: JsonSchema, o: GenOptions, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  // Required fields are nearly always present, optional ones half the time; hostile bodies sometimes get a stray key.
  const fields = props.map(([key, schema]) =>
    // fc.option leaves the value out with probability 1/freq.
    fc.option(
      fromSchema(schema, { ...o, hint: /id$/i.test(key) && /^duplicate/i.test(key) ? o.hint : key }, depth).map((v) => [key, v] as const),
      {
        freq: required.has(key) ? (o.hostile ? 12 : 1000) : 2,
        nil: undefined,
      },
    ),
  );
  const stray = o.hostile
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('admin', 'role', 'id', 'userId', 'version', '__proto__', 'deletedAt', 'x'), hostileValue) },
      )
    : fc.constant(undefined);
  return fc.tuple(fc.tuple(...fields), stray).map(([entries, extra]) => {
    const out: Record<string, unknown> = {};
    for (const e of entries) if (e) out[e[0]] = e[1];
    if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
    return out;
  });
}

type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string | null; text: string }
  | { kind: 'none'; contentType: string | null }
  | { kind: 'multipart'; parts: unknown[]; cut?: number; boundary?: string };

const rawBody: fc.Arbitrary<Body> = fc.oneof(
  // Broken JSON declared as JSON.
  fc
    .oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        '{',
        '{"name":',
        '[1,2',
        '{"a":1}}',
        "{'single':'quotes'}",
        '{"a":NaN}',
        '\ufeff{}',
        '{"__proto__":{"x":1}}',
        '{"version": 1e999}',
        '"just a string"',
        'nul\u0000l',
        '{"a":"\\ud800"}',
      ),
    )
    .map((text): Body => ({ kind: 'raw', contentType: 'application/json', text })),
  // Right text, wrong or odd content type.
  fc
    .tuple(
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/vnd.api+json',
        'application/octet-stream',
        '*/*',
        ';;;',
      ),
      fc.oneof(fc.constant('{"name":"x","version":1}'), fc.string({ maxLength: 40 })),
    )
    .map(([contentType, text]): Body => ({ kind: 'raw', contentType, text })),
  fc.constantFrom<Body>({ kind: 'none', contentType: 'application/json' }, { kind: 'none', contentType: null }),
);

const query = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('1', '-1', 'true', '%', '../')))
    .map((d) => new URLSearchParams(d as Record<string, string>).toString()),
  fc.constantFrom('%zz', '%', 'a[b]=1&a[b]=2', 'version=1&version=2', '__proto__[admin]=1', `pad=${'q'.repeat(5000)}`),
);

const printable = fc.string({ unit: 'grapheme-ascii', maxLength: 60 });
const headers = fc.dictionary(
  fc.constantFrom(
    'x-csrf-token',
    'origin',
    'cookie',
    'accept',
    'accept-language',
    'accept-encoding',
    'x-forwarded-for',
    'x-forwarded-proto',
    'x-partnerhub-client-ip',
    'if-match',
    'x-http-method-override',
    'x-request-id',
    'referer',
  ),
  printable,
  { maxKeys: 4 },
);

const pathParam = (segment: string) =>
  fc.oneof(
    { weight: 4, arbitrary: knownId(segment) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', 'null', '..', '%2e%2e', 'a'.repeat(199), 'b'.repeat(300), '00000000-0000-0000-0000-000000000000') },
    // Sent as they are, not encoded: broken percent-encoding.
    { weight: 1, arbitrary: fc.constantFrom<Raw>({ raw: '%zz' }, { raw: '%' }, { raw: '%E0%A4%A' }, { raw: '%00' }, { raw: '%C0%AF' }) },
  );
type Raw = { raw: string };

const resolve = (v: unknown): unknown => {
  if (v && typeof v === 'object' && KNOWN in v) {
    const { [KNOWN]: i, table } = v as Known;
    const pool = (table && knownIds.get(table)) || [...knownIds.values()].flat();
    return pool.length ? pool[i % pool.length] : crypto.randomUUID();
  }
  if (Array.isArray(v)) return v.map(resolve);
  if (Buffer.isBuffer(v)) return v;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: resolve(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
};

// ---- uploads --------------------------------------------------------------------------------

const PDF = await makePdf('Joint fact sheet');
const file = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      { fileName: 'fact-sheet.pdf', type: 'application/pdf', data: PDF },
      { fileName: 'logo.png', type: 'image/png', data: PNG },
      { fileName: 'notes.txt', type: 'text/plain', data: Buffer.from('Minutes of the sync\n') },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      { fileName: 'page.html', type: 'text/html', data: Buffer.from('<!doctype html><script>alert(1)</script>') },
      { fileName: 'logo.svg', type: 'image/svg+xml', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
      { fileName: 'lies.pdf', type: 'application/pdf', data: PNG },
      { fileName: 'empty.pdf', type: 'application/pdf', data: Buffer.alloc(0) },
      { fileName: '../../etc/passwd', type: 'application/pdf', data: PDF },
      { fileName: 'run.sh', type: 'application/x-sh', data: Buffer.from('#!/bin/sh\nrm -rf /\n') },
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(hostileString, fc.constantFrom('application/pdf', '', 'x/y', 'image/png; charset=utf-8'))
      .map(([fileName, type]) => ({ fileName: fileName.slice(0, 300), type, data: PDF })),
  },
);
const field = (name: string, value: fc.Arbitrary<unknown>) =>
  fc.option(
    value.map((v) => ({ name, value: v })),
    { freq: 8, nil: undefined },
  );
/** The form fields of each upload route (drawn from the route's rules in the documents and imports features). */
const UPLOAD_FIELDS: Record<string, fc.Arbitrary<({ name: string; value: unknown } | undefined)[]>> = {
  'POST /api/documents': fc
    .constantFrom(...DOCUMENT_SUBJECTS)
    .chain((subject) =>
      fc.tuple(field('subjectType', fc.constant(subject)), field('subjectId', idLike(subject)), field('title', fc.oneof(fc.string({ maxLength: 40 }), hostileString))),
    ),
  'POST /api/documents/:id/versions': fc.tuple(field('version', fc.oneof(fc.integer({ min: 1, max: 4 }).map(String), hostileString))),
  'POST /api/imports': fc.tuple(field('kind', fc.oneof(fc.constantFrom('partners', 'contacts'), hostileString))),
};
/** A real upload: the fields first, then the file; or the same parts out of order, the file missing or doubled, or a stray field. */
const uploadBody = (fields: fc.Arbitrary<({ name: string; value: unknown } | undefined)[]>): fc.Arbitrary<Body> =>
  fc
    .tuple(fields, file, fc.constantFrom('fields-then-file', 'fields-then-file', 'fields-then-file', 'file-first', 'no-file', 'two-files', 'stray-field'))
    .map(([fs, f, shape]): Body => {
      const present = fs.filter((x): x is { name: string; value: unknown } => x !== undefined);
      const filePart = { name: 'file', ...f };
      const parts =
        shape === 'file-first'
          ? [filePart, ...present]
          : shape === 'no-file'
            ? present
            : shape === 'two-files'
              ? [...present, filePart, filePart]
              : shape === 'stray-field'
                ? [...present, filePart, { name: 'ownerId', value: 'x' }]
                : [...present, filePart];
      return { kind: 'multipart', parts };
    });
/** Broken multipart framing: a truncated body, or a boundary the body does not use. */
const brokenUpload = (fields: fc.Arbitrary<({ name: string; value: unknown } | undefined)[]>): fc.Arbitrary<Body> =>
  fc
    .tuple(uploadBody(fields), fc.nat({ max: 2000 }), fc.boolean())
    .map(([b, cut, otherBoundary]) => ({ ...(b as Extract<Body, { kind: 'multipart' }>), cut, boundary: otherBoundary ? 'not-the-boundary' : undefined }));

function multipartPayload(b: Extract<Body, { kind: 'multipart' }>): { payload: Buffer; contentType: string } {
  const parts = b.parts
    .map((p) => resolve(p) as { name: string; value?: unknown; fileName?: string; type?: string; data?: Buffer })
    .map((p): Part => (p.data ? { name: p.name, fileName: p.fileName!, type: p.type || undefined, data: Buffer.from(p.data) } : { name: p.name, value: String(p.value) }));
  const { payload, headers } = multipart(parts);
  return {
    payload: b.cut !== undefined ? payload.subarray(0, Math.min(payload.length - 1, b.cut)) : payload,
    contentType: b.boundary ? `multipart/form-data; boundary=${b.boundary}` : headers['content-type']!,
  };
}

// ---- the routes -----------------------------------------------------------------------------

const openapi = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> };
const BULK = new Set(['POST /api/setup/demo-data']);
const writeRoutes = t.app.apiRoutes.filter((r) => WRITE_METHODS.has(r.method) && !r.url.startsWith('/api/auth/'));

function bodySchema(method: string, url: string): JsonSchema | undefined {
  const path = url.replace(/:([A-Za-z]+)/g, '{$1}');
  return openapi.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
}

beforeAll(async () => {
  // Set the fuzzers' tokens' last use once, so later requests do not touch their rows at all.
  for (const fuzzer of Object.values(fuzzers)) expect((await fuzzer.get('/api/me')).statusCode).toBe(200);
});

describe('the fuzzer', () => {
  it('covers the write routes, the upload routes with real uploads', () => {
    const keys = writeRoutes.map((r) => `${r.method} ${r.url}`);
    expect(keys).toEqual(expect.arrayContaining(['POST /api/users', 'PATCH /api/users/:id', 'POST /api/tokens', 'DELETE /api/tokens/:id', 'PATCH /api/me', 'POST /api/setup']));
    // An upload route is one whose documentation says it takes a file (a binary part) as multipart/form-data;
    // a form without a file (one-click unsubscribe) is fuzzed from its schema like a JSON body.
    const takesFile = (r: { method: string; url: string }) => {
      const form = (operation(r.method, r.url) as { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, { format?: string }> } }> } } | undefined)
        ?.requestBody?.content?.['multipart/form-data'];
      return Object.values(form?.schema?.properties ?? {}).some((p) => p.format === 'binary');
    };
    const uploads = writeRoutes.filter(takesFile).map((r) => `${r.method} ${r.url}`);
    expect(uploads.sort()).toEqual(Object.keys(UPLOAD_FIELDS).sort());
  });
});

function operation(method: string, url: string): unknown {
  return openapi.paths[url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[method.toLowerCase()];
}

type Route = (typeof writeRoutes)[number];
const byRole = (routes: Route[]) => (Object.keys(RUNS) as (keyof typeof RUNS)[]).flatMap((role) => routes.map((r) => [`${r.method} ${r.url} as ${role}`, role, r] as const));
const isBulk = (r: Route) => BULK.has(`${r.method} ${r.url}`);

describe('fuzzing the write routes as an administrator, a member and a viewer', () => {
  it.each(byRole(writeRoutes.filter((r) => !isBulk(r))))('%s', (_label, role, route) => fuzz(route, role));
});

// Loading the demo portfolio makes every later snapshot bigger, so those routes go last, after every role's run.
describe('fuzzing the bulk routes', () => {
  it.each(byRole(writeRoutes.filter(isBulk)))('%s', (_label, role, route) => fuzz(route, role), 180_000);
});

async function fuzz(route: Route, role: keyof typeof RUNS): Promise<void> {
  const key = `${route.method} ${route.url}`;
  const fuzzer = fuzzers[role];
  const numRuns = RUNS[role];
  await refreshKnownIds();
  // The database as the last request left it; nothing else writes to it between requests.
  let state = await snapshots.take();
  const schema = bodySchema(route.method, route.url);
  const resource = route.url.split('/')[2];
  const json = (value: unknown): Body => ({ kind: 'json', value });
  const upload = UPLOAD_FIELDS[key];
  const body: fc.Arbitrary<Body> = upload
    ? fc.oneof(
        { weight: 6, arbitrary: uploadBody(upload) },
        { weight: 2, arbitrary: brokenUpload(upload) },
        { weight: 1, arbitrary: rawBody },
        { weight: 1, arbitrary: hostileValue.map(json) },
      )
    : fc.oneof(
        { weight: 3, arbitrary: (schema ? fromSchema(schema, { hostile: false, hint: resource }) : hostileValue).map(json) },
        { weight: 3, arbitrary: (schema ? fromSchema(schema, { hostile: true, hint: resource }) : hostileValue).map(json) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
        { weight: 2, arbitrary: rawBody },
      );
  // One generator per path parameter, aimed at the table named by the segment before it.
  const segments = route.url.split('/');
  const params = fc.tuple(...segments.flatMap((seg, i) => (seg.startsWith(':') ? [pathParam(segments[i - 1] ?? '')] : [])));

  await fc.assert(
    fc.asyncProperty(params, body, query, headers, async (ps, b, q, hs) => {
      let i = 0;
      const pathValue = (p: unknown) => (p && typeof p === 'object' && 'raw' in p ? (p as Raw).raw : encodeURIComponent(String(resolve(p))));
      const url = route.url.replace(/:[A-Za-z]+/g, () => pathValue(ps[i++])) + (q ? `?${q}` : '');
      const reqHeaders: Record<string, string> = { ...hs, ...fuzzer.headers };
      let payload: string | Buffer | undefined;
      if (b.kind === 'multipart') {
        const m = multipartPayload(b);
        payload = m.payload;
        reqHeaders['content-type'] = m.contentType;
      } else if (b.kind === 'json') {
        payload = JSON.stringify(resolve(b.value)) ?? 'null';
        reqHeaders['content-type'] = 'application/json';
      } else if (b.kind === 'raw') {
        payload = b.text;
        if (b.contentType) reqHeaders['content-type'] = b.contentType;
      } else if (b.contentType) {
        reqHeaders['content-type'] = b.contentType;
      }

      const before = state;
      const res = await t.app.inject({ method: route.method as 'POST', url, headers: reqHeaders, payload });
      // Take the new state before asserting anything, so a failure (and fast-check's shrinking
      // runs after it) never compares against a stale baseline.
      state = await snapshots.take();
      const changed = snapshots.changed(before, state);
      if (changed.length) await refreshKnownIds();

      const label = `${route.method} ${url.slice(0, 300)} ${String(reqHeaders['content-type'])} ${String(payload).slice(0, 300)} -> ${res.statusCode} ${res.body.slice(0, 300)}`;
      expect(res.statusCode, label).toBeLessThan(500);
      if (res.statusCode >= 400) {
        expect(res.headers['content-type'], label).toContain('application/problem+json');
        expect(ERROR_CODES, label).toContain(res.json().code);
        expect(changed, `a rejected request changed the database: ${label}`).toEqual([]);
      } else if (changed.some((k) => !UNAUDITED_TABLES.has(k))) {
        expect(changed, `a change without an audit record: ${label}`).toContain('audit_log');
      }
    }),
    { numRuns },
  );
}
