// A user's own browser sessions (GET /api/me/sessions, DELETE /api/me/sessions/:id) over a real
// socket: what they show, that no session token ever leaves the server, and that revoking one ends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, bearer, createTestApp, makeUser, TEST_PASSWORD, type TestApp } from '../support/app.js';
import { actor } from '../support/actors.js';
import { cookiePair, listenOnLoopback, sendJson, sendRaw } from '../support/socket.js';
import type { User } from '../../src/shared/schemas/user.js';
import type { UserSession } from '../../src/shared/schemas/session.js';

const PROBLEM = 'application/problem+json';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

let t: TestApp;
let port = 0;
beforeAll(async () => {
  t = await createTestApp();
  port = await listenOnLoopback(t);
});
afterAll(() => t?.close());

interface Browser {
  cookie: string;
  csrf: string;
  /** Session headers for a write: cookie, Origin and CSRF token, as the web app sends them. */
  write: Record<string, string>;
}

async function signIn(user: User, userAgent: string): Promise<Browser> {
  const res = await sendJson(port, 'POST', '/api/auth/sign-in/email', { origin: BASE_URL, 'user-agent': userAgent }, { email: user.email, password: TEST_PASSWORD });
  expect(res.status, res.body).toBe(200);
  const cookie = cookiePair(res.setCookies, 'session_token')!;
  const me = await sendJson(port, 'GET', '/api/me', { cookie, 'user-agent': userAgent });
  const csrf = JSON.parse(me.body).csrfToken as string;
  return { cookie, csrf, write: { cookie, origin: BASE_URL, 'x-csrf-token': csrf, 'user-agent': userAgent } };
}

async function tokensOf(userId: string): Promise<string[]> {
  return (await t.database.query<{ token: string }>('select token from session where user_id = $1', [userId])).map((r) => r.token);
}

async function sessionIds(userId: string): Promise<string[]> {
  return (await t.database.query<{ id: string }>('select id from session where user_id = $1 order by id', [userId])).map((r) => r.id);
}

const list = (headers: Record<string, string>) => sendJson(port, 'GET', '/api/me/sessions', headers);
const meStatus = async (b: Browser) => (await sendJson(port, 'GET', '/api/me', { cookie: b.cookie })).status;

describe('my sessions', () => {
  it('lists my active sessions in plain words, marks this one, and never shows a session token', async () => {
    // Its API token is not a session: it must not show in the list.
    const user = await actor(t, 'viewer');
    const laptop = await signIn(user, FIREFOX_WINDOWS);
    const phone = await signIn(user, SAFARI_IPHONE);
    await signIn(user, 'curl/8.5.0');
    await t.database.query(`update session set expires_at = now() - interval '1 minute' where id = (select id from session where user_id = $1 and user_agent = 'curl/8.5.0')`, [
      user.id,
    ]);
    const stranger = await makeUser(t, 'admin');
    await signIn(stranger, FIREFOX_WINDOWS);

    const res = await list({ cookie: laptop.cookie });
    expect(res.status, res.body).toBe(200);
    const items = JSON.parse(res.body).items as UserSession[];
    expect(items.map((s) => s.device).sort()).toEqual(['Firefox 128 on Windows', 'Safari 17 on iPhone']);
    const here = items.find((s) => s.current)!;
    expect(here.device).toBe('Firefox 128 on Windows');
    expect(items.filter((s) => s.current)).toHaveLength(1);
    for (const s of items) {
      expect(Object.keys(s).sort()).toEqual(['createdAt', 'current', 'device', 'expiresAt', 'id', 'ipAddress', 'lastUsedAt']);
      expect(s.ipAddress).toBe('127.0.0.1');
      expect(Date.parse(s.expiresAt)).toBeGreaterThan(Date.now());
      expect(Math.abs(Date.now() - Date.parse(s.createdAt))).toBeLessThan(5 * 60_000);
      expect(Date.parse(s.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(s.createdAt));
    }
    expect(await sessionIds(user.id)).toEqual(expect.arrayContaining(items.map((s) => s.id)));

    // No token of mine (the expired one included) nor anyone else's, in any field or form.
    const tokens = [...(await tokensOf(user.id)), ...(await tokensOf(stranger.id))];
    expect(tokens.length).toBe(4);
    expect(res.body).not.toMatch(/"token"/i);
    for (const token of tokens) expect(res.body).not.toContain(token);

    // From the phone, the phone is "this device"; with an API token, no session is.
    const fromPhone = JSON.parse((await list({ cookie: phone.cookie })).body).items as UserSession[];
    expect(fromPhone.find((s) => s.current)?.device).toBe('Safari 17 on iPhone');
    const viaToken = await list(bearer(user.token));
    expect(viaToken.status).toBe(200);
    expect((JSON.parse(viaToken.body).items as UserSession[]).map((s) => s.current)).toEqual([false, false]);
    for (const token of tokens) expect(viaToken.body).not.toContain(token);
  });

  it('revokes another of my sessions: it can no longer call /api/me, mine goes on, and the history says so', async () => {
    const user = await makeUser(t, 'member');
    const laptop = await signIn(user, FIREFOX_WINDOWS);
    const phone = await signIn(user, SAFARI_IPHONE);
    const items = JSON.parse((await list({ cookie: laptop.cookie })).body).items as UserSession[];
    const phoneSession = items.find((s) => !s.current)!;
    const [phoneToken] = (await t.database.query<{ token: string }>('select token from session where id = $1', [phoneSession.id])).map((r) => r.token);
    expect(await meStatus(phone)).toBe(200);

    // A cookie-authenticated revoke needs the CSRF token like every other write.
    const forged = await sendRaw(port, 'DELETE', `/api/me/sessions/${phoneSession.id}`, { cookie: laptop.cookie, origin: BASE_URL });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body).code).toBe('csrf_failed');
    expect(await meStatus(phone)).toBe(200);

    const revoked = await sendRaw(port, 'DELETE', `/api/me/sessions/${phoneSession.id}`, laptop.write);
    expect(revoked.status, revoked.body).toBe(204);
    expect(revoked.body).toBe('');

    const after = await sendJson(port, 'GET', '/api/me', { cookie: phone.cookie });
    expect(after.status).toBe(401);
    expect(after.type).toContain(PROBLEM);
    expect(await meStatus(laptop)).toBe(200);
    expect((JSON.parse((await list({ cookie: laptop.cookie })).body).items as UserSession[]).map((s) => s.id)).not.toContain(phoneSession.id);

    const audit = await t.database.query<{ action: string; actor_id: string; changes: unknown }>(
      `select action, actor_id, changes from audit_log where entity_type = 'user' and entity_id = $1 and action = 'revoke_session'`,
      [user.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(user.id);
    expect(JSON.stringify(audit[0]!.changes)).toContain(phoneSession.id);
    expect(JSON.stringify(audit[0]!.changes)).toContain('Safari 17 on iPhone');
    expect(JSON.stringify(audit)).not.toContain(phoneToken!);

    // Again: it is gone.
    expect((await sendRaw(port, 'DELETE', `/api/me/sessions/${phoneSession.id}`, laptop.write)).status).toBe(404);
  });

  it("answers 404 for another user's session and leaves it signed in, whatever the caller's role", async () => {
    const owner = await makeUser(t, 'viewer');
    const ownerBrowser = await signIn(owner, FIREFOX_WINDOWS);
    const [ownerSession] = await sessionIds(owner.id);
    const admin = await actor(t, 'admin');
    const adminBrowser = await signIn(admin, FIREFOX_WINDOWS);
    const auditBefore = await t.database.query(`select id from audit_log where action = 'revoke_session' and entity_id in ($1, $2)`, [owner.id, admin.id]);

    for (const headers of [adminBrowser.write, bearer(admin.token)]) {
      const res = await sendRaw(port, 'DELETE', `/api/me/sessions/${ownerSession}`, headers);
      expect(res.status).toBe(404);
      expect(res.type).toContain(PROBLEM);
      expect(JSON.parse(res.body).code).toBe('not_found');
    }
    expect(await meStatus(ownerBrowser)).toBe(200);
    expect(await sessionIds(owner.id)).toEqual([ownerSession]);
    expect(await t.database.query(`select id from audit_log where action = 'revoke_session' and entity_id in ($1, $2)`, [owner.id, admin.id])).toEqual(auditBefore);

    const unknown = await sendRaw(port, 'DELETE', `/api/me/sessions/${crypto.randomUUID()}`, adminBrowser.write);
    expect(unknown.status).toBe(404);
    const malformed = await sendRaw(port, 'DELETE', '/api/me/sessions/not-a-session-id', adminBrowser.write);
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).errors.map((e: { path: string }) => e.path)).toEqual(['params.id']);

    expect((await list({})).status).toBe(401);
  });
});
