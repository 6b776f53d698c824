import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, type Actors } from '../../../../tests/support/actors.js';
import { grantCertification, makeCertification, makeProgram, type CertificationRow, type ProgramRow } from '../../../../tests/support/compliance.js';
import { certificationRenewal } from '../../db/schema/index.js';
import type { User } from '../../../shared/schemas/user.js';
import { csvRows, xlsxSheet } from '../../../../tests/support/exports.js';

/** The holdings list and the catalogue export what they show: their filters, the chosen columns, in the reader's language. */
let t: TestApp;
let as: Actors;
const tag = `cexp${Date.now()}`;
let prog: ProgramRow;
let architect: CertificationRow;
let specialist: CertificationRow;
let anna: User;
let bruno: User;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
  prog = await makeProgram(t, { name: `Cloud Programme ${tag}`, vendor: 'Nimbus' });
  architect = await makeCertification(t, prog.id, { name: `Architect ${tag}`, examCode: 'ARC-01', category: 'associate', validityMonths: 36, issuer: 'Nimbus' });
  specialist = await makeCertification(t, prog.id, { name: `Specialist ${tag}`, category: 'specialty', validityMonths: null, issuer: 'Nimbus' });
  const professional = await makeCertification(t, prog.id, { name: `Professional ${tag}`, examCode: 'PRO-02', category: 'professional', validityMonths: 24, issuer: 'Nimbus' });
  await makeCertification(t, prog.id, { name: `Old exam ${tag}`, archivedAt: new Date() });
  await t.database.db.insert(certificationRenewal).values({ certificationId: architect.id, renewedById: professional.id });
  const elsewhere = await makeCertification(t, null, { name: `Elsewhere ${tag}` });

  anna = await makeUser(t, 'member', { name: `Anna ${tag}` });
  bruno = await makeUser(t, 'member', { name: `Bruno ${tag}` });
  await grantCertification(t, anna.id, architect.id, '2024-01-10', '2099-01-10', { credentialId: '@SUM(A1)' });
  await grantCertification(t, anna.id, specialist.id, '2024-01-10', null, { status: 'planned', obtainedOn: null, targetOn: '2099-06-30' });
  await grantCertification(t, bruno.id, architect.id, '2020-01-10', '2021-01-10');
  await grantCertification(t, bruno.id, elsewhere.id, '2024-03-01', '2099-03-01');
});
afterAll(() => t.close());

describe('holdings list export', () => {
  it('writes the filtered list as CSV in its order (colleague, certification) with the chosen columns, days as days, formulas kept as text', async () => {
    const res = await as.viewer.get(
      `/api/user-certifications/export?programId=${prog.id}&columns=colleague,certification,examCode,state,obtainedOn,expiresOn,targetOn,credentialId`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="colleague-certifications-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csvRows(res.body)).toEqual([
      ['Colleague', 'Certification', 'Exam code', 'State', 'Obtained on', 'Expires on', 'Target date', 'Credential ID'],
      [anna.name, architect.name, 'ARC-01', 'Current', '2024-01-10', '2099-01-10', '', "'@SUM(A1)"],
      [anna.name, specialist.name, '', 'Planned', '', '', '2099-06-30', ''],
      [bruno.name, architect.name, 'ARC-01', 'Expired', '2020-01-10', '2021-01-10', '', ''],
    ]);
  });

  it('speaks German for headers and enum labels, and filters like the list (colleague, state)', async () => {
    const res = await as.member.inject({
      method: 'GET',
      url: `/api/user-certifications/export?userId=${bruno.id}&state=expired&columns=colleague,certification,programme,category,status,state`,
      headers: { 'accept-language': 'de-CH' },
    });
    expect(res.statusCode).toBe(200);
    expect(csvRows(res.body)).toEqual([
      ['Kollegin oder Kollege', 'Zertifizierung', 'Partnerprogramm', 'Kategorie', 'Status', 'Stand'],
      [bruno.name, architect.name, prog.name, 'Associate', 'Erworben', 'Abgelaufen'],
    ]);
  });

  it('writes XLSX that a spreadsheet reads back, with every column when none are chosen, days as date cells', async () => {
    const res = await as.viewer.get(`/api/user-certifications/export?userId=${anna.id}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(res);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Colleague',
      'Certification',
      'Exam code',
      'Programme',
      'Category',
      'Status',
      'State',
      'Obtained on',
      'Expires on',
      'Renewed by',
      'Target date',
      'Credential ID',
      'Credential URL',
    ]);
    expect(sheet.rowCount).toBe(3);
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name) + 1).value;
    expect(cell(2, 'Obtained on')).toEqual(new Date('2024-01-10T00:00:00Z'));
    expect(cell(2, 'Expires on')).toEqual(new Date('2099-01-10T00:00:00Z'));
    expect(cell(2, 'Credential ID')).toBe('@SUM(A1)');
    expect(cell(3, 'Status')).toBe('Planned');
    expect(cell(3, 'Target date')).toEqual(new Date('2099-06-30T00:00:00Z'));
  });
});

describe('certification catalogue export', () => {
  it('writes the programme’s catalogue in its order, archived entries only when asked, holders and validity as numbers', async () => {
    const res = await as.viewer.get(`/api/certifications/export?programId=${prog.id}&columns=certification,examCode,category,validityMonths,renewedBy,holders,archived`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="certification-catalogue-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csvRows(res.body)).toEqual([
      ['Certification', 'Exam code', 'Category', 'Valid for (months)', 'Renewed by', 'Holders', 'Archived'],
      [architect.name, 'ARC-01', 'Associate', '36', `Professional ${tag}`, '2', 'No'],
      [`Professional ${tag}`, 'PRO-02', 'Professional / expert', '24', '', '0', 'No'],
      [specialist.name, '', 'Specialty', 'Does not expire', '', '0', 'No'],
    ]);
    const all = csvRows((await as.viewer.get(`/api/certifications/export?programId=${prog.id}&includeArchived=true&columns=certification,archived`)).body);
    expect(all).toContainEqual([`Old exam ${tag}`, 'Yes']);
    expect(all).toHaveLength(5);
  });

  it('speaks German and writes XLSX with numbers as numbers', async () => {
    const res = await as.member.inject({
      method: 'GET',
      url: `/api/certifications/export?programId=${prog.id}&q=ARC-01&format=xlsx`,
      headers: { 'accept-language': 'de-CH' },
    });
    expect(res.statusCode).toBe(200);
    const sheet = await xlsxSheet(res);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Partnerprogramm',
      'Zertifizierung',
      'Prüfungscode',
      'Aussteller',
      'Kategorie',
      'Gültig für (Monate)',
      'Erneuert durch',
      'Inhaber',
      'Archiviert',
    ]);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([prog.name, architect.name, 'ARC-01', 'Nimbus', 'Associate', 36, `Professional ${tag}`, 2, 'Nein']);
    expect(sheet.rowCount).toBe(2);
  });

  it('refuses an unknown column with a 400 that names it, and a caller without credentials with 401', async () => {
    for (const path of ['/api/certifications/export', '/api/user-certifications/export']) {
      const bad = await as.viewer.get(`${path}?columns=salary`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('salary') })]);
      expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(401);
    }
  });
});
