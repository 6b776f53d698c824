import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, bearer, cookieHeaders, createTestApp, makeUser, sessionFor, signIn, TEST_PASSWORD, uniqueEmail, type TestApp } from '../support/app.js';
import { actor, actorFor } from '../support/actors.js';
import { listenOnLoopback, sendJson } from '../support/socket.js';

// The tests' BASE_URL is http://localhost: a plain cookie name (https gets __Secure-, tested below).
const SESSION_COOKIE = 'better-auth.session_token';
const isSessionCookie = (c: { name: string }) => c.name.endsWith(SESSION_COOKIE);
const PROBLEM = 'application/problem+json';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/me', headers });

async function tokenRows(userId: string) {
  return t.database.query<{ id: string }>('select id from api_token where user_id = $1', [userId]);
}

describe('sign-in and sessions', () => {
  it('sign-in sets an HttpOnly, SameSite session cookie, keeps the token out of the body, and /api/me works', async () => {
    const user = await makeUser(t, 'member');
    const res = await signIn(t, user.email);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite?.toLowerCase()).toMatch(/^(lax|strict)$/);

    // Page scripts must not be able to read the session token from the response either.
    const body = res.json();
    expect(body).not.toHaveProperty('token');
    const sessionToken = decodeURIComponent(cookie!.value).split('.')[0]!;
    expect(sessionToken.length).toBeGreaterThan(10);
    expect(res.body).not.toContain(sessionToken);
    expect(body.user.email).toBe(user.email);
    expect(JSON.stringify(body)).not.toMatch(/password/i);

    const who = await me({ cookie: `${cookie!.name}=${cookie!.value}` });
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ user: { id: user.id, email: user.email, role: 'member' }, via: 'session' });
    expect(typeof who.json().csrfToken).toBe('string');
  });

  it('sign-out ends the session at once', async () => {
    const s = await sessionFor(t, await makeUser(t, 'viewer'));
    expect((await me({ cookie: s.cookie })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: s.cookie, origin: BASE_URL }, payload: {} });
    expect(out.statusCode).toBe(200);
    const after = await me({ cookie: s.cookie });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain(PROBLEM);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('refuses a cookie-carrying sign-out or password change from a foreign or missing Origin', async () => {
    const user = await makeUser(t, 'member');
    const s = await sessionFor(t, user);
    for (const headers of [{ cookie: s.cookie, origin: 'https://evil.example' }, { cookie: s.cookie }]) {
      const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers, payload: {} });
      expect(out.statusCode).toBe(403);
      expect(out.headers['content-type']).toContain(PROBLEM);
      const change = await t.app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'chosen by the attacker 123' },
      });
      expect(change.statusCode).toBe(403);
    }
    expect((await me({ cookie: s.cookie })).statusCode).toBe(200);
    expect((await signIn(t, user.email)).statusCode).toBe(200);
    expect((await signIn(t, user.email, 'chosen by the attacker 123')).statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown e-mail identically (no account enumeration)', async () => {
    const user = await makeUser(t, 'member');
    const wrongPassword = await signIn(t, user.email, 'not the right password');
    const unknownEmail = await signIn(t, uniqueEmail('nobody'), 'not the right password');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.headers['content-type']).toContain(PROBLEM);
    expect(unknownEmail.headers['content-type']).toBe(wrongPassword.headers['content-type']);
    expect(unknownEmail.body).toBe(wrongPassword.body);
    expect(wrongPassword.cookies.find(isSessionCookie)).toBeUndefined();
  });

  it('rate-limits sign-in per client address, and a client cannot pick its own address', async () => {
    const limited = await createTestApp({ SIGN_IN_RATE_LIMIT: '3' });
    try {
      const user = await makeUser(limited, 'member');
      const attempt = (remoteAddress: string, password: string, headers: Record<string, string> = {}) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          remoteAddress,
          headers: { origin: BASE_URL, ...headers },
          payload: { email: user.email, password },
        });
      const attacker = '203.0.113.7';
      for (let i = 0; i < 3; i++) expect((await attempt(attacker, `guess number ${i} wrong`)).statusCode).toBe(401);

      // Past the limit even the right password is refused, in the API's one error shape.
      const blocked = await attempt(attacker, TEST_PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['content-type']).toContain(PROBLEM);
      expect(blocked.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(blocked.cookies.find(isSessionCookie)).toBeUndefined();

      // Headers the client sends do not change the address the limiter counts.
      const spoofed = await attempt(attacker, TEST_PASSWORD, { 'x-partnerhub-client-ip': '198.51.100.1', 'x-forwarded-for': '198.51.100.2' });
      expect(spoofed.statusCode).toBe(429);

      // Another client is not locked out by the attacker.
      expect((await attempt('198.51.100.20', TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('changes the password: the new one works, the old one stops working', async () => {
    const user = await makeUser(t, 'finance');
    const s = await sessionFor(t, user);
    const newPassword = 'a completely new passphrase';
    const change = (headers: Record<string, string>, currentPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/change-password', headers, payload: { currentPassword, newPassword } });

    expect((await change({ origin: BASE_URL }, TEST_PASSWORD)).statusCode).toBe(401);
    const wrongCurrent = await change({ cookie: s.cookie, origin: BASE_URL }, 'not my current password');
    expect(wrongCurrent.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrongCurrent.statusCode).toBeLessThan(500);
    expect((await signIn(t, user.email, newPassword)).statusCode).toBe(401);

    const ok = await change({ cookie: s.cookie, origin: BASE_URL }, TEST_PASSWORD);
    expect(ok.statusCode).toBe(200);
    // A new session cookie may be set, but page scripts never see a session token.
    const newToken = ok.cookies.find((c) => c.name.endsWith('session_token'))?.value.split('.')[0];
    expect(ok.body).not.toMatch(/"token"/);
    if (newToken) expect(ok.body).not.toContain(newToken);
    expect((await signIn(t, user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(t, user.email, newPassword)).statusCode).toBe(200);
    // Only the successful change is on the user's history, by the user.
    const history = await t.database.query<{ action: string; actor_id: string }>(
      "select action, actor_id from audit_log where entity_type = 'user' and entity_id = $1 and action = 'change-password'",
      [user.id],
    );
    expect(history).toEqual([{ action: 'change-password', actor_id: user.id }]);
  });
});

describe('session cookies follow the scheme of BASE_URL', () => {
  async function signInOverSocket(baseUrl: string) {
    const app = await createTestApp({ BASE_URL: baseUrl });
    try {
      const port = await listenOnLoopback(app);
      const user = await makeUser(app, 'member');
      const host = new URL(baseUrl).host;
      const res = await sendJson(port, 'POST', '/api/auth/sign-in/email', { host, origin: baseUrl }, { email: user.email, password: TEST_PASSWORD });
      expect(res.status, res.body).toBe(200);
      const session = res.setCookies.find((line) => line.split('=')[0]!.endsWith(SESSION_COOKIE));
      expect(session, res.setCookies.join('\n')).toBeDefined();
      const who = await sendJson(port, 'GET', '/api/me', { host, cookie: session!.split(';')[0]! });
      expect(who.status, who.body).toBe(200);
      expect(JSON.parse(who.body)).toMatchObject({ user: { id: user.id }, via: 'session' });
      return { session: session!, all: res.setCookies };
    } finally {
      await app.close();
    }
  }
  const attributes = (line: string) =>
    line
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase());

  it('over http on a LAN host: neither Secure nor __Secure-, so a browser keeps the cookie, and it signs /api/me in', async () => {
    const { session, all } = await signInOverSocket('http://partnerhub.lan:3000');
    expect(session.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    expect(all.filter((line) => line.startsWith('__Secure-') || line.startsWith('__Host-'))).toEqual([]);
    expect(all.filter((line) => attributes(line).includes('secure'))).toEqual([]);
    expect(attributes(session)).toContain('httponly');
  });

  it('over https: the __Secure- cookie with the Secure attribute', async () => {
    const { session } = await signInOverSocket('https://partnerhub.example.com');
    expect(session.startsWith(`__Secure-${SESSION_COOKIE}=`)).toBe(true);
    expect(attributes(session)).toEqual(expect.arrayContaining(['secure', 'httponly']));
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  it('refuses a write without, or with a wrong, x-csrf-token and writes nothing', async () => {
    const s = await sessionFor(t, await makeUser(t, 'member'));
    const other = await sessionFor(t, await makeUser(t, 'member'));
    const create = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/tokens', headers, payload: { name: 'from a forged form' } });

    for (const headers of [
      cookieHeaders(s, false),
      { ...cookieHeaders(s, false), 'x-csrf-token': 'not-the-token' },
      // A token is bound to its session: another user's valid token does not pass.
      { ...cookieHeaders(s, false), 'x-csrf-token': other.csrf },
    ]) {
      const res = await create(headers);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(res.json().code).toBe('csrf_failed');
    }
    expect(await tokenRows(s.user.id)).toHaveLength(0);

    const ok = await create(cookieHeaders(s));
    expect(ok.statusCode).toBe(201);
    expect(await tokenRows(s.user.id)).toHaveLength(1);
  });

  it('does not ask a Bearer-authenticated write for a CSRF token', async () => {
    const user = await actor(t, 'viewer');
    const res = await user.post('/api/tokens', { name: 'script' });
    expect(res.statusCode).toBe(201);
    expect(await tokenRows(user.id)).toHaveLength(2);
  });
});

describe('API tokens', () => {
  it('authenticate, show their last use, and stop working the moment they are revoked', async () => {
    const s = await actor(t, 'manager', { via: 'session' });
    const created = await s.post('/api/tokens', { name: 'ci' });
    expect(created.statusCode).toBe(201);
    const { id, token, lastUsedAt } = created.json();
    expect(lastUsedAt).toBeNull();
    expect(token).toMatch(/^ph_/);

    const who = await me(bearer(token));
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ user: { id: s.id, role: 'manager' }, via: 'token', csrfToken: null });

    const list = await s.get('/api/tokens');
    expect(list.statusCode).toBe(200);
    const listed = list.json().items.find((i: { id: string }) => i.id === id);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(Date.now() - Date.parse(listed.lastUsedAt)).toBeLessThan(5 * 60_000);
    expect(list.body).not.toContain(token);

    const revoked = await s.delete(`/api/tokens/${id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await me(bearer(token));
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain(PROBLEM);
  });

  it('are stored only as a hash', async () => {
    const s = await actor(t, 'member', { via: 'session' });
    const created = await s.post('/api/tokens', { name: 'hashed' });
    const { id, token } = created.json();
    const secretPart = token.slice('ph_'.length);
    const rows = await t.database.query('select * from api_token where id = $1', [id]);
    expect(rows).toHaveLength(1);
    const audit = await t.database.query('select * from audit_log where entity_id = $1', [id]);
    expect(audit.length).toBeGreaterThan(0);
    for (const stored of [JSON.stringify(rows), JSON.stringify(audit)]) {
      expect(stored).not.toContain(token);
      expect(stored).not.toContain(secretPart);
    }
  });

  it('cannot be revoked by another user', async () => {
    const owner = await actor(t, 'member');
    const [row] = await tokenRows(owner.id);
    const intruder = await actor(t, 'admin');
    const res = await intruder.delete(`/api/tokens/${row!.id}`);
    expect(res.statusCode).toBe(404);
    expect((await owner.get('/api/me')).statusCode).toBe(200);
  });

  it('are refused once expired, and a malformed Authorization header does not fall back to the cookie', async () => {
    const user = await actor(t, 'member');
    expect((await user.get('/api/me')).statusCode).toBe(200);
    await t.database.query(`update api_token set expires_at = now() - interval '1 minute' where user_id = $1`, [user.id]);
    expect((await user.get('/api/me')).statusCode).toBe(401);

    const s = await sessionFor(t, user);
    for (const authorization of ['Bearer not-a-partnerhub-token', `Basic ${Buffer.from('a:b').toString('base64')}`, `Bearer ph_${'x'.repeat(43)}`]) {
      const res = await me({ cookie: s.cookie, authorization });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('unauthenticated');
    }
  });
});

describe('errors are problem+json', () => {
  it('names the invalid fields and changes nothing', async () => {
    const admin = await actor(t, 'admin');
    const [{ n: before }] = (await t.database.query<{ n: number }>('select count(*)::int as n from "user"')) as [{ n: number }];
    const res = await admin.post('/api/users', { name: 'Nina', email: 'not-an-email', role: 'member', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain(PROBLEM);
    const problem = res.json();
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(typeof problem.type).toBe('string');
    expect(typeof problem.title).toBe('string');
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['body.email']);

    const many = await admin.post('/api/users', { name: '', email: 'x', role: 'pope', password: 'short' });
    expect(many.statusCode).toBe(400);
    const paths = many.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.email', 'body.role', 'body.password']));

    const [{ n: after }] = (await t.database.query<{ n: number }>('select count(*)::int as n from "user"')) as [{ n: number }];
    expect(after).toBe(before);
  });

  it('answers malformed JSON, a wrong content type and an unknown route with problem+json', async () => {
    const user = await actor(t, 'member');
    const malformed = await user.inject({ method: 'POST', url: '/api/tokens', headers: { 'content-type': 'application/json' }, payload: '{"name": "half' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain(PROBLEM);
    expect(malformed.json()).toMatchObject({ code: 'bad_request', errors: [{ path: 'body' }] });

    const wrongType = await user.inject({ method: 'POST', url: '/api/tokens', headers: { 'content-type': 'application/xml' }, payload: '<name>x</name>' });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.headers['content-type']).toContain(PROBLEM);

    const unknown = await user.get('/api/no-such-thing');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain(PROBLEM);
    expect(await tokenRows(user.id)).toHaveLength(1);
  });

  it('answers a broken or over-long URL and input PostgreSQL cannot store with a 4xx, never a 500', async () => {
    const admin = await actor(t, 'admin');
    for (const url of [`/api/users/${'x'.repeat(300)}`, '/api/users/%zz', '/api/users/%E0%A4%A']) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.headers['content-type'], url).toContain(PROBLEM);
    }
    // The version column is a 32-bit integer.
    const tooBig = await admin.patch(`/api/users/${admin.id}`, { name: 'X', version: 2 ** 31 });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.version']);
    // PostgreSQL text cannot hold U+0000.
    const nul = await admin.patch('/api/me', { name: 'Null\u0000Byte' });
    expect(nul.statusCode).toBe(400);
    expect(nul.headers['content-type']).toContain(PROBLEM);
    expect((await admin.get('/api/me')).json().user.name).toBe(admin.name);
  });
});

describe('health', () => {
  it('reports the database without sign-in and reveals no secrets', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { status: 'ok', kind: t.database.kind } });
    const [setting] = await t.database.query<{ value: string }>(`select value from instance_setting where key = 'auth_secret'`);
    expect(setting?.value.length).toBeGreaterThan(20);
    expect(res.body).not.toContain(setting!.value);
    expect(res.body).not.toMatch(/postgres(ql)?:\/\//);
    if (process.env.TEST_DATABASE_URL) expect(res.body).not.toContain(new URL(process.env.TEST_DATABASE_URL).host);
    expect(res.body).not.toMatch(/password|secret/i);
  });
});

describe('first run', () => {
  it('creates the first administrator once; later attempts get 403', { timeout: 120_000 }, async () => {
    const fresh = await createTestApp();
    try {
      const status = async () => (await fresh.app.inject({ method: 'GET', url: '/api/setup' })).json().needsSetup;
      expect(await status()).toBe(true);

      const invalid = await fresh.app.inject({ method: 'POST', url: '/api/setup', payload: { name: 'Ada', email: 'ada', password: 'short' } });
      expect(invalid.statusCode).toBe(400);
      expect(await status()).toBe(true);

      // Two browsers racing on the setup page: exactly one becomes the administrator.
      const body = (name: string) => ({ name, email: uniqueEmail(name.toLowerCase()), password: TEST_PASSWORD });
      const [a, b] = await Promise.all([
        fresh.app.inject({ method: 'POST', url: '/api/setup', payload: body('Ada') }),
        fresh.app.inject({ method: 'POST', url: '/api/setup', payload: body('Bob') }),
      ]);
      expect([a!.statusCode, b!.statusCode].sort()).toEqual([201, 403]);
      const winner = a!.statusCode === 201 ? a! : b!;
      expect(winner.json()).toMatchObject({ role: 'admin', active: true });
      expect(winner.body).not.toMatch(/password/i);
      expect(await status()).toBe(false);

      const again = await fresh.app.inject({ method: 'POST', url: '/api/setup', payload: body('Eve') });
      expect(again.statusCode).toBe(403);
      expect(again.headers['content-type']).toContain(PROBLEM);
      const [{ n }] = (await fresh.database.query<{ n: number }>('select count(*)::int as n from "user"')) as [{ n: number }];
      expect(n).toBe(1);

      const admin = await actorFor(fresh, winner.json(), 'session');
      expect((await admin.get('/api/users')).statusCode).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});
