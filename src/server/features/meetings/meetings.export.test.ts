import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, type Actors } from '../../../../tests/support/actors.js';
import { makeContact, makePartner } from '../../../../tests/support/factories.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** The meetings list exports what it shows: its window, everyone's or the caller's own, in its order and the reader's language. */
let t: TestApp;
let as: Actors;
const tag = `exp${Date.now()}`;
// A window no other test of this file plans meetings in.
const WINDOW = 'from=2031-05-01T00:00:00Z&to=2031-06-01T00:00:00Z';

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
  const ours = await makePartner(t, { name: `Bergbahn Cloud ${tag}`, ownerId: as.manager.id });
  const members = await makePartner(t, { name: `Alpha Vendor ${tag}`, ownerId: as.member.id });
  const contact = await makeContact(t, members.id, { firstName: 'Anna', lastName: 'Keller' });
  const plan = async (partnerId: string, body: Record<string, unknown>) => {
    const res = await as.manager.post(`/api/partners/${partnerId}/meetings`, body);
    expect(res.statusCode, res.body).toBe(201);
  };
  await plan(ours.id, {
    title: `=cmd|' /C calc'!A0 ${tag}`,
    purpose: 'kickoff',
    startsAt: '2031-05-06T08:00:00Z',
    endsAt: '2031-05-06T09:00:00Z',
    location: 'Zürich HQ',
    userIds: [as.manager.id],
  });
  await plan(members.id, { title: `QBR ${tag}`, purpose: 'quarterly', startsAt: '2031-05-05T12:00:00Z', endsAt: '2031-05-05T13:30:00Z', contactIds: [contact.id] });
  // Outside the window: not exported.
  await plan(ours.id, { title: `June ${tag}`, startsAt: '2031-06-02T08:00:00Z', endsAt: '2031-06-02T09:00:00Z' });
});
afterAll(() => t.close());

describe('meetings list export', () => {
  it('writes the window’s meetings as CSV in start order with the chosen columns, Zurich time, formulas kept as text', async () => {
    const res = await as.viewer.get(`/api/meetings/export?${WINDOW}&columns=startsAt,title,purpose,status,partner,contacts`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="meetings-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csvRows(res.body)).toEqual([
      ['Starts', 'Title', 'Purpose', 'Status', 'Partner', 'Their contacts'],
      ['2031-05-05 14:00', `QBR ${tag}`, 'Quarterly get-together', 'Planned', `Alpha Vendor ${tag}`, 'Anna Keller'],
      ['2031-05-06 10:00', `'=cmd|' /C calc'!A0 ${tag}`, 'Kickoff', 'Planned', `Bergbahn Cloud ${tag}`, ''],
    ]);
  });

  it('exports only the caller’s meetings when the list shows “Mine”', async () => {
    const member = await as.member.get(`/api/meetings/export?${WINDOW}&mine=true&columns=title`);
    expect(csvRows(member.body)).toEqual([['Title'], [`QBR ${tag}`]]);
    const manager = await as.manager.get(`/api/meetings/export?${WINDOW}&mine=true&columns=title`);
    expect(csvRows(manager.body)).toEqual([['Title'], [`'=cmd|' /C calc'!A0 ${tag}`]]);
    const viewer = await as.viewer.get(`/api/meetings/export?${WINDOW}&mine=true&columns=title`);
    expect(csvRows(viewer.body)).toEqual([['Title']]);
  });

  it('speaks German for headers and enum labels', async () => {
    const res = await as.viewer.inject({
      method: 'GET',
      url: `/api/meetings/export?${WINDOW}&columns=title,purpose,status,location,users`,
      headers: { 'accept-language': 'de-CH' },
    });
    expect(res.statusCode).toBe(200);
    expect(csvRows(res.body)).toEqual([
      ['Titel', 'Zweck', 'Status', 'Ort', 'Von uns'],
      [`QBR ${tag}`, 'Quartalstreffen', 'Geplant', '', ''],
      [`'=cmd|' /C calc'!A0 ${tag}`, 'Kickoff', 'Geplant', 'Zürich HQ', as.manager.name],
    ]);
  });

  it('writes XLSX that a spreadsheet reads back, every column when none are chosen, times as date cells', async () => {
    const res = await as.member.get(`/api/meetings/export?${WINDOW}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Starts', 'Ends', 'Title', 'Purpose', 'Status', 'Partner', 'Location', 'Our people', 'Their contacts', 'Time zone']);
    expect(sheet.rowCount).toBe(3);
    // The times a colleague in Zurich reads (CEST, two hours ahead in May).
    expect(sheet.getCell('A2').value).toEqual(new Date('2031-05-05T14:00:00Z'));
    expect(sheet.getCell('B2').value).toEqual(new Date('2031-05-05T15:30:00Z'));
    expect(sheet.getCell('C3').value).toBe(`=cmd|' /C calc'!A0 ${tag}`);
    expect(sheet.getCell('C3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('J3').value).toBe('Europe/Zurich');
  });

  it('refuses what the list refuses (a window past its limit), an unknown column, and a caller without credentials', async () => {
    const long = await as.viewer.get('/api/meetings/export?from=2031-01-01T00:00:00Z&to=2033-01-01T00:00:00Z');
    expect(long.statusCode).toBe(400);
    expect(long.json().errors).toEqual([expect.objectContaining({ path: 'querystring.to' })]);
    const bad = await as.viewer.get(`/api/meetings/export?${WINDOW}&columns=title,budget`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('budget') })]);
    expect((await t.app.inject({ method: 'GET', url: `/api/meetings/export?${WINDOW}` })).statusCode).toBe(401);
  });
});
