import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/schemas/user.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { setActive, updateUser } from './users.service.js';
import { createTestApp, makeUser, signIn, TEST_PASSWORD, uniqueEmail, type TestApp } from '../../../../tests/support/app.js';
import { actor, actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';

let t: TestApp;
let as: Actors<'admin'>;
beforeAll(async () => {
  t = await createTestApp();
  // The administrator works in the web app: by session, with its CSRF token.
  as = await actorsFor(t, { roles: ['admin'], via: 'session' });
});
afterAll(() => t.close());

const { get, post, put, patch } = requestsAs(() => as.admin);

describe('users', () => {
  it('an admin creates a member, and a stale version gets 409 and changes nothing', async () => {
    const email = uniqueEmail('new');
    const created = await post('/api/users', { name: 'Mia', email, role: 'member', password: 'a long enough password' });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ email, role: 'member', active: true, version: 1 });

    const ok = await patch(`/api/users/${user.id}`, { role: 'manager', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ role: 'manager', version: 2 });

    const stale = await patch(`/api/users/${user.id}`, { role: 'viewer', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().code).toBe('version_conflict');
    const after = await get(`/api/users/${user.id}`);
    expect(after.json()).toMatchObject({ role: 'manager', version: 2 });

    const history = await get(`/api/audit?entityType=user&entityId=${user.id}`);
    expect(history.statusCode).toBe(200);
    const entries = history.json().items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(entries[0].changes).toEqual({ role: { from: 'member', to: 'manager' } });
    expect(entries[0].actor.id).toBe(as.admin.id);
  });

  it('deactivating a user ends their session and their API token at once', async () => {
    // Signed in in a browser and holding an API token.
    const member = await actor(t, 'member', { via: 'session' });
    expect((await member.get('/api/me')).statusCode).toBe(200);
    expect((await get('/api/me', member.token)).statusCode).toBe(200);

    const res = await post(`/api/users/${member.id}/deactivate`, { version: member.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);

    expect((await member.get('/api/me')).statusCode).toBe(401);
    expect((await get('/api/me', member.token)).statusCode).toBe(401);
    expect((await signIn(t, member.email)).statusCode).toBe(403);
  });

  it('an administrator sets a new password: the old one and the sessions end', async () => {
    const member = await actor(t, 'member', { via: 'session' });
    const tooShort = await put(`/api/users/${member.id}/password`, { password: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].path).toBe('body.password');
    const res = await put(`/api/users/${member.id}/password`, { password: 'a fresh password for you' });
    expect(res.statusCode).toBe(204);
    expect((await member.get('/api/me')).statusCode).toBe(401);
    expect((await signIn(t, member.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(t, member.email, 'a fresh password for you')).statusCode).toBe(200);
    const history = await get(`/api/audit?entityType=user&entityId=${member.id}`);
    expect(history.json().items[0]).toMatchObject({ action: 'set-password', actor: { id: as.admin.id } });
  });

  it('refuses to demote the last active administrator', async () => {
    const t2 = await createTestApp();
    try {
      const admin = await actor(t2, 'admin', { via: 'session' });
      const res = await admin.patch(`/api/users/${admin.id}`, { role: 'member', version: admin.version });
      expect(res.statusCode).toBe(409);
      expect(res.json().errors[0].path).toBe('body.role');
    } finally {
      await t2.close();
    }
  });
});

describe('the last administrator, under concurrency', () => {
  type Change = 'demote' | 'deactivate';
  /** What the API's routes and the CLI's `user set-role` / `user deactivate` both call. */
  const change = (t2: TestApp, how: Change, actor: Actor, target: User) =>
    how === 'demote'
      ? updateUser(t2.database.db, target.id, { role: 'member', version: target.version }, actor)
      : setActive(t2.database.db, target.id, false, target.version, actor);
  const actorOf = (u: User): Actor => ({ id: u.id, name: u.name, email: u.email, role: u.role, via: 'token' });

  /**
   * Two administrators, the only ones of a fresh database, change each other at the same moment
   * (Promise.all on the pool). On PostgreSQL a third connection first holds both rows, so that both
   * changes are inside their transactions and waiting before either may go on: without a lock that
   * covers every administrator, both then counted the other as still there and both succeeded.
   * PGlite is one connection and runs them one after the other; the outcome must be the same.
   */
  async function race(first: Change, second: Change) {
    const t2 = await createTestApp();
    try {
      const a = await makeUser(t2, 'admin');
      const b = await makeUser(t2, 'admin');
      const blocker = await t2.database.pool?.connect();
      let results: PromiseSettledResult<unknown>[];
      try {
        if (blocker) {
          await blocker.query('begin');
          await blocker.query(`select id from "user" where id in ($1, $2) for update`, [a.id, b.id]);
        }
        let settled = false;
        const pending = Promise.allSettled([change(t2, first, actorOf(a), b), change(t2, second, actorOf(b), a)]).finally(() => (settled = true));
        if (blocker) {
          // Statistics views keep their first reading for the whole transaction unless cleared.
          const waiting = async () => {
            await blocker.query('select pg_stat_clear_snapshot()');
            return Number((await blocker.query(`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rows[0].n);
          };
          await waitFor(async () => settled || (await waiting()) >= 2);
          expect(settled, 'both changes wait for the rows the third connection holds').toBe(false);
          await blocker.query('commit');
        }
        results = await pending;
      } finally {
        await blocker?.query('rollback').catch(() => undefined);
        blocker?.release();
      }
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
      expect(refused).toBeInstanceOf(AppError);
      expect(refused.status).toBe(409);
      expect(refused.message + JSON.stringify(refused.fieldErrors ?? [])).toMatch(/last active administrator/);

      const admins = await t2.database.query<{ id: string }>(`select id from "user" where role = 'admin' and deactivated_at is null`);
      expect(admins).toHaveLength(1);
      // The refused change left no trace: one audit record of one change between the two of them.
      expect(await t2.database.query(`select entity_id from audit_log where entity_type = 'user' and action in ('update', 'deactivate')`)).toHaveLength(1);
    } finally {
      await t2.close();
    }
  }

  it('two administrators demoting each other at once leave one administrator', () => race('demote', 'demote'));
  it('two administrators deactivating each other at once leave one administrator', () => race('deactivate', 'deactivate'));
  it('one demoting while the other deactivates leaves one administrator', () => race('demote', 'deactivate'));
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting for both changes to wait on the lock');
    await new Promise((r) => setTimeout(r, 20));
  }
}
