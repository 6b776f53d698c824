import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actor, type Actor } from '../../../../tests/support/actors.js';
import { setActive } from './users.service.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** The user list exports what it shows: its filters and sort, the chosen columns, in the reader's language; administrators only, as the list. */
let t: TestApp;
let admin: Actor;
const tag = `uexp${Date.now()}`;
let deactivatedAt: Date;

beforeAll(async () => {
  t = await createTestApp();
  admin = await actor(t, 'admin');
  await makeUser(t, 'manager', { name: `Anna ${tag}` });
  const bruno = await makeUser(t, 'member', { name: `Bruno ${tag}` });
  deactivatedAt = new Date((await setActive(t.database.db, bruno.id, false, undefined, null)).deactivatedAt!);
  await makeUser(t, 'viewer', { name: `=HYPERLINK("http://evil.example") ${tag}` });
});
afterAll(() => t.close());

describe('user list export', () => {
  it('writes the filtered list as CSV in its order with the chosen columns', async () => {
    const res = await admin.get(`/api/users/export?q=${tag}&status=all&sort=-name&columns=name,role,status`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="users-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = csvRows(res.body);
    expect(rows[0]).toEqual(['Name', 'Role', 'Status']);
    // The formula-looking name sorts by the database's collation; the two plain names keep their order around it.
    expect(rows.slice(1).filter((r) => !r[0]!.includes('HYPERLINK'))).toEqual([
      [`Bruno ${tag}`, 'Member', 'Deactivated'],
      [`Anna ${tag}`, 'Partner Manager', 'Active'],
    ]);
    expect(rows).toHaveLength(4);
  });

  it('filters like the list (role, status) and keeps a formula as text', async () => {
    const viewer = csvRows((await admin.get(`/api/users/export?q=${tag}&role=viewer&columns=name,role`)).body);
    expect(viewer).toEqual([
      ['Name', 'Role'],
      [`'=HYPERLINK("http://evil.example") ${tag}`, 'Viewer'],
    ]);
    const active = csvRows((await admin.get(`/api/users/export?q=${tag}&status=active&columns=name`)).body);
    expect(active.slice(1).map((r) => r[0])).not.toContain(`Bruno ${tag}`);
    expect(active).toHaveLength(3);
  });

  it('speaks German for headers, roles and status', async () => {
    const res = await admin.inject({
      method: 'GET',
      url: `/api/users/export?q=${tag}&status=deactivated&columns=name,email,role,status`,
      headers: { 'accept-language': 'de-CH' },
    });
    expect(res.statusCode).toBe(200);
    const rows = csvRows(res.body);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(['Name', 'E-Mail', 'Rolle', 'Status']);
    expect(rows[1]).toEqual([`Bruno ${tag}`, expect.stringMatching(/@example\.com$/), 'Mitglied', 'Deaktiviert']);
  });

  it('writes XLSX with every column when none are chosen, dates as dates', async () => {
    const res = await admin.get(`/api/users/export?q=${tag}&status=deactivated&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'E-mail', 'Role', 'Status', 'Added', 'Deactivated on']);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getCell('A2').value).toBe(`Bruno ${tag}`);
    expect(sheet.getCell('E2').value).toBeInstanceOf(Date);
    // A spreadsheet keeps times to about the millisecond.
    // The cell holds Zurich's wall-clock time (exceljs reads it as UTC).
    const wallClock = new Date(`${deactivatedAt.toLocaleString('sv-SE', { timeZone: 'Europe/Zurich' }).replace(' ', 'T')}Z`);
    expect(Math.abs((sheet.getCell('F2').value as Date).getTime() - wallClock.getTime())).toBeLessThan(1000);
  });

  it('is the administrator’s, as the list is; an unknown column is a 400 that names it', async () => {
    expect((await (await actor(t, 'manager')).get(`/api/users/export?q=${tag}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/users/export' })).statusCode).toBe(401);
    const bad = await admin.get(`/api/users/export?columns=name,password`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('password') })]);
  });
});
