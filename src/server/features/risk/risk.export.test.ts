import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, type Actors } from '../../../../tests/support/actors.js';
import { makePartner } from '../../../../tests/support/factories.js';
import { partner } from '../../db/schema/index.js';
import { addDays, dayIn } from '../../../shared/days.js';
import { exportRiskOverview } from './risk.export.js';
import { riskOverview } from './risk.read.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** The supplier-risk overview exports what it shows: its filters and order, the chosen columns, in the reader's language. */
let t: TestApp;
let as: Actors;
const tag = `rx${Date.now()}`;
const today = dayIn(new Date());
let crit: string[];
let approvedAt: string;

/** A moment as a colleague in Zurich reads it: "2026-03-01 14:30". */
const zurich = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Zurich', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** Scores every criterion, then a manager approves (four eyes); the review date is then set as the test needs it. */
async function assess(partnerId: string, score: number, dueOn: string) {
  const d = await as.admin.post(`/api/partners/${partnerId}/risk-assessments`, {});
  expect(d.statusCode, d.body).toBe(201);
  const filled = await as.admin.patch(`/api/risk-assessments/${d.json().id}`, {
    version: d.json().version,
    assessorId: as.admin.id,
    assessedOn: today,
    scores: crit.map((criterionId) => ({ criterionId, score })),
  });
  expect(filled.statusCode, filled.body).toBe(200);
  const approved = await as.manager.post(`/api/risk-assessments/${d.json().id}/approve`, { version: filled.json().version });
  expect(approved.statusCode, approved.body).toBe(200);
  await t.database.db.update(partner).set({ riskReviewDueOn: dueOn }).where(eq(partner.id, partnerId));
  return approved.json() as { approvedAt: string; scorePercent: number };
}

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
  crit = [];
  for (const [name, weight] of [
    ['Data access', 5],
    ['Criticality', 5],
  ] as const) {
    const res = await as.admin.post('/api/risk/criteria', { name: `${name} ${tag}`, weight, description: '0 none, 3 high' });
    expect(res.statusCode, res.body).toBe(201);
    crit.push(res.json().id);
  }
  // Overdue first, then by the next review, a draft without a date last; a partner without any is not in the overview.
  const late = await makePartner(t, { name: `Alpenfirn Logistik ${tag}`, ownerId: as.member.id });
  await assess(late.id, 0, addDays(today, -3));
  const high = await makePartner(t, { name: `Bergbahn Cloud ${tag}` });
  approvedAt = (await assess(high.id, 3, addDays(today, 30))).approvedAt;
  await makePartner(t, { name: `=cmd|' /C calc'!A0 ${tag}`, riskReviewDueOn: addDays(today, 10) });
  const drafty = await makePartner(t, { name: `Zeta Hosting ${tag}` });
  expect((await as.admin.post(`/api/partners/${drafty.id}/risk-assessments`, {})).statusCode).toBe(201);
  await makePartner(t, { name: `Never assessed ${tag}` });
});
afterAll(() => t.close());

describe('supplier risk overview export', () => {
  it('writes every partner the overview shows as CSV, overdue first, in English, formulas kept as text', async () => {
    const res = await as.viewer.get(`/api/risk/overview/export?q=${tag}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="supplier-risk-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csvRows(res.body)).toEqual([
      ['Partner', 'Draft in progress', 'Rating', 'Score (%)', 'Next review', 'Risk review overdue', 'Approved', 'Owner'],
      [`Alpenfirn Logistik ${tag}`, 'No', 'Low risk', '0', addDays(today, -3), 'Yes', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), as.member.name],
      [`'=cmd|' /C calc'!A0 ${tag}`, 'No', 'Not assessed', '', addDays(today, 10), 'No', '', ''],
      [`Bergbahn Cloud ${tag}`, 'No', 'High risk', '100', addDays(today, 30), 'No', zurich(approvedAt), ''],
      [`Zeta Hosting ${tag}`, 'Yes', 'Not assessed', '', '', 'No', '', ''],
    ]);
  });

  it('respects the overview’s filters (rating, overdue) and the chosen columns, in German', async () => {
    const de = (url: string) => as.member.inject({ method: 'GET', url, headers: { 'accept-language': 'de-CH' } });
    const high = await de(`/api/risk/overview/export?q=${tag}&rating=high&columns=partner,rating,score`);
    expect(high.statusCode, high.body).toBe(200);
    expect(csvRows(high.body)).toEqual([
      ['Partner', 'Einstufung', 'Wert (%)'],
      [`Bergbahn Cloud ${tag}`, 'Hohes Risiko', '100'],
    ]);
    const unrated = await de(`/api/risk/overview/export?q=${tag}&rating=none&columns=partner,rating,draft`);
    expect(csvRows(unrated.body)).toEqual([
      ['Partner', 'Einstufung', 'Entwurf in Arbeit'],
      [`'=cmd|' /C calc'!A0 ${tag}`, 'Nicht bewertet', 'Nein'],
      [`Zeta Hosting ${tag}`, 'Nicht bewertet', 'Ja'],
    ]);
    const overdue = await de(`/api/risk/overview/export?q=${tag}&overdue=true&columns=partner,overdue,owner`);
    expect(csvRows(overdue.body)).toEqual([
      ['Partner', 'Risikoüberprüfung überfällig', 'Verantwortlich'],
      [`Alpenfirn Logistik ${tag}`, 'Ja', as.member.name],
    ]);
    // A download link names its language: lang=de wins over an English browser.
    const linked = await as.viewer.inject({ method: 'GET', url: `/api/risk/overview/export?q=${tag}&rating=low&columns=rating&lang=de`, headers: { 'accept-language': 'en' } });
    expect(csvRows(linked.body)).toEqual([['Einstufung'], ['Geringes Risiko']]);
  });

  it('writes XLSX that a spreadsheet reads back: the score a number, the review a date, the approval Zurich’s time', async () => {
    const res = await as.viewer.get(`/api/risk/overview/export?q=${tag}&rating=high&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Partner', 'Draft in progress', 'Rating', 'Score (%)', 'Next review', 'Risk review overdue', 'Approved', 'Owner']);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getCell('A2').value).toBe(`Bergbahn Cloud ${tag}`);
    expect(sheet.getCell('C2').value).toBe('High risk');
    expect(sheet.getCell('D2').value).toBe(100);
    expect(sheet.getCell('E2').value).toEqual(new Date(`${addDays(today, 30)}T00:00:00Z`));
    expect(sheet.getCell('E2').numFmt).toBe('yyyy-mm-dd');
    const approved = sheet.getCell('G2').value as Date;
    expect(approved).toBeInstanceOf(Date);
    expect(approved.toISOString().slice(0, 16).replace('T', ' ')).toBe(zurich(approvedAt));
  });

  it('is not cut at the page’s limit: the page shows the first rows and says so, the export has them all', async () => {
    const page = await riskOverview(t.database.db, { q: tag }, new Date(), 2);
    expect(page).toMatchObject({ truncated: true, items: [{ partner: { name: `Alpenfirn Logistik ${tag}` } }, expect.anything()] });
    expect((await exportRiskOverview(t.database.db, { q: tag })).map((i) => i.partner.name)).toHaveLength(4);
  });

  it('refuses an unknown column or rating with a 400, and a caller without credentials with 401', async () => {
    const bad = await as.viewer.get('/api/risk/overview/export?columns=partner,revenue');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('revenue') })]);
    expect((await as.viewer.get('/api/risk/overview/export?rating=extreme')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/risk/overview/export' })).statusCode).toBe(401);
  });
});
