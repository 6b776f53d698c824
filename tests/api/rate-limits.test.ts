import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAccountKey } from '../../src/server/auth/sign-in-limit.js';
import { BASE_URL, bearer, createTestApp, makeUser, sessionFor, TEST_PASSWORD, tokenFor, uniqueEmail, type TestApp } from '../support/app.js';

const PROBLEM = 'application/problem+json';
const isSessionCookie = (c: { name: string }) => c.name.endsWith('session_token');

/** Per-account limit 3, per-address limit out of the way: only the account limit is under test. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SIGN_IN_ACCOUNT_RATE_LIMIT: '3', SIGN_IN_RATE_LIMIT: '1000' });
});
afterAll(() => t.close());

let addressSeq = 0;
/** A client address no other attempt in this file used. */
const newAddress = () => {
  const n = ++addressSeq;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

const signInFrom = (app: TestApp, remoteAddress: string, email: string, password: string, url = '/api/auth/sign-in/email') =>
  app.app.inject({ method: 'POST', url, remoteAddress, headers: { origin: BASE_URL }, payload: { email, password } });

const counterRows = async (app: TestApp, key: string) => app.database.query<{ count: number }>('select count from rate_limit_counter where key = $1', [key]);

describe('sign-in per account, across client addresses', () => {
  it('refuses the account after 3 failures from 3 addresses: even the right password gets 429 with Retry-After and no session', async () => {
    const user = await makeUser(t, 'member');
    for (let i = 0; i < 3; i++) expect((await signInFrom(t, newAddress(), user.email, `wrong guess ${i} from a spray`)).statusCode).toBe(401);

    const blocked = await signInFrom(t, newAddress(), user.email, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toContain(PROBLEM);
    expect(blocked.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(blocked.cookies.find(isSessionCookie)).toBeUndefined();

    // The answer does not tell whether the password was right.
    const wrong = await signInFrom(t, newAddress(), user.email, 'yet another wrong guess');
    expect(wrong.statusCode).toBe(429);
    expect(wrong.json()).toEqual(blocked.json());

    // The e-mail is compared as better-auth looks it up: other spellings of the address are the same account.
    expect((await signInFrom(t, newAddress(), `  ${user.email.toUpperCase()}`, TEST_PASSWORD)).statusCode).toBe(429);

    // Another account is not affected, from the same addresses.
    const other = await makeUser(t, 'member');
    expect((await signInFrom(t, `10.0.0.${addressSeq}`, other.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an unknown address exactly as a known one (no account enumeration)', async () => {
    const known = await makeUser(t, 'viewer');
    const unknown = uniqueEmail('nobody');
    for (let i = 0; i < 3; i++) {
      expect((await signInFrom(t, newAddress(), known.email, `wrong ${i}`)).statusCode).toBe(401);
      expect((await signInFrom(t, newAddress(), unknown, `wrong ${i}`)).statusCode).toBe(401);
    }
    const a = await signInFrom(t, newAddress(), known.email, 'wrong again');
    const b = await signInFrom(t, newAddress(), unknown, 'wrong again');
    expect([a.statusCode, b.statusCode]).toEqual([429, 429]);
    expect(b.body).toBe(a.body);
  });

  it('does not count successful sign-ins, and a success does not wipe out earlier failures', async () => {
    const user = await makeUser(t, 'member');
    // Signing in often (several devices, a script) never locks a user out.
    for (let i = 0; i < 5; i++) expect((await signInFrom(t, newAddress(), user.email, TEST_PASSWORD)).statusCode).toBe(200);

    expect((await signInFrom(t, newAddress(), user.email, 'wrong 1')).statusCode).toBe(401);
    expect((await signInFrom(t, newAddress(), user.email, 'wrong 2')).statusCode).toBe(401);
    expect((await signInFrom(t, newAddress(), user.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await signInFrom(t, newAddress(), user.email, 'wrong 3')).statusCode).toBe(401);
    // Three failures in the window: the success in between neither counted nor reset them.
    expect((await signInFrom(t, newAddress(), user.email, TEST_PASSWORD)).statusCode).toBe(429);
    const [row] = await counterRows(t, signInAccountKey(user.email));
    expect(row?.count).toBe(4);
  });

  it('lets no more than the limit through when attempts arrive at once', async () => {
    const user = await makeUser(t, 'member');
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => signInFrom(t, newAddress(), user.email, `parallel guess ${i}`)));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });

  it('counts every spelling of the sign-in path that reaches the endpoint', async () => {
    const user = await makeUser(t, 'member');
    for (let i = 0; i < 3; i++) expect((await signInFrom(t, newAddress(), user.email, `wrong ${i}`)).statusCode).toBe(401);
    for (const url of [
      '/api/auth/sign-in/email?x=1',
      '/api/auth/./sign-in/email',
      '/api/auth/sign-in/../sign-in/email',
      '/api/auth/sign-in/email/',
      '/api/auth//sign-in/email',
      '/api/auth/sign-in/%65mail',
    ]) {
      const res = await signInFrom(t, newAddress(), user.email, TEST_PASSWORD, url);
      // Refused as over the limit, or not an endpoint at all; never checked.
      expect([404, 429], url).toContain(res.statusCode);
      expect(res.cookies.find(isSessionCookie), url).toBeUndefined();
    }
  });

  it('opens the account again when the window ends', async () => {
    const user = await makeUser(t, 'member');
    for (let i = 0; i < 3; i++) expect((await signInFrom(t, newAddress(), user.email, `wrong ${i}`)).statusCode).toBe(401);
    expect((await signInFrom(t, newAddress(), user.email, TEST_PASSWORD)).statusCode).toBe(429);
    // As if 15 minutes had passed.
    await t.database.query(`update rate_limit_counter set window_ends = now() - interval '1 second' where key = $1`, [signInAccountKey(user.email)]);
    expect((await signInFrom(t, newAddress(), user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('holds over a real socket behind a proxy, whatever X-Forwarded-For the attacker rotates through', async () => {
    const proxied = await createTestApp({ SIGN_IN_ACCOUNT_RATE_LIMIT: '3', SIGN_IN_RATE_LIMIT: '1000', TRUST_PROXY: 'true' }, t.database);
    try {
      await proxied.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = proxied.app.server.address() as AddressInfo;
      const user = await makeUser(proxied, 'member');
      const attempt = (password: string) =>
        fetch(`http://127.0.0.1:${port}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: BASE_URL, 'x-forwarded-for': newAddress() },
          body: JSON.stringify({ email: user.email, password }),
        });
      for (let i = 0; i < 3; i++) expect((await attempt(`sprayed guess ${i}`)).status).toBe(401);
      const blocked = await attempt(TEST_PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('content-type')).toContain(PROBLEM);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(blocked.headers.getSetCookie().some((c) => c.includes('session_token='))).toBe(false);
      expect(await blocked.json()).toMatchObject({ code: 'rate_limited' });
    } finally {
      await proxied.close();
    }
  });
});

describe('first run (POST /api/setup) per client address', () => {
  it('shares the limit between two instances on one database', async () => {
    const a = await createTestApp();
    const b = await createTestApp({}, a.database);
    try {
      const attacker = '203.0.113.50';
      const setup = (app: TestApp, remoteAddress: string, payload: Record<string, string>) => app.app.inject({ method: 'POST', url: '/api/setup', remoteAddress, payload });
      // Ten attempts, alternating between the instances: each saw only five.
      for (let i = 0; i < 10; i++) expect((await setup(i % 2 ? b : a, attacker, { name: 'Mallory', email: 'not-an-address', password: 'short' })).statusCode).toBe(400);

      const blocked = await setup(a, attacker, { name: 'Mallory', email: 'mallory@example.com', password: 'long enough password 1' });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['content-type']).toContain(PROBLEM);
      expect(blocked.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect((await setup(b, attacker, { name: 'Mallory', email: 'mallory@example.com', password: 'long enough password 1' })).statusCode).toBe(429);
      // Refused, so nothing was set up.
      expect((await a.app.inject({ method: 'GET', url: '/api/setup' })).json().needsSetup).toBe(true);

      // Someone else may still set the instance up.
      const owner = await setup(b, '192.0.2.10', { name: 'Owner', email: uniqueEmail('owner'), password: 'long enough password 1' });
      expect(owner.statusCode).toBe(201);
    } finally {
      await b.close();
      await a.close();
    }
  });
});

describe('personal API tokens', () => {
  it('answers 429 with Retry-After past the per-token limit, on every instance, and leaves other tokens alone', async () => {
    const a = await createTestApp({ API_TOKEN_RATE_LIMIT: '5' });
    const b = await createTestApp({ API_TOKEN_RATE_LIMIT: '5' }, a.database);
    try {
      const user = await makeUser(a, 'member');
      const busy = await tokenFor(a, user);
      const calm = await tokenFor(a, user);
      const get = (app: TestApp, token: string) => app.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
      for (let i = 0; i < 5; i++) expect((await get(i % 2 ? b : a, busy)).statusCode).toBe(200);

      const blocked = await get(b, busy);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['content-type']).toContain(PROBLEM);
      expect(blocked.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      const retryAfter = Number(blocked.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await get(a, busy)).statusCode).toBe(429);
      // A write is refused before it does anything.
      const write = await a.app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(busy), payload: { name: 'more', expiresInDays: null } });
      expect(write.statusCode).toBe(429);

      // The same user's other token, and the user's session, are not affected.
      expect((await get(a, calm)).statusCode).toBe(200);
      const session = await sessionFor(a, user);
      expect((await a.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } })).statusCode).toBe(200);

      // The next window starts afresh.
      const [row] = await a.database.query<{ id: string }>('select id::text as id from api_token where prefix = $1', [busy.slice(0, 10)]);
      await a.database.query(`update rate_limit_counter set window_ends = now() - interval '1 second' where key = $1`, [`token:${row!.id}`]);
      expect((await get(a, busy)).statusCode).toBe(200);
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('counts nothing for a token that does not exist', async () => {
    const before = await t.database.query<{ n: number }>('select count(*)::int as n from rate_limit_counter');
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(`ph_made_up_${i}_${'x'.repeat(40)}`) });
      expect(res.statusCode).toBe(401);
    }
    expect(await t.database.query<{ n: number }>('select count(*)::int as n from rate_limit_counter')).toEqual(before);
  });
});

describe('pruning', () => {
  it('the hourly job deletes counters whose window ended and keeps the running ones', async () => {
    const user = await makeUser(t, 'member');
    await tokenFor(t, user).then((token) => t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) }));
    const ended = signInAccountKey(uniqueEmail('gone'));
    await t.database.query(`insert into rate_limit_counter (key, count, window_ends) values ($1, 7, now() - interval '1 minute')`, [ended]);
    const [run] = await t.app.jobs.tick(new Date(), ['rate-limits']);
    expect(run?.status).toBe('done');
    expect(await counterRows(t, ended)).toEqual([]);
    expect((await t.database.query<{ n: number }>('select count(*)::int as n from rate_limit_counter where window_ends > now()'))[0]!.n).toBeGreaterThan(0);
  });
});
