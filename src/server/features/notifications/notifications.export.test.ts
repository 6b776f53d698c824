import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actor, type Actor } from '../../../../tests/support/actors.js';
import { notification } from '../../db/schema/index.js';
import { notify } from './notifications.core.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** The inbox exports what it shows: one's own notifications only, its unread filter and order, the chosen columns, in the reader's language. */
let t: TestApp;
let ann: Actor;
let bob: Actor;
const at = (hh: string) => new Date(`2026-11-27T${hh}:00:00Z`);
/** What a spreadsheet shows for a moment: Zurich's wall clock (CET in November, an hour ahead). */
const zurich = (d: Date) => new Date(d.getTime() + 3_600_000);

beforeAll(async () => {
  t = await createTestApp();
  ann = await actor(t, 'member');
  bob = await actor(t, 'member');
  const db = t.database.db;
  await notify(db, [{ userId: ann.id, kind: 'task_due', title: 'Sign the NDA', body: 'Due today', link: '/my-work', dedupeKey: 'exp:1' }], at('07'));
  const [read] = await notify(db, [{ userId: ann.id, kind: 'contract_notice', title: '=Notice for Bergbahn AG', dedupeKey: 'exp:2' }], at('08'));
  await db
    .update(notification)
    .set({ readAt: at('09') })
    .where(eq(notification.id, read!.id));
  await notify(db, [{ userId: ann.id, kind: 'digest', title: 'Your week', dedupeKey: 'exp:3' }], at('10'));
  await notify(db, [{ userId: bob.id, kind: 'task_overdue', title: 'Bob’s own reminder', dedupeKey: 'exp:1' }], at('07'));
});
afterAll(() => t.close());

describe('inbox export', () => {
  it('writes only the caller’s own inbox as CSV, newest first, with the chosen columns and formulas kept as text', async () => {
    const res = await ann.get('/api/notifications/export?columns=kind,title,body,link');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="notifications-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csvRows(res.body)).toEqual([
      ['Type', 'Title', 'Details', 'Link'],
      ['Digest', 'Your week', '', ''],
      ['Contract notice deadline', `'=Notice for Bergbahn AG`, '', ''],
      ['Task due', 'Sign the NDA', 'Due today', `${BASE_URL}/my-work`],
    ]);
    // Bob's export has his one notification and none of Ann's.
    expect(csvRows((await bob.get('/api/notifications/export?columns=title')).body)).toEqual([['Title'], ['Bob’s own reminder']]);
  });

  it('filters unread like the inbox, in the asked order, and speaks German', async () => {
    const res = await ann.inject({ method: 'GET', url: '/api/notifications/export?unread=true&sort=createdAt&columns=kind,title', headers: { 'accept-language': 'de-CH' } });
    expect(res.statusCode).toBe(200);
    expect(csvRows(res.body)).toEqual([
      ['Typ', 'Titel'],
      ['Aufgabe fällig', 'Sign the NDA'],
      ['Zusammenfassung', 'Your week'],
    ]);
    const read = csvRows((await ann.get('/api/notifications/export?unread=false&columns=title')).body);
    expect(read).toEqual([['Title'], [`'=Notice for Bergbahn AG`]]);
  });

  it('writes XLSX with every column when none are chosen, dates as dates', async () => {
    const res = await ann.get('/api/notifications/export?unread=false&format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Type', 'Title', 'Details', 'Received', 'Read on', 'Link']);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getCell('B2').value).toBe('=Notice for Bergbahn AG');
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('D2').value).toEqual(zurich(at('08')));
    expect(sheet.getCell('E2').value).toEqual(zurich(at('09')));
  });

  it('refuses an unknown column with a 400 that names it, and a caller without credentials with 401', async () => {
    const bad = await ann.get('/api/notifications/export?columns=title,userId');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('userId') })]);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications/export' })).statusCode).toBe(401);
  });
});
