import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actor, type Actor } from '../../../../tests/support/actors.js';
import { eq } from 'drizzle-orm';
import { user } from '../../db/schema/index.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** The colleagues list exports what it shows: active colleagues only, its search and order, the chosen columns, in the reader's language. */
let t: TestApp;
let viewer: Actor;
const tag = `cexp${Date.now()}`;
const email = (local: string) => `${local}.${tag}@example.com`;

beforeAll(async () => {
  t = await createTestApp();
  viewer = await actor(t, 'viewer');
  await makeUser(t, 'manager', { name: `Carla ${tag}`, email: email('a') });
  await makeUser(t, 'member', { name: `@SUM(1+1) ${tag}`, email: email('b') });
  await makeUser(t, 'viewer', { name: `Dario ${tag}`, email: email('c') });
  const gone = await makeUser(t, 'member', { name: `Gone ${tag}`, email: email('d') });
  await t.database.db.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, gone.id));
});
afterAll(() => t.close());

describe('colleagues list export', () => {
  it('writes the active colleagues the search finds, in the asked order, formulas kept as text; a deactivated one is left out as in the list', async () => {
    const res = await viewer.get(`/api/colleagues/export?q=${tag}&sort=-email`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="colleagues-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csvRows(res.body)).toEqual([
      ['Name', 'E-mail', 'Role'],
      [`Dario ${tag}`, email('c'), 'Viewer'],
      [`'@SUM(1+1) ${tag}`, email('b'), 'Member'],
      [`Carla ${tag}`, email('a'), 'Partner Manager'],
    ]);
  });

  it('speaks German for headers and roles, with the chosen columns', async () => {
    const res = await viewer.inject({
      method: 'GET',
      url: `/api/colleagues/export?q=${encodeURIComponent(email('a'))}&columns=role,name`,
      headers: { 'accept-language': 'de-CH' },
    });
    expect(res.statusCode).toBe(200);
    expect(csvRows(res.body)).toEqual([
      ['Rolle', 'Name'],
      ['Partner Manager', `Carla ${tag}`],
    ]);
  });

  it('writes XLSX that a spreadsheet reads back', async () => {
    const res = await viewer.get(`/api/colleagues/export?q=${tag}&sort=email&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'E-mail', 'Role']);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getCell('A3').value).toBe(`@SUM(1+1) ${tag}`);
    expect(sheet.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('C4').value).toBe('Viewer');
  });

  it('refuses an unknown column with a 400 that names it, and a caller without credentials with 401', async () => {
    const bad = await viewer.get(`/api/colleagues/export?columns=name,phone`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('phone') })]);
    expect((await t.app.inject({ method: 'GET', url: '/api/colleagues/export' })).statusCode).toBe(401);
  });
});
