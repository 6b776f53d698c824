import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actor, type Actor } from '../../../../tests/support/actors.js';
import { makeContact, makePartner, unique } from '../../../../tests/support/factories.js';

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
  it('exports the directory as CSV that a CSV parser reads back exactly', async () => {
    const { p } = await awkwardPartner();
    const res = await get(`/api/contacts/export.csv?partnerId=${p.id}&status=all`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['partner', 'first name', 'last name', 'title', 'role', 'e-mail', 'phone', 'location', 'primary', 'left at', 'last contact']);
    expect(rows).toEqual([
      {
        partner: p.name,
        'first name': 'Jörg',
        'last name': 'Bär, Jr.',
        title: 'Head of Sales; DACH',
        role: 'Sales',
        'e-mail': 'joerg@example.ch',
        phone: '+41 44 123 45 67',
        location: 'Zürich, Schweiz',
        primary: 'yes',
        'left at': '',
        'last contact': '2026-02-03 14:30',
      },
      {
        // A cell a spreadsheet would run as a formula is kept as text.
        partner: p.name,
        'first name': 'Zoë',
        'last name': "O'Neil",
        title: `'=HYPERLINK("http://evil")`,
        role: '',
        'e-mail': '',
        phone: '',
        location: '',
        primary: 'no',
        'left at': '2025-12-31',
        'last contact': '',
      },
    ]);

    // Same filters as the directory: by default only current people.
    const current = parse((await get(`/api/contacts/export.csv?partnerId=${p.id}`)).body, { bom: true, columns: true }) as Record<string, string>[];
    expect(current.map((r) => r['first name'])).toEqual(['Jörg']);
    const none = await get(`/api/contacts/export.csv?partnerId=${p.id}&status=left&role=finance`);
    expect(parse(none.body, { bom: true })).toEqual([['partner', 'first name', 'last name', 'title', 'role', 'e-mail', 'phone', 'location', 'primary', 'left at', 'last contact']]);
  });

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
    for (const ext of ['csv', 'vcf']) {
      const res = await get(`/api/contacts/export.${ext}?partnerId=${p.id}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toMatch(/more than 10,000 contacts/);
    }
    const narrowed = await get(`/api/contacts/export.csv?partnerId=${p.id}&q=${encodeURIComponent('PERSON 9999')}`);
    expect(narrowed.statusCode).toBe(200);
    expect(parse(narrowed.body, { bom: true, columns: true })).toEqual([expect.objectContaining({ 'last name': 'Person 9999' })]);
  });
});
