import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actor, type Actor } from '../../../../tests/support/actors.js';
import { mailMessage } from '../../db/schema/index.js';
import type { User } from '../../../shared/schemas/user.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** The outbox exports what it shows: its status filter and order, the chosen columns, in the reader's language; administrators only, as the list. */
let t: TestApp;
let admin: Actor;
const tag = `mexp${Date.now()}`;
const at = (hh: string) => new Date(`2026-11-27T${hh}:00:00Z`);
/** What a spreadsheet shows for a moment: Zurich's wall clock (CET in November, an hour ahead). */
const zurich = (d: Date) => new Date(d.getTime() + 3_600_000);
let ann: User;

beforeAll(async () => {
  t = await createTestApp();
  admin = await actor(t, 'admin');
  ann = await makeUser(t, 'member', { name: `Ann ${tag}` });
  await t.database.db.insert(mailMessage).values([
    { toAddress: ann.email, userId: ann.id, subject: `Due today ${tag}`, text: 'x', status: 'sent', attempts: 1, createdAt: at('08'), sentAt: at('09') },
    { toAddress: 'ext@example.com', subject: `=Digest ${tag}`, text: 'x', status: 'failed', attempts: 2, lastError: 'connection refused', createdAt: at('10') },
    { toAddress: ann.email, userId: ann.id, subject: `Weekly ${tag}`, text: 'x', status: 'outbox', createdAt: at('11') },
  ]);
});
afterAll(() => t.close());

const ours = (rows: string[][], col = 0) => rows.slice(1).filter((r) => r[col]!.includes(tag));

describe('outbox export', () => {
  it('writes the outbox as CSV in the asked order with the chosen columns, formulas kept as text', async () => {
    const res = await admin.get(`/api/mail/export?sort=createdAt&columns=subject,to,colleague,status,attempts`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="mail-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = csvRows(res.body);
    expect(rows[0]).toEqual(['Subject', 'To', 'Colleague', 'Status', 'Attempts']);
    expect(ours(rows)).toEqual([
      [`Due today ${tag}`, ann.email, ann.name, 'Sent', '1'],
      [`'=Digest ${tag}`, 'ext@example.com', '', 'Failed', '2'],
      [`Weekly ${tag}`, ann.email, ann.name, 'In the outbox', '0'],
    ]);
  });

  it('filters by status like the list, and speaks German', async () => {
    const res = await admin.inject({ method: 'GET', url: `/api/mail/export?status=failed&columns=subject,status,lastError`, headers: { 'accept-language': 'de-CH' } });
    expect(res.statusCode).toBe(200);
    const rows = csvRows(res.body);
    expect(rows[0]).toEqual(['Betreff', 'Status', 'Letzter Fehler']);
    expect(rows.slice(1).every((r) => r[1] === 'Fehlgeschlagen')).toBe(true);
    expect(ours(rows)).toEqual([[`'=Digest ${tag}`, 'Fehlgeschlagen', 'connection refused']]);
  });

  it('writes XLSX with every column when none are chosen: dates as dates, attempts as numbers', async () => {
    const res = await admin.get(`/api/mail/export?status=sent&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Subject', 'To', 'Colleague', 'Status', 'Created', 'Sent', 'Attempts', 'Last error']);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === `Due today ${tag}`)!;
    expect(row).toBeDefined();
    expect(row.getCell(5).value).toEqual(zurich(at('08')));
    expect(row.getCell(6).value).toEqual(zurich(at('09')));
    expect(row.getCell(7).value).toBe(1);
  });

  it('is the administrator’s, as the list is; an unknown column is a 400 that names it', async () => {
    expect((await (await actor(t, 'manager')).get('/api/mail/export')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/mail/export' })).statusCode).toBe(401);
    const bad = await admin.get(`/api/mail/export?columns=subject,html`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('html') })]);
  });
});
