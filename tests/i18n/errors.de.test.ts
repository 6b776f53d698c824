// API errors speak the request's language: with Accept-Language: de-CH the title, the detail and
// every field message are Swiss German; the stable code (what clients branch on) stays the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { BASE_URL, createTestApp, type TestApp } from '../support/app.js';
import { actorsFor, type Actor, type Actors } from '../support/actors.js';
import { makePartner } from '../support/factories.js';

let t: TestApp;
let as: Actors<'manager'>;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['manager'] });
});
afterAll(() => t.close());

const GERMAN = { 'accept-language': 'de-CH,de;q=0.9,en;q=0.5' };
const MISSING = '00000000-0000-4000-8000-000000000000';

/** A request by `who` (or nobody), in German when `de`. */
const send = (who: Actor | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload: object | undefined, de: boolean): Promise<LightMyRequestResponse> =>
  t.app.inject({ method, url, headers: { ...who?.headers, ...(de ? GERMAN : {}) }, ...(payload ? { payload } : {}) });

/** The problem answered in both languages: English without the header, German with it. */
async function both(who: Actor | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const en = await send(who, method, url, payload, false);
  const de = await send(who, method, url, payload, true);
  expect(de.statusCode, de.body).toBe(en.statusCode);
  expect(de.headers['content-type']).toContain('application/problem+json');
  expect(de.json().code).toBe(en.json().code);
  return { en: en.json(), de: de.json() };
}

describe('API errors in German', () => {
  it('words a validation error: title, detail and each field, from zod and from the service', async () => {
    const tooLong = 'x'.repeat(201);
    const { en, de } = await both(as.manager, 'POST', '/api/partners', { name: tooLong });
    expect(en).toMatchObject({ status: 400, code: 'validation_failed', title: 'The request is not valid' });
    expect(de).toMatchObject({ status: 400, code: 'validation_failed', title: 'Die Anfrage ist nicht gültig' });
    const field = (p: { errors: { path: string; message: string }[] }, path: string) => p.errors.find((e) => e.path === path)?.message;
    expect(field(en, 'body.name')).toBe('must be at most 200 characters');
    expect(field(de, 'body.name')).toBe('darf höchstens 200 Zeichen lang sein');
    // A required field left out.
    expect(field(de, 'body.types')).toBe('ist erforderlich');
    expect(de.detail).toContain('body.name: darf höchstens 200 Zeichen lang sein');
    expect(de.detail).toContain('body.types: ist erforderlich');

    // The service's own field message (the name is taken) comes from the errors catalogue.
    const taken = await makePartner(t);
    const dup = await both(as.manager, 'POST', '/api/partners', { name: taken.name, types: ['software_vendor'] });
    expect(dup.en.errors).toEqual([{ path: 'body.name', message: 'is already used by another partner' }]);
    expect(dup.de.errors).toEqual([{ path: 'body.name', message: 'wird bereits von einem anderen Partner verwendet' }]);
    expect(dup.de.detail).toBe('body.name: wird bereits von einem anderen Partner verwendet');
  });

  it('words a not-found, naming the kind of record in German', async () => {
    const { en, de } = await both(as.manager, 'GET', `/api/partners/${MISSING}`);
    expect(en).toMatchObject({ status: 404, code: 'not_found', title: 'Not found', detail: 'Partner was not found' });
    expect(de).toMatchObject({ status: 404, code: 'not_found', title: 'Nicht gefunden', detail: 'Partner wurde nicht gefunden' });

    const task = await both(as.manager, 'GET', `/api/tasks/${MISSING}`);
    expect(task.en.detail).toBe('Task was not found');
    expect(task.de.detail).toBe('Aufgabe wurde nicht gefunden');
  });

  it('words a version conflict with the versions sent and current', async () => {
    const p = await makePartner(t);
    expect((await as.manager.patch(`/api/partners/${p.id}`, { description: 'first', version: p.version })).statusCode).toBe(200);
    const { en, de } = await both(as.manager, 'PATCH', `/api/partners/${p.id}`, { description: 'second', version: p.version });
    expect(en).toMatchObject({
      status: 409,
      code: 'version_conflict',
      title: 'The record was changed by someone else',
      detail: `The partner was changed by someone else (you sent version ${p.version}, it is now ${p.version + 1}). Reload and try again.`,
    });
    expect(de).toMatchObject({
      status: 409,
      code: 'version_conflict',
      title: 'Der Datensatz wurde von jemand anderem geändert',
      detail: `Der Partner wurde von jemand anderem geändert (Sie haben Version ${p.version} gesendet, aktuell ist ${p.version + 1}). Laden Sie neu und versuchen Sie es noch einmal.`,
    });
  });

  it('words a 401 for a caller who is not signed in, and for a bad token', async () => {
    const { en, de } = await both(null, 'GET', '/api/partners');
    expect(en).toMatchObject({ status: 401, code: 'unauthenticated', title: 'Sign-in required', detail: 'Sign in, or send an API token as "Authorization: Bearer <token>"' });
    expect(de).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      title: 'Anmeldung erforderlich',
      detail: 'Melden Sie sich an oder senden Sie ein API-Token als «Authorization: Bearer <Token>»',
    });

    const bad = await t.app.inject({ method: 'GET', url: '/api/partners', headers: { authorization: 'Basic abc', ...GERMAN } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ code: 'unauthenticated', detail: 'Der Authorization-Header muss «Bearer <API-Token>» lauten' });
  });

  it("words better-auth's refusal of a wrong password", async () => {
    const signIn = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: BASE_URL, ...headers },
        payload: { email: as.manager.email, password: 'not the password' },
      });
    const en = await signIn({});
    const de = await signIn(GERMAN);
    expect(en.statusCode).toBe(401);
    expect(en.json()).toMatchObject({ code: 'unauthenticated', title: 'Sign-in required', detail: 'Invalid email or password' });
    expect(de.json()).toMatchObject({ code: 'unauthenticated', title: 'Anmeldung erforderlich', detail: 'E-Mail-Adresse oder Passwort ist falsch' });
  });

  it('answers in English without the header, and for a language it does not speak', async () => {
    const fr = await t.app.inject({ method: 'GET', url: `/api/partners/${MISSING}`, headers: { ...as.manager.headers, 'accept-language': 'fr-CH' } });
    expect(fr.json()).toMatchObject({ code: 'not_found', title: 'Not found', detail: 'Partner was not found' });
  });
});
