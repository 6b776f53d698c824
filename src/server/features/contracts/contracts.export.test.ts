import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, type Actors } from '../../../../tests/support/actors.js';
import { makePartner } from '../../../../tests/support/factories.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** The contract list exports what it shows: its filters and sort, the chosen columns, in the reader's language. */
let t: TestApp;
let as: Actors;
const tag = `kexp${Date.now()}`;
let alpine: { id: string; name: string };
let other: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
  alpine = await makePartner(t, { name: `Alpine Cloud ${tag}` });
  other = await makePartner(t, { name: `Other Partner ${tag}` });
  const create = async (body: Record<string, unknown>) => {
    const res = await as.manager.post('/api/contracts', { type: 'reseller_agreement', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  await create({
    partnerId: alpine.id,
    title: `Reseller ${tag}`,
    status: 'active',
    parties: ['Partnerhub AG', 'Alpine Cloud AG'],
    signedOn: '2026-01-20',
    startsOn: '2026-02-01',
    endsOn: '2030-06-30',
    noticePeriodCount: 3,
    noticePeriodUnit: 'months',
    valueMinor: 1_250_050,
    currency: 'CHF',
    ownerId: as.member.id,
    clauses: ['confidentiality', 'audit_rights'],
  });
  await create({ partnerId: alpine.id, type: 'nda', title: `=HYPERLINK("http://evil") ${tag}`, status: 'active', autoRenew: true, renewalTermMonths: 12, endsOn: '2029-12-31' });
  await create({ partnerId: other.id, type: 'msa', title: `Draft MSA ${tag}`, status: 'draft' });
  const archived = await create({ partnerId: other.id, title: `Archived ${tag}`, status: 'active' });
  expect((await as.manager.post(`/api/contracts/${archived.id}/archive`, { version: archived.version })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('contract list export', () => {
  it('writes the filtered list as CSV in its order with the chosen columns, days as days, amounts as numbers, formulas kept as text', async () => {
    const res = await as.viewer.get(`/api/contracts/export?q=${tag}&status=active&sort=title&columns=title,partner,status,endsOn,noticeDeadline,value,currency`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contracts-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csvRows(res.body)).toEqual([
      ['Title', 'Partner', 'Status', 'Ends on', 'Notice deadline', 'Value', 'Currency'],
      [`'=HYPERLINK("http://evil") ${tag}`, alpine.name, 'Active', '2029-12-31', '', '', ''],
      [`Reseller ${tag}`, alpine.name, 'Active', '2030-06-30', '2030-03-31', '12500.5', 'CHF'],
    ]);
  });

  it('speaks German for headers and enum labels, and filters like the list (partner, type)', async () => {
    const res = await as.member.inject({
      method: 'GET',
      url: `/api/contracts/export?q=${tag}&partnerId=${alpine.id}&type=reseller_agreement&columns=title,type,status,noticePeriod,autoRenew,clauses`,
      headers: { 'accept-language': 'de-CH' },
    });
    expect(res.statusCode).toBe(200);
    expect(csvRows(res.body)).toEqual([
      ['Titel', 'Art', 'Status', 'Kündigungsfrist', 'Verlängert sich automatisch', 'Sicherheitsklauseln'],
      [`Reseller ${tag}`, 'Wiederverkäufervertrag', 'Aktiv', '3 Monate', 'Nein', 'Vertraulichkeit / NDA, Auditrechte'],
    ]);
  });

  it('leaves archived contracts out as the list does, unless asked for; sorts by the list’s default (upcoming notice deadline first)', async () => {
    const current = csvRows((await as.viewer.get(`/api/contracts/export?q=${tag}&columns=title`)).body).slice(1);
    expect(current).toEqual([[`Reseller ${tag}`], [`'=HYPERLINK("http://evil") ${tag}`], [`Draft MSA ${tag}`]]);
    const all = csvRows((await as.viewer.get(`/api/contracts/export?q=${tag}&archived=all&sort=title&columns=title,archived`)).body).slice(1);
    expect(all).toEqual([
      [`'=HYPERLINK("http://evil") ${tag}`, 'No'],
      [`Archived ${tag}`, 'Yes'],
      [`Draft MSA ${tag}`, 'No'],
      [`Reseller ${tag}`, 'No'],
    ]);
  });

  it('writes XLSX that a spreadsheet reads back, with every column when none are chosen, days as date cells', async () => {
    const res = await as.viewer.get(`/api/contracts/export?q=${encodeURIComponent(`Reseller ${tag}`)}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Title',
      'Type',
      'Partner',
      'Status',
      'Parties',
      'Signed on',
      'Starts on',
      'Ends on',
      'Current term ends',
      'Renews automatically',
      'Renewal term (months)',
      'Notice period',
      'Notice deadline',
      'Value',
      'Currency',
      'Owner',
      'Security clauses',
      'Archived',
    ]);
    expect(sheet.rowCount).toBe(2);
    const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1).value;
    expect(cell('Parties')).toBe('Partnerhub AG, Alpine Cloud AG');
    expect(cell('Signed on')).toEqual(new Date('2026-01-20T00:00:00Z'));
    expect(cell('Notice deadline')).toEqual(new Date('2030-03-31T00:00:00Z'));
    expect(cell('Value')).toBe(12500.5);
    expect(cell('Owner')).toBe(as.member.name);
    expect(cell('Notice period')).toBe('3 months');
  });

  it('refuses an unknown column with a 400 that names it, and a caller without credentials with 401', async () => {
    const bad = await as.viewer.get(`/api/contracts/export?columns=title,salary`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('salary') })]);
    expect((await as.viewer.get(`/api/contracts/export?format=pdf`)).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/contracts/export' })).statusCode).toBe(401);
  });
});
