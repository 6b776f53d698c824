import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, type Actors } from '../../../../tests/support/actors.js';
import { makePartner } from '../../../../tests/support/factories.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** The partner list exports what it shows: its filters and sort, the chosen columns, in the reader's language. */
let t: TestApp;
let as: Actors;
const tag = `exp${Date.now()}`;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
  await makePartner(t, { name: `Bergbahn Cloud ${tag}`, types: ['cloud_service_provider'], status: 'active', importance: 'key', country: 'CH', tags: [tag] });
  await makePartner(t, { name: `Alpha Vendor ${tag}`, types: ['software_vendor', 'distributor'], status: 'prospect', importance: 'standard', country: 'DE', tags: [tag] });
  await makePartner(t, { name: `=cmd|' /C calc'!A0 ${tag}`, types: ['software_vendor'], status: 'active', importance: 'standard', tags: [tag] });
  await makePartner(t, { name: `Not tagged ${tag}`, types: ['software_vendor'] });
});
afterAll(() => t.close());

describe('partner list export', () => {
  it('writes the filtered list as CSV in its order with the chosen columns, formulas kept as text', async () => {
    const res = await as.viewer.get(`/api/partners/export?tag=${tag}&sort=name&columns=name,status,types`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="partners-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csvRows(res.body)).toEqual([
      ['Name', 'Status', 'Types'],
      [`'=cmd|' /C calc'!A0 ${tag}`, 'Active', 'Software vendor'],
      [`Alpha Vendor ${tag}`, 'Prospect', 'Software vendor, Distributor'],
      [`Bergbahn Cloud ${tag}`, 'Active', 'Cloud service provider'],
    ]);
  });

  it('speaks German for headers and enum labels, and filters like the list (status)', async () => {
    const res = await as.viewer.inject({
      method: 'GET',
      url: `/api/partners/export?tag=${tag}&status=active&sort=-name&columns=name,importance,country`,
      headers: { ...as.viewer.headers, 'accept-language': 'de-CH' },
    });
    expect(res.statusCode).toBe(200);
    expect(csvRows(res.body)).toEqual([
      ['Name', 'Bedeutung', 'Land'],
      [`Bergbahn Cloud ${tag}`, 'Wichtig', 'CH'],
      [`'=cmd|' /C calc'!A0 ${tag}`, 'Standard', ''],
    ]);
  });

  it('speaks the language the link names, whatever the browser sends: a download cannot set Accept-Language', async () => {
    const res = await as.viewer.inject({
      method: 'GET',
      url: `/api/partners/export?tag=${tag}&status=active&sort=-name&columns=name,importance&lang=de`,
      headers: { ...as.viewer.headers, 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.statusCode).toBe(200);
    expect(csvRows(res.body)[0]).toEqual(['Name', 'Bedeutung']);
    const bad = await as.viewer.get(`/api/partners/export?lang=fr`);
    expect(bad.statusCode).toBe(400);
  });

  it('writes XLSX that a spreadsheet reads back, with every column when none are chosen', async () => {
    const res = await as.viewer.get(`/api/partners/export?tag=${tag}&format=xlsx&sort=name`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Types', 'Status', 'Importance', 'Level', 'Owner', 'Country', 'Tags', 'Last contact', 'Next contact']);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getCell('A2').value).toBe(`=cmd|' /C calc'!A0 ${tag}`);
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A4').value).toBe(`Bergbahn Cloud ${tag}`);
    expect(sheet.getCell('H4').value).toBe(tag);
  });

  it('refuses an unknown column or format with a 400 that names it, and a caller without credentials with 401', async () => {
    const bad = await as.viewer.get(`/api/partners/export?columns=name,salary`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('salary') })]);
    expect((await as.viewer.get(`/api/partners/export?format=pdf`)).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/partners/export' })).statusCode).toBe(401);
  });
});
