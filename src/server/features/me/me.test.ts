import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actor } from '../../../../tests/support/actors.js';
import { auditLog, user } from '../../db/schema/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const localeOf = async (id: string) => (await t.database.db.select({ locale: user.locale, version: user.version }).from(user).where(eq(user.id, id)))[0]!;
const audits = (id: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, id), eq(auditLog.action, 'update')));

describe('one’s own language', () => {
  it('is null until chosen, is set and cleared by PATCH /api/me with the version, audited', async () => {
    for (const via of ['token', 'session'] as const) {
      const me = await actor(t, 'member', { via });
      const first = (await me.get('/api/me')).json();
      expect(first).toMatchObject({ locale: null, user: { id: me.id, version: expect.any(Number) } });

      const set = await me.patch('/api/me', { locale: 'de', version: first.user.version });
      expect(set.statusCode).toBe(200);
      expect(set.json()).toMatchObject({ locale: 'de', user: { name: me.name, version: first.user.version + 1 } });
      expect((await me.get('/api/me')).json().locale).toBe('de');
      expect(await audits(me.id)).toEqual([expect.objectContaining({ action: 'update', actorId: me.id, changes: { locale: { from: null, to: 'de' } } })]);

      const cleared = await me.patch('/api/me', { locale: null, version: first.user.version + 1 });
      expect(cleared.json().locale).toBeNull();
      expect((await localeOf(me.id)).locale).toBeNull();
    }
  });

  it('refuses a language it does not speak, a stale version and a field of someone else’s, and writes nothing', async () => {
    const me = await actor(t, 'member');
    const before = await localeOf(me.id);
    for (const body of [{ locale: 'fr', version: before.version }, { locale: 'EN' }, { locale: 'de', version: before.version, role: 'admin' }]) {
      const res = await me.patch('/api/me', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const stale = await me.patch('/api/me', { locale: 'de', version: before.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toBe(`The profile was changed by someone else (you sent version ${before.version + 5}, it is now ${before.version}). Reload and try again.`);
    expect(await localeOf(me.id)).toEqual(before);
    expect(await audits(me.id)).toEqual([]);
  });

  it('still renames without a version, as the name form does, keeping the language', async () => {
    const me = await actor(t, 'viewer');
    await me.patch('/api/me', { locale: 'de', version: (await localeOf(me.id)).version });
    const res = await me.patch('/api/me', { name: 'Vera Viewer-Renamed' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ locale: 'de', user: { name: 'Vera Viewer-Renamed' } });
  });
});

describe('the language of an answer', () => {
  it('is the user’s choice when the request names none, and the request’s own when it does', async () => {
    for (const via of ['token', 'session'] as const) {
      const me = await actor(t, 'member', { via });
      await me.patch('/api/me', { locale: 'de', version: (await localeOf(me.id)).version });
      // A fresh request: the actor is read with its stored language.
      const german = await me.inject({ method: 'PATCH', url: '/api/me', payload: { locale: 'fr' } });
      expect(german.statusCode).toBe(400);
      expect(german.json()).toMatchObject({
        title: 'Die Anfrage ist nicht gültig',
        errors: [{ path: 'body.locale', message: expect.stringContaining('muss einer dieser Werte sein') }],
      });
      const english = await me.inject({ method: 'PATCH', url: '/api/me', payload: { locale: 'fr' }, headers: { 'accept-language': 'en' } });
      expect(english.json().title).not.toBe('Die Anfrage ist nicht gültig');
      const stale = await me.inject({ method: 'PATCH', url: '/api/me', payload: { locale: 'de', version: 999 } });
      expect(stale.json().detail).toMatch(/^Ihr Profil wurde von jemand anderem geändert \(Sie haben Version 999 gesendet/);
    }
  });
});
