import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, type Actors } from '../../../../tests/support/actors.js';
import { makePartner } from '../../../../tests/support/factories.js';
import { grantCertification, makeCertification } from '../../../../tests/support/compliance.js';
import { addDays, zurichDate } from '../../../shared/days.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** The programmes list exports what it shows: in use, archived or all, in its order, with its table's words in the reader's language. */
let t: TestApp;
let as: Actors;
const tag = `px${Date.now()}`;
const today = zurichDate(new Date());
let partnerName: string;

/** Our rows (the header and the rows naming the tag): other files' programmes may share the database. */
const ours = (rows: string[][]) => [rows[0]!, ...rows.slice(1).filter((r) => r.some((c) => c.includes(tag)))];

/** A programme through the API with a ladder whose levels each ask for `people` holders of one certification; the first level is held. */
async function program(name: string, vendor: string, levels: { name: string; people: number }[], extra: Record<string, unknown> = {}) {
  const created = await as.manager.post('/api/programs', { name: `${name} ${tag}`, vendor, ...extra });
  expect(created.statusCode, created.body).toBe(201);
  const cert = await makeCertification(t, created.json().id, { name: `Architect ${tag}` });
  const put = await as.manager.put(`/api/programs/${created.json().id}/levels`, {
    version: created.json().version,
    levels: levels.map((l) => ({ name: l.name, requirements: [{ counts: 'people', minCount: l.people, certificationIds: [cert.id] }] })),
  });
  expect(put.statusCode, put.body).toBe(200);
  const held = await as.manager.patch(`/api/programs/${put.json().id}`, { version: put.json().version, heldLevelId: put.json().levels[0].id });
  expect(held.statusCode, held.body).toBe(200);
  return { program: held.json() as { id: string; version: number }, cert };
}

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
  const p = await makePartner(t, { name: `Amazon Web Services ${tag}` });
  partnerName = p.name;
  // Met today by one holder whose certification lapses in 50 days: at risk from the day after.
  const { cert } = await program(
    'Alpine Cloud Network',
    'Amazon Web Services',
    [
      { name: 'Select', people: 1 },
      { name: 'Advanced', people: 4 },
    ],
    {
      partnerId: p.id,
      nextReviewOn: addDays(today, 200),
    },
  );
  await grantCertification(t, as.member.id, cert.id, addDays(today, -100), addDays(today, 50));
  // No ladder yet, a vendor that looks like a formula.
  const bare = await as.manager.post('/api/programs', { name: `Bergbahn Kube Program ${tag}`, vendor: `=cmd|' /C calc'!A0` });
  expect(bare.statusCode, bare.body).toBe(201);
  // Archived, below the level it holds.
  const { program: old } = await program('Old Reseller Programme', 'Contoso', [{ name: 'Gold', people: 5 }]);
  expect((await as.manager.post(`/api/programs/${old.id}/archive`, { version: old.version })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('programmes list export', () => {
  it('writes the programmes in use as CSV in the list’s order, with its table’s words, formulas kept as text', async () => {
    const res = await as.viewer.get('/api/programs/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="programmes-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(ours(csvRows(res.body))).toEqual([
      ['Programme', 'Vendor', 'Levels', 'Partner', 'Level we hold', 'Today', 'At risk from', 'Vendor review'],
      [`Alpine Cloud Network ${tag}`, 'Amazon Web Services', 'Select → Advanced', partnerName, 'Select', 'Meets Select today', addDays(today, 51), addDays(today, 200)],
      [`Bergbahn Kube Program ${tag}`, `'=cmd|' /C calc'!A0`, '', '', '', 'No level held', '', ''],
    ]);
  });

  it('exports the archived programmes, or all, when the list shows them; with the chosen columns, in German', async () => {
    const de = (url: string) => as.member.inject({ method: 'GET', url, headers: { 'accept-language': 'de-CH' } });
    const archived = await de('/api/programs/export?archived=true&columns=name,heldLevel,today');
    expect(archived.statusCode, archived.body).toBe(200);
    expect(ours(csvRows(archived.body))).toEqual([
      ['Partnerprogramm', 'Unser Level', 'Heute'],
      [`Old Reseller Programme ${tag}`, 'Gold', 'Unterschreitet Gold'],
    ]);
    const all = await de('/api/programs/export?archived=all&columns=name,today');
    expect(ours(csvRows(all.body))).toEqual([
      ['Partnerprogramm', 'Heute'],
      [`Alpine Cloud Network ${tag}`, 'Erfüllt Select heute'],
      [`Bergbahn Kube Program ${tag}`, 'Kein Level'],
      [`Old Reseller Programme ${tag}`, 'Unterschreitet Gold'],
    ]);
    // A download link names its language: lang=de wins over an English browser.
    const linked = await as.viewer.inject({ method: 'GET', url: '/api/programs/export?columns=name,review&lang=de', headers: { 'accept-language': 'en' } });
    expect(csvRows(linked.body)[0]).toEqual(['Partnerprogramm', 'Überprüfung durch Hersteller']);
  });

  it('writes XLSX that a spreadsheet reads back, the forecast and the vendor review as date cells', async () => {
    const res = await as.viewer.get('/api/programs/export?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Programme', 'Vendor', 'Levels', 'Partner', 'Level we hold', 'Today', 'At risk from', 'Vendor review']);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === `Alpine Cloud Network ${tag}`)!;
    expect(row).toBeDefined();
    expect(row.getCell(6).value).toBe('Meets Select today');
    expect(row.getCell(7).value).toEqual(new Date(`${addDays(today, 51)}T00:00:00Z`));
    expect(row.getCell(8).value).toEqual(new Date(`${addDays(today, 200)}T00:00:00Z`));
    expect(row.getCell(8).numFmt).toBe('yyyy-mm-dd');
  });

  it('refuses an unknown column or filter with a 400, and a caller without credentials with 401', async () => {
    const bad = await as.viewer.get('/api/programs/export?columns=name,revenue');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('revenue') })]);
    expect((await as.viewer.get('/api/programs/export?archived=maybe')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/programs/export' })).statusCode).toBe(401);
  });
});
