import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, type Actors } from '../../../../tests/support/actors.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** The product catalogue exports what its page shows: every product by name, the chosen columns, in the reader's language. */
let t: TestApp;
let as: Actors;
const tag = `exp${Date.now()}`;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
  for (const body of [
    { name: `Managed Kubernetes ${tag}`, description: 'Run by us on a partner’s cloud' },
    { name: `=cmd|' /C calc'!A0 ${tag}`, description: '@SUM(A1:A9)' },
    { name: `Backup as a Service ${tag}`, description: null },
  ]) {
    const res = await as.manager.post('/api/products', body);
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

/** Only this file's products: the catalogue is shared by the whole database. */
const ours = (rows: string[][]) => [rows[0]!, ...rows.slice(1).filter((r) => r.some((c) => c.includes(tag)))];

describe('product catalogue export', () => {
  it('writes the catalogue as CSV by name, as the page lists it, formulas kept as text', async () => {
    const res = await as.viewer.get('/api/products/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"$/);
    const listed = (await as.viewer.get('/api/products')).json<{ items: { name: string }[] }>().items;
    const rows = csvRows(res.body);
    // Every product the list shows, in its order (the formula guard adds an apostrophe to one name).
    expect(rows.slice(1).map(([name]) => name!.replace(/^'/, ''))).toEqual(listed.map((p) => p.name));
    expect(ours(rows)).toEqual([
      ['Name', 'Description'],
      [`'=cmd|' /C calc'!A0 ${tag}`, `'@SUM(A1:A9)`],
      [`Backup as a Service ${tag}`, ''],
      [`Managed Kubernetes ${tag}`, 'Run by us on a partner’s cloud'],
    ]);
  });

  it('speaks German for headers and writes only the chosen columns', async () => {
    const res = await as.member.inject({ method: 'GET', url: '/api/products/export?columns=description,name', headers: { 'accept-language': 'de-CH' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(ours(csvRows(res.body))).toEqual([
      ['Beschreibung', 'Name'],
      [`'@SUM(A1:A9)`, `'=cmd|' /C calc'!A0 ${tag}`],
      ['', `Backup as a Service ${tag}`],
      ['Run by us on a partner’s cloud', `Managed Kubernetes ${tag}`],
    ]);
  });

  it('writes XLSX that a spreadsheet reads back, text never a formula', async () => {
    const res = await as.viewer.get('/api/products/export?format=xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Description']);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(1).value).includes(tag)) rows.push([row.getCell(1).value, row.getCell(2).value, row.getCell(1).type]);
    });
    expect(rows).toEqual([
      [`=cmd|' /C calc'!A0 ${tag}`, '@SUM(A1:A9)', ExcelJS.ValueType.String],
      [`Backup as a Service ${tag}`, null, ExcelJS.ValueType.String],
      [`Managed Kubernetes ${tag}`, 'Run by us on a partner’s cloud', ExcelJS.ValueType.String],
    ]);
  });

  it('refuses an unknown column or format with a 400 that names it, and a caller without credentials with 401', async () => {
    const bad = await as.viewer.get('/api/products/export?columns=name,price');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('price') })]);
    expect((await as.viewer.get('/api/products/export?format=pdf')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/products/export' })).statusCode).toBe(401);
  });
});
