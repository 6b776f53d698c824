import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actor } from '../../../../tests/support/actors.js';
import { notification, notificationPreference } from '../../db/schema/index.js';
import type { User } from '../../../shared/schemas/user.js';
import { resolveAuthSecret } from '../../lib/secret.js';
import { notify, unsubscribeToken } from './notifications.core.js';

let t: TestApp;
let secret: string;

beforeAll(async () => {
  t = await createTestApp();
  // The app's signing secret (generated and kept in the database when AUTH_SECRET is not set).
  secret = await resolveAuthSecret(t.database.db);
});
afterAll(() => t.close());

/** n reminders in the user's inbox (a second call with a larger n adds only the new ones). */
const inboxOf = (u: User, n: number) =>
  notify(
    t.database.db,
    Array.from({ length: n }, (_, i) => ({
      userId: u.id,
      kind: 'task_due' as const,
      title: `Reminder ${i + 1}`,
      body: 'Due today',
      link: '/my-work',
      dedupeKey: `test:${u.id}:${i}`,
    })),
    new Date('2026-11-27T08:00:00Z'),
  );

describe('the inbox', () => {
  it('lists only one’s own notifications, counts the unread, and marks one or all read', async () => {
    // Fresh users: the counts below are of their own inboxes.
    const ann = await actor(t, 'member');
    const bob = await actor(t, 'viewer');
    const [first] = await inboxOf(ann, 3);
    await inboxOf(bob, 1);

    const list = await ann.get('/api/notifications');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(3);
    expect(
      list
        .json()
        .items.map((n: { title: string }) => n.title)
        .sort(),
    ).toEqual(['Reminder 1', 'Reminder 2', 'Reminder 3']);
    expect(list.json().items[0]).toMatchObject({ kind: 'task_due', body: 'Due today', link: '/my-work', readAt: null });
    expect((await ann.get('/api/notifications/unread-count')).json()).toEqual({ unread: 3 });

    const read = await ann.post(`/api/notifications/${first!.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await ann.get('/api/notifications/unread-count')).json()).toEqual({ unread: 2 });
    expect((await ann.get('/api/notifications?unread=true')).json().total).toBe(2);

    // Someone else's notification is not there for Bob, and stays unread.
    const foreign = await bob.post(`/api/notifications/${(await inboxOf(ann, 4))[0]!.id}/read`);
    expect(foreign.statusCode).toBe(404);

    const all = await ann.post('/api/notifications/read-all');
    expect(all.json()).toEqual({ marked: 3 });
    expect((await ann.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await bob.get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
  });

  it('stores a reminder once per user and dedupe key', async () => {
    const u = await makeUser(t, 'member');
    const item = { userId: u.id, kind: 'task_overdue' as const, title: 'Overdue: send NDA', dedupeKey: 'task_overdue:x:2026-11-27' };
    const now = new Date('2026-11-27T08:00:00Z');
    expect(await notify(t.database.db, [item], now)).toHaveLength(1);
    expect(await notify(t.database.db, [item, { ...item, dedupeKey: 'task_overdue:x:2026-11-28' }], now)).toHaveLength(1);
    expect(await t.database.db.select().from(notification).where(eq(notification.userId, u.id))).toHaveLength(2);
  });
});

describe('notification preferences', () => {
  it('start with the defaults, change field by field, and are audited', async () => {
    const u = await actor(t, 'finance', { via: 'session' });
    const initial = await u.get('/api/me/notification-preferences');
    expect(initial.json()).toEqual({ emailReminders: true, digest: 'weekly', teamDigest: true });

    const changed = await u.put('/api/me/notification-preferences', { digest: 'daily', teamDigest: false });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ emailReminders: true, digest: 'daily', teamDigest: false });

    const audit = await u.get(`/api/audit?entityType=user&entityId=${u.id}`);
    expect(audit.json().items[0]).toMatchObject({
      action: 'notification_preferences',
      changes: { digest: { from: 'weekly', to: 'daily' }, teamDigest: { from: true, to: false } },
    });
  });

  it('refuses a bad value naming the field, and changes nothing', async () => {
    const u = await actor(t, 'member');
    for (const payload of [{ digest: 'hourly' }, { emailReminders: 'yes' }, { teamDigest: true, colour: 'red' }]) {
      const res = await u.put('/api/me/notification-preferences', payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json().errors)).toMatch(Object.keys(payload).at(-1)!);
    }
    expect(await t.database.db.select().from(notificationPreference).where(eq(notificationPreference.userId, u.id))).toEqual([]);
  });

  it('takes only JSON: a form or multipart body (which only the unsubscribe routes parse) gets 415, not a crash', async () => {
    const u = await actor(t, 'member');
    const form = { 'content-type': 'multipart/form-data; boundary=x' };
    const body = '--x\r\nContent-Disposition: form-data; name="digest"\r\n\r\ndaily\r\n--x--\r\n';
    for (const [method, url] of [
      ['PUT', '/api/me/notification-preferences'],
      ['POST', '/api/notifications/read-all'],
    ] as const) {
      for (const headers of [form, { 'content-type': 'application/x-www-form-urlencoded' }]) {
        const res = await u.inject({ method, url, headers, payload: headers === form ? body : 'digest=daily' });
        expect(res.statusCode, `${method} ${url} ${headers['content-type']}: ${res.body}`).toBe(415);
        expect(res.json().code).toBe('unsupported_media_type');
      }
    }
    expect(await t.database.db.select().from(notificationPreference).where(eq(notificationPreference.userId, u.id))).toEqual([]);
  });
});

describe('one-click unsubscribe', () => {
  const prefsOf = async (id: string) => (await t.database.db.select().from(notificationPreference).where(eq(notificationPreference.userId, id)))[0];

  it('the mail link only asks: a GET (a mail scanner following the link) changes nothing', async () => {
    const u = await makeUser(t, 'member');
    const token = unsubscribeToken(secret, u.id, 'digest');
    for (const method of ['GET', 'HEAD'] as const) {
      const res = await t.app.inject({ method, url: `/api/unsubscribe?token=${encodeURIComponent(token)}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
    }
    const res = await t.app.inject({ method: 'GET', url: `/api/unsubscribe?token=${encodeURIComponent(token)}` });
    expect(res.body).toContain('Unsubscribe from your personal digest');
    expect(res.body).not.toContain('You are unsubscribed');
    // A plain form posting to our own origin: the CSP allows it and the page needs no script.
    expect(res.body).toContain(`<form method="post" action="/api/unsubscribe?token=${encodeURIComponent(token)}">`);
    expect(res.body).not.toMatch(/<script|\son[a-z]+=/i);
    expect(res.headers['content-security-policy']).toMatch(/form-action 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await prefsOf(u.id)).toBeUndefined();
    expect(await t.database.query(`select 1 from audit_log where entity_type = 'user' and entity_id = $1 and action = 'notification_preferences'`, [u.id])).toEqual([]);
  });

  it("the confirmation page's button unsubscribes: a browser's form POST over a real socket", async () => {
    const app = await createTestApp();
    try {
      await app.app.listen({ port: 0, host: '127.0.0.1' });
      const origin = `http://127.0.0.1:${(app.app.server.address() as AddressInfo).port}`;
      const appSecret = await resolveAuthSecret(app.database.db);
      const member = await makeUser(app, 'member');
      const page = await fetch(`${origin}/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(appSecret, member.id, 'reminders'))}`);
      expect(page.status).toBe(200);
      const action = /<form method="post" action="([^"]+)">/.exec(await page.text())?.[1]?.replace(/&#38;/g, '&');
      expect(action).toBeDefined();
      const prefs = async () => (await app.database.db.select().from(notificationPreference).where(eq(notificationPreference.userId, member.id)))[0];
      expect(await prefs()).toBeUndefined();
      // What a browser sends for a form with one nameless button: an empty urlencoded body, its origin.
      const done = await fetch(new URL(action!, origin), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'text/html' },
        body: '',
      });
      expect(done.status).toBe(200);
      expect(done.headers.get('content-type')).toContain('text/html');
      expect(await done.text()).toContain('You are unsubscribed');
      expect(await prefs()).toMatchObject({ emailReminders: false, digest: 'weekly', teamDigest: true });
    } finally {
      await app.close();
    }
  });

  it('accepts RFC 8058 one-click POSTs from mail clients', async () => {
    const u = await makeUser(t, 'member');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(secret, u.id, 'team_digest'))}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ list: 'team_digest', unsubscribed: true });
    expect(await prefsOf(u.id)).toMatchObject({ teamDigest: false, digest: 'weekly' });
    expect(await t.database.query(`select 1 from audit_log where entity_type = 'user' and entity_id = $1 and action = 'notification_preferences'`, [u.id])).toHaveLength(1);

    // RFC 8058 prefers multipart/form-data for the same field.
    const v = await makeUser(t, 'member');
    const boundary = 'one-click-boundary';
    const multipart = await t.app.inject({
      method: 'POST',
      url: `/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(secret, v.id, 'reminders'))}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(multipart.statusCode, multipart.body).toBe(200);
    expect(multipart.json()).toEqual({ list: 'reminders', unsubscribed: true });
    expect(await prefsOf(v.id)).toMatchObject({ emailReminders: false, teamDigest: true });
  });

  it('answers 400 naming the body to a form that is not the multipart its header claims, or that carries a file, and changes nothing', async () => {
    const u = await makeUser(t, 'member');
    const url = `/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(secret, u.id, 'reminders'))}`;
    const before = await prefsOf(u.id);
    const bodies = [
      // JSON sent under a multipart header (found by the fuzzer: it was a 500).
      { boundary: 'x', payload: '{"name":"x","version":1}' },
      // A cut-off form.
      { boundary: 'b', payload: '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Cl' },
      // A file where only the one field belongs.
      { boundary: 'b', payload: '--b\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n' },
    ];
    for (const { boundary, payload } of bodies) {
      const res = await t.app.inject({ method: 'POST', url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([{ path: 'body', message: 'is not a readable form' }]);
    }
    expect(await prefsOf(u.id)).toEqual(before);
  });

  it('answers 400 to a tampered, foreign-list or unsigned token, and changes nothing', async () => {
    const u = await makeUser(t, 'member');
    const other = await makeUser(t, 'member');
    const good = unsubscribeToken(secret, u.id, 'reminders');
    const [user64, , mac] = good.split('.');
    const bad = [
      `${good.slice(0, -2)}xx`,
      `${user64}.digest.${mac}`,
      `${Buffer.from(other.id).toString('base64url')}.reminders.${mac}`,
      unsubscribeToken('another-secret-another-secret-another', u.id, 'reminders'),
      'nonsense',
    ];
    for (const token of bad) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await t.app.inject({
          method,
          url: `/api/unsubscribe?token=${encodeURIComponent(token)}`,
          ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' } : {}),
        });
        expect(res.statusCode, `${method} ${token}`).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().errors[0].path).toBe('querystring.token');
      }
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/unsubscribe' })).statusCode).toBe(400);
    expect(await prefsOf(u.id)).toBeUndefined();
    expect(await prefsOf(other.id)).toBeUndefined();
  });
});
