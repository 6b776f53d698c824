import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, type Actors } from '../../../../tests/support/actors.js';
import { makePartner } from '../../../../tests/support/factories.js';
import { addDays, zurichDate } from '../../../shared/days.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** The onboardings list exports what it shows: the onboardings of the status chosen, in its order, in the reader's language. */
let t: TestApp;
let as: Actors;
const tag = `exp${Date.now()}`;
const today = zurichDate(new Date());

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
  const pb = await as.admin.post('/api/playbooks', {
    name: `Vendor onboarding ${tag}`,
    partnerType: 'software_vendor',
    steps: [
      { title: 'NDA signed', ownerRole: 'owner', dueAfterDays: 7 },
      { title: 'Kickoff meeting held', ownerRole: 'owner', dueAfterDays: 30 },
    ],
  });
  expect(pb.statusCode, pb.body).toBe(201);
  const start = async (name: string, startedOn: string) => {
    const p = await makePartner(t, { name: `${name} ${tag}`, status: 'prospect', ownerId: as.member.id });
    const res = await as.manager.post(`/api/partners/${p.id}/onboarding`, { playbookId: pb.json().id, startedOn });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  // In progress: the late one started first; the list shows the oldest start first.
  await start(`Bergbahn Cloud`, addDays(today, -1));
  await start(`=cmd|' /C calc'!A0`, '2026-01-05');
  const done = await start('Alpha Vendor', addDays(today, -10));
  expect((await as.manager.post(`/api/onboardings/${done.id}/complete`, { reason: 'Agreement signed', version: done.version })).statusCode).toBe(200);
  const stopped = await start('Gone Reseller', addDays(today, -3));
  expect((await as.manager.post(`/api/onboardings/${stopped.id}/cancel`, { reason: 'They chose another distributor', version: stopped.version })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('onboardings list export', () => {
  it('writes the onboardings in progress as CSV, oldest start first, with the chosen columns, formulas kept as text', async () => {
    const res = await as.viewer.get('/api/onboardings/export?columns=partner,status,stepsDone,steps,nextStep,nextStepAssignee,overdueSteps');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="onboardings-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csvRows(res.body)).toEqual([
      ['Partner', 'Status', 'Steps done', 'Steps', 'Next step', 'Next step assigned to', 'Overdue steps'],
      [`'=cmd|' /C calc'!A0 ${tag}`, 'In progress', '0', '2', 'NDA signed', as.member.name, '2'],
      [`Bergbahn Cloud ${tag}`, 'In progress', '0', '2', 'NDA signed', as.member.name, '0'],
    ]);
  });

  it('exports the status the list shows, with German headers and labels', async () => {
    const res = await as.member.inject({
      method: 'GET',
      url: '/api/onboardings/export?status=completed&columns=partner,status,durationDays',
      headers: { 'accept-language': 'de-CH' },
    });
    expect(res.statusCode).toBe(200);
    expect(csvRows(res.body)).toEqual([
      ['Partner', 'Status', 'Tage bis aktiv'],
      [`Alpha Vendor ${tag}`, 'Abgeschlossen', '10'],
    ]);
  });

  it('writes XLSX that a spreadsheet reads back, every column when none are chosen, numbers and days as such', async () => {
    const res = await as.viewer.get('/api/onboardings/export?status=cancelled&format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Partner',
      'Playbook',
      'Status',
      'Started',
      'Started by',
      'Steps done',
      'Steps',
      'Next step',
      'Next step due',
      'Next step assigned to',
      'Overdue steps',
      'Completed',
      'Days to active',
    ]);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getCell('A2').value).toBe(`Gone Reseller ${tag}`);
    expect(sheet.getCell('C2').value).toBe('Cancelled');
    expect(sheet.getCell('D2').value).toEqual(new Date(`${addDays(today, -3)}T00:00:00Z`));
    expect(sheet.getCell('E2').value).toBe(as.manager.name);
    expect(sheet.getCell('G2').value).toBe(0);
  });

  it('refuses an unknown column or status with a 400, and a caller without credentials with 401', async () => {
    const bad = await as.viewer.get('/api/onboardings/export?columns=partner,revenue');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('revenue') })]);
    expect((await as.viewer.get('/api/onboardings/export?status=paused')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/onboardings/export' })).statusCode).toBe(401);
  });
});
