import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actor, type Actor } from '../../../../tests/support/actors.js';
import type { ContactListItem } from '../../../shared/schemas/contact.js';
import { makeContact, makePartner, unique } from '../../../../tests/support/factories.js';
import { xlsxSheet } from '../../../../tests/support/exports.js';

let t: TestApp;
let viewer: Actor;
beforeAll(async () => {
  t = await createTestApp();
  viewer = await actor(t, 'viewer', { via: 'session' });
});
afterAll(() => t.close());

const get = (url: string) => viewer.get(url);

/** Two people with every character that breaks naive CSV and vCard writers. */
async function awkwardPartner() {
  const p = await makePartner(t, { name: `Müller, Söhne; Partner "AG" ${unique('x')}` });
  const joerg = await makeContact(t, p.id, {
    firstName: 'Jörg',
    lastName: 'Bär, Jr.',
    title: 'Head of Sales; DACH',
    role: 'sales',
    email: 'joerg@example.ch',
    phone: '+41 44 123 45 67',
    location: 'Zürich, Schweiz',
    notes: 'Line one, with comma;\nline two: "quoted" \\ backslash',
    isPrimary: true,
    lastContactAt: new Date('2026-02-03T13:30:00Z'),
  });
  const zoe = await makeContact(t, p.id, { firstName: 'Zoë', lastName: "O'Neil", title: '=HYPERLINK("http://evil")', leftAt: '2025-12-31' });
  return { p, joerg, zoe };
}

describe('contact exports', () => {
  it('exports vCard 4.0 built by ical.js, which a vCard parser reads back exactly', async () => {
    const { p, joerg, zoe } = await awkwardPartner();
    const res = await get(`/api/contacts/export.vcf?partnerId=${p.id}&status=all`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.vcf"$/);
    expect(res.body.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(2);

    const parsed = ICAL.parse(res.body) as unknown[];
    const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((j) => new ICAL.Component(j as unknown[]));
    expect(cards).toHaveLength(2);
    const [a, b] = cards as [ICAL.Component, ICAL.Component];
    const value = (c: ICAL.Component, name: string) => c.getFirstPropertyValue(name);
    expect(value(a, 'version')).toBe('4.0');
    expect(value(a, 'uid')).toBe(`urn:uuid:${joerg.id}`);
    expect(value(a, 'fn')).toBe('Jörg Bär, Jr.');
    expect(a.getFirstProperty('n')!.getValues()).toEqual([['Bär, Jr.', 'Jörg', '', '', '']]);
    expect(value(a, 'org')).toBe(p.name);
    expect(value(a, 'title')).toBe('Head of Sales; DACH');
    expect(value(a, 'role')).toBe('Sales');
    expect(value(a, 'email')).toBe('joerg@example.ch');
    expect(value(a, 'tel')).toBe('+41 44 123 45 67');
    expect(a.getFirstProperty('adr')!.getParameter('label')).toBe('Zürich, Schweiz');
    expect(value(a, 'note')).toBe('Line one, with comma;\nline two: "quoted" \\ backslash');

    expect(value(b, 'uid')).toBe(`urn:uuid:${zoe.id}`);
    expect(value(b, 'fn')).toBe("Zoë O'Neil");
    expect(value(b, 'title')).toBe('=HYPERLINK("http://evil")');
    expect(b.getAllProperties('note').map((n) => n.getFirstValue())).toEqual([`Left ${p.name} on 2025-12-31`]);
    expect(b.getFirstProperty('email')).toBeNull();
  });

  it('announces a departure recorded ahead of time instead of reporting it as done', async () => {
    const p = await makePartner(t);
    await t.database.query(`insert into contact (partner_id, first_name, last_name, left_at) values ($1, 'Fay', 'Future', '2999-01-31')`, [p.id]);
    const res = await get(`/api/contacts/export.vcf?partnerId=${p.id}&status=all`);
    expect(res.statusCode, res.body).toBe(200);
    const card = new ICAL.Component(ICAL.parse(res.body) as unknown[]);
    expect(card.getAllProperties('note').map((n) => n.getFirstValue())).toEqual([`Leaves ${p.name} on 2999-01-31`]);
  });

  it(`refuses an export past the cap with a 400 that says how to narrow it`, async () => {
    const p = await makePartner(t);
    await t.database.query(`insert into contact (partner_id, first_name, last_name) select $1, 'Bulk', 'Person ' || g from generate_series(1, 10001) g`, [p.id]);
    const res = await get(`/api/contacts/export.vcf?partnerId=${p.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/more than 10,000 contacts/);
    const narrowed = await get(`/api/contacts/export.vcf?partnerId=${p.id}&q=${encodeURIComponent('PERSON 9999')}`);
    expect(narrowed.statusCode).toBe(200);
    const card = new ICAL.Component(ICAL.parse(narrowed.body) as unknown[]);
    expect(card.getFirstPropertyValue('fn')).toBe('Bulk Person 9999');
  });
});

/** The directory's export in the kit's shape: GET /api/contacts/export?format=csv|xlsx&columns=… */
describe('contact directory export (CSV and XLSX)', () => {
  const rowsOf = (body: string) => parse(body, { bom: true }) as string[][];
  const inGerman = (url: string) => viewer.inject({ method: 'GET', url, headers: { 'accept-language': 'de-CH' } });

  it('writes the filtered directory as CSV in its order, English words, formula-looking text kept as text', async () => {
    const { p } = await awkwardPartner();
    const res = await get(`/api/contacts/export?partnerId=${p.id}&status=all&sort=name`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(rowsOf(res.body)).toEqual([
      ['First name', 'Last name', 'Title', 'Partner', 'Role', 'E-mail', 'Phone', 'Location', 'Primary contact', 'Left on', 'Last contact'],
      // The kit guards every text cell: a phone number's leading + would start a formula, so it gets the apostrophe too.
      ['Jörg', 'Bär, Jr.', 'Head of Sales; DACH', p.name, 'Sales', 'joerg@example.ch', "'+41 44 123 45 67", 'Zürich, Schweiz', 'Yes', '', '2026-02-03 14:30'],
      ['Zoë', "O'Neil", `'=HYPERLINK("http://evil")`, p.name, '', '', '', '', 'No', '2025-12-31', ''],
    ]);
    const reversed = rowsOf((await get(`/api/contacts/export?partnerId=${p.id}&status=all&sort=-name&columns=firstName`)).body);
    expect(reversed).toEqual([['First name'], ['Zoë'], ['Jörg']]);
  });

  it('speaks German for headers and roles, and filters like the directory (status, role, archived)', async () => {
    const { p } = await awkwardPartner();
    const gone = await makeContact(t, p.id, { firstName: 'Arno', lastName: 'Archiv', role: 'sales', archivedAt: new Date() });
    const url = (filters: string) => `/api/contacts/export?partnerId=${p.id}&columns=lastName,role,primary,leftAt&${filters}`;

    // By default only current people, as in the directory.
    expect(rowsOf((await inGerman(url(''))).body)).toEqual([
      ['Nachname', 'Rolle', 'Hauptkontakt', 'Ausgetreten am'],
      ['Bär, Jr.', 'Verkauf', 'Ja', ''],
    ]);
    expect(rowsOf((await inGerman(url('status=left'))).body)).toEqual([
      ['Nachname', 'Rolle', 'Hauptkontakt', 'Ausgetreten am'],
      ["O'Neil", '', 'Nein', '2025-12-31'],
    ]);
    expect(rowsOf((await inGerman(url('status=all&role=unassigned'))).body).slice(1)).toEqual([["O'Neil", '', 'Nein', '2025-12-31']]);
    expect(rowsOf((await inGerman(url('archived=true&role=sales'))).body).slice(1)).toEqual([[gone.lastName, 'Verkauf', 'Nein', '']]);
  });

  it('exports exactly the rows the directory lists for the same filters, to any reader (a member too)', async () => {
    const member = await actor(t, 'member');
    const { p } = await awkwardPartner();
    await makeContact(t, p.id, { firstName: 'Mia', lastName: 'Meier', role: 'finance', lastContactAt: new Date('2026-01-05T08:00:00Z') });
    const filters = `partnerId=${p.id}&status=all&sort=-lastContactAt`;
    const listed = (await member.get(`/api/contacts?${filters}&pageSize=100`)).json<{ items: ContactListItem[] }>().items;
    const exported = rowsOf((await member.get(`/api/contacts/export?${filters}&columns=lastName`)).body);
    expect(exported.slice(1).map(([name]) => name)).toEqual(listed.map((c) => c.lastName));
    expect(exported.slice(1).map(([name]) => name)).toEqual(['Bär, Jr.', 'Meier', "O'Neil"]);
  });

  it("reads every page of a large directory (past the kit's page of 500)", async () => {
    const p = await makePartner(t);
    await t.database.query(`insert into contact (partner_id, first_name, last_name) select $1, 'Bulk', 'Person ' || lpad(g::text, 4, '0') from generate_series(1, 1001) g`, [p.id]);
    const rows = rowsOf((await get(`/api/contacts/export?partnerId=${p.id}&columns=lastName`)).body).slice(1);
    expect(rows).toHaveLength(1001);
    expect(new Set(rows.map(([n]) => n)).size).toBe(1001);
    expect([rows[0]![0], rows[500]![0], rows[1000]![0]]).toEqual(['Person 0001', 'Person 0501', 'Person 1001']);
  });

  it('writes XLSX that a spreadsheet reads back: dates as dates, text never a formula', async () => {
    const { p } = await awkwardPartner();
    const res = await get(`/api/contacts/export?partnerId=${p.id}&status=all&sort=name&format=xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const sheet = await xlsxSheet(res);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'First name',
      'Last name',
      'Title',
      'Partner',
      'Role',
      'E-mail',
      'Phone',
      'Location',
      'Primary contact',
      'Left on',
      'Last contact',
    ]);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getCell('B2').value).toBe('Bär, Jr.');
    expect(sheet.getCell('G2').value).toBe('+41 44 123 45 67');
    // The time a colleague in Zurich saw (CET, one hour ahead in February).
    expect(sheet.getCell('K2').value).toEqual(new Date('2026-02-03T14:30:00Z'));
    expect(sheet.getCell('C3').value).toBe('=HYPERLINK("http://evil")');
    expect(sheet.getCell('C3').type).toBe(ExcelJS.ValueType.String);
    // A departure is a day: midnight of that day, which a spreadsheet shows as 31.12.2025.
    expect(sheet.getCell('J3').value).toEqual(new Date('2025-12-31T00:00:00Z'));
    expect(sheet.getCell('K3').value).toBeNull();
  });

  it('refuses an unknown column or format with a 400 that names it, and a caller without credentials with 401', async () => {
    const bad = await get('/api/contacts/export?columns=lastName,salary');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'querystring.columns', message: expect.stringContaining('salary') })]);
    expect((await get('/api/contacts/export?format=vcf')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/contacts/export' })).statusCode).toBe(401);
  });
});
