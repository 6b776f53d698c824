import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, cookieHeaders, createTestApp, makeUser, sessionFor, tokenFor, uniqueEmail, type TestApp } from '../../../../tests/support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('users', () => {
  it('an admin creates a member, and a stale version gets 409 and changes nothing', async () => {
    const admin = await sessionFor(t, await makeUser(t, 'admin'));
    const email = uniqueEmail('new');
    const created = await t.app.inject({ method: 'POST', url: '/api/users', headers: cookieHeaders(admin), payload: { name: 'Mia', email, role: 'member', password: 'a long enough password' } });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ email, role: 'member', active: true, version: 1 });

    const ok = await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: cookieHeaders(admin), payload: { role: 'manager', version: 1 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ role: 'manager', version: 2 });

    const stale = await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: cookieHeaders(admin), payload: { role: 'viewer', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().code).toBe('version_conflict');
    const after = await t.app.inject({ method: 'GET', url: `/api/users/${user.id}`, headers: cookieHeaders(admin) });
    expect(after.json()).toMatchObject({ role: 'manager', version: 2 });

    const history = await t.app.inject({ method: 'GET', url: `/api/audit?entityType=user&entityId=${user.id}`, headers: cookieHeaders(admin) });
    expect(history.statusCode).toBe(200);
    const entries = history.json().items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(entries[0].changes).toEqual({ role: { from: 'member', to: 'manager' } });
    expect(entries[0].actor.id).toBe(admin.user.id);
  });

  it('deactivating a user ends their session and their API token at once', async () => {
    const admin = await sessionFor(t, await makeUser(t, 'admin'));
    const member = await makeUser(t, 'member');
    const session = await sessionFor(t, member);
    const token = await tokenFor(t, member);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode).toBe(200);

    const res = await t.app.inject({ method: 'POST', url: `/api/users/${member.id}/deactivate`, headers: cookieHeaders(admin), payload: { version: member.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);

    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', headers: { origin: 'http://localhost:3000' }, payload: { email: member.email, password: 'correct horse battery staple' } });
    expect(again.statusCode).toBe(403);
  });

  it('an administrator sets a new password: the old one and the sessions end', async () => {
    const admin = await sessionFor(t, await makeUser(t, 'admin'));
    const member = await makeUser(t, 'member');
    const session = await sessionFor(t, member);
    const tooShort = await t.app.inject({ method: 'PUT', url: `/api/users/${member.id}/password`, headers: cookieHeaders(admin), payload: { password: 'short' } });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].path).toBe('body.password');
    const res = await t.app.inject({ method: 'PUT', url: `/api/users/${member.id}/password`, headers: cookieHeaders(admin), payload: { password: 'a fresh password for you' } });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    const signIn = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', headers: { origin: 'http://localhost:3000' }, payload: { email: member.email, password } });
    expect((await signIn('correct horse battery staple')).statusCode).toBe(401);
    expect((await signIn('a fresh password for you')).statusCode).toBe(200);
    const history = await t.app.inject({ method: 'GET', url: `/api/audit?entityType=user&entityId=${member.id}`, headers: cookieHeaders(admin) });
    expect(history.json().items[0]).toMatchObject({ action: 'set-password', actor: { id: admin.user.id } });
  });

  it('refuses to demote the last active administrator', async () => {
    const t2 = await createTestApp();
    try {
      const admin = await makeUser(t2, 'admin');
      const s = await sessionFor(t2, admin);
      const res = await t2.app.inject({ method: 'PATCH', url: `/api/users/${admin.id}`, headers: cookieHeaders(s), payload: { role: 'member', version: admin.version } });
      expect(res.statusCode).toBe(409);
      expect(res.json().errors[0].path).toBe('body.role');
    } finally {
      await t2.close();
    }
  });
});
