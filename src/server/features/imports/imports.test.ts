import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, contact, partner } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actor, type Actor } from '../../../../tests/support/actors.js';
import { makeContact, makePartner, unique } from '../../../../tests/support/factories.js';
import type { Import, ImportCommitResult, ImportRow } from '../../../shared/schemas/import.js';

/** A form as the web app sends it: the kind, then the file. */
function multipart(parts: ({ name: string; value: string } | { name: string; fileName: string; data: Buffer })[]) {
  const boundary = `----import-test-${crypto.randomUUID()}`;
  const chunks = parts.flatMap((p) => {
    const file = 'data' in p ? `; filename="${p.fileName}"` : '';
    return [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${file}\r\n\r\n`), 'data' in p ? p.data : Buffer.from(p.value), Buffer.from('\r\n')];
  });
  return { payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let t: TestApp;
let manager: Actor;
let filesDir: string;
beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerhub-imports-'));
  t = await createTestApp({ FILES_DIR: filesDir });
  manager = await actor(t, 'manager');
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n'), 'utf8');

async function upload(kind: 'partners' | 'contacts', fileName: string, data: Buffer, who = manager): Promise<Import> {
  const { payload, headers } = multipart([
    { name: 'kind', value: kind },
    { name: 'file', fileName, data },
  ]);
  const res = await who.inject({ method: 'POST', url: '/api/imports', payload, headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const rows = async (id: string, show = 'all'): Promise<ImportRow[]> => (await manager.get(`/api/imports/${id}/rows?pageSize=100&show=${show}`)).json().items;
const partnersNamed = (names: string[]) => t.database.db.select().from(partner).where(inArray(partner.name, names));
async function map(imp: Import, mapping: (string | null)[], defaults: object = {}): Promise<Import> {
  const res = await manager.put(`/api/imports/${imp.id}/mapping`, { mapping, defaults, version: imp.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function commit(imp: Import, dryRun = false): Promise<ImportCommitResult> {
  const res = await manager.post(`/api/imports/${imp.id}/commit`, { dryRun, version: imp.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('imports', () => {
  it('maps a HubSpot company export, reports every error by row and field, and writes nothing before the commit', async () => {
    const [a, b, c] = [unique('Alpenblick Consulting'), unique('Bergsicht Cloud'), unique('Cumulus Systems')];
    const file = csv([
      ['Company name', 'Company Domain Name', 'Website URL', 'Country/Region', 'Industry', 'Record ID'],
      [a, 'alpenblick.example', '', 'Switzerland', 'Consulting', '1'],
      [b, '', 'https://bergsicht.example/about', 'DE', 'Cloud; Hosting', '2'],
      ['', 'nameless.example', '', 'Atlantis', '', '3'],
      [c, '', 'not a url', 'CH', '', '4'],
    ]);
    const imp = await upload('partners', 'hubspot-companies.csv', file);
    expect(imp).toMatchObject({ kind: 'partners', fileName: 'hubspot-companies.csv', status: 'pending', rowCount: 4 });
    expect(imp.mapping).toEqual(['name', 'domain', 'website', 'country', 'industries', null]);

    // HubSpot has no partner type: every row misses it until a default is chosen.
    expect(imp.counts).toMatchObject({ rows: 4, errors: 4 });
    const mapped = await map(imp, imp.mapping, { types: ['consultant_reseller'] });
    expect(mapped.counts).toMatchObject({ rows: 4, errors: 2, create: 2, skip: 2 });
    const errors = (await rows(imp.id, 'errors')).flatMap((r) => r.errors);
    expect(errors).toEqual([
      { row: 4, field: 'name', column: 0, message: 'is required' },
      { row: 4, field: 'country', column: 3, message: 'must be an ISO 3166-1 alpha-2 country code such as CH' },
      { row: 4, field: 'country', column: 3, message: 'is not a known country code' },
      { row: 5, field: 'website', column: 2, message: 'must be an http(s) URL' },
    ]);
    const de = await manager.inject({ method: 'GET', url: `/api/imports/${imp.id}/rows?show=errors`, headers: { 'accept-language': 'de' } });
    expect(de.json().items[0].errors[0].message).not.toBe('is required');
    expect(await partnersNamed([a, b, c])).toEqual([]);

    const dry = await commit(mapped, true);
    expect(dry).toMatchObject({ dryRun: true, created: 2, updated: 0, skipped: 2, errors: [] });
    expect(await partnersNamed([a, b, c])).toEqual([]);

    const done = await commit(dry.import);
    expect(done).toMatchObject({ dryRun: false, created: 2, skipped: 2, import: { status: 'committed', result: { created: 2, updated: 0, skipped: 2 } } });
    const created = await partnersNamed([a, b, c]);
    expect(created.map((p) => [p.name, p.website, p.country, p.types, p.industries]).sort()).toEqual([
      [a, 'https://alpenblick.example', 'CH', ['consultant_reseller'], ['Consulting']],
      [b, 'https://bergsicht.example/about', 'DE', ['consultant_reseller'], ['Cloud', 'Hosting']],
    ]);
    // Written through the partners' service: audited as any creation.
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(
        inArray(
          auditLog.entityId,
          created.map((p) => p.id),
        ),
      );
    expect(audits.map((x) => x.action)).toEqual(['create', 'create']);
  });

  it('maps a Salesforce contact export and finds its partners by name and duplicates by e-mail and by name at the partner', async () => {
    const p = await makePartner(t, { name: unique('Matterhorn Networks') });
    const known = await makeContact(t, p.id, { firstName: 'Lea', lastName: 'Brunner', email: 'lea.brunner@matterhorn.example' });
    await makeContact(t, p.id, { firstName: 'Marco', lastName: 'Rossi' });
    const file = csv([
      ['First Name', 'Last Name', 'Title', 'Email', 'Phone', 'Account Name', 'Mailing City'],
      ['Lea', 'Brunner-Keller', 'CTO', 'LEA.BRUNNER@matterhorn.example', '+41 44 123 45 67', p.name, 'Zürich'],
      ['Marco', 'Rossi', 'Sales', '', '', p.name, ''],
      ['Nina', 'Graf', 'Presales', 'nina.graf@matterhorn.example', '12345 ext', p.name, ''],
      ['Otto', 'Frei', '', '', '', 'No Such Partner AG', ''],
      ['Petra', 'Meier', '', 'petra@matterhorn.example', '', p.name, 'Bern'],
    ]);
    const imp = await upload('contacts', 'salesforce-contacts.csv', file);
    expect(imp.mapping).toEqual(['firstName', 'lastName', 'title', 'email', 'phone', 'partner', 'location']);
    expect(imp.counts).toMatchObject({ rows: 5, errors: 2, duplicates: 2, create: 1, skip: 4 });
    const all = await rows(imp.id);
    expect(all.map((r) => [r.row, r.duplicate?.reason ?? null, r.duplicate?.id ?? null, r.errors.map((e) => e.field)])).toEqual([
      [2, 'email', known.id, []],
      [3, 'nameAtPartner', expect.any(String), []],
      [4, null, null, ['phone']],
      [5, null, null, ['partner']],
      [6, null, null, []],
    ]);

    // Update the one found by e-mail, create the other anyway; a row with errors can only be skipped.
    expect((await manager.patch(`/api/imports/${imp.id}/rows`, { rows: [{ row: 4, decision: 'create' }], version: imp.version })).statusCode).toBe(400);
    const decided = (
      await manager.patch(`/api/imports/${imp.id}/rows`, {
        rows: [
          { row: 2, decision: 'update' },
          { row: 3, decision: 'create' },
        ],
        version: imp.version,
      })
    ).json();
    expect(decided.counts).toMatchObject({ create: 2, update: 1, skip: 2 });
    const done = await commit(decided);
    expect(done).toMatchObject({ created: 2, updated: 1, skipped: 2 });
    const [lea] = await t.database.db.select().from(contact).where(eq(contact.id, known.id));
    expect(lea).toMatchObject({ lastName: 'Brunner-Keller', title: 'CTO', phone: '+41 44 123 45 67', location: 'Zürich', version: 2 });
    const people = await t.database.db.select().from(contact).where(eq(contact.partnerId, p.id));
    expect(people.map((c) => `${c.firstName} ${c.lastName}`).sort()).toEqual(['Lea Brunner-Keller', 'Marco Rossi', 'Marco Rossi', 'Petra Meier']);
  });

  it('reads an XLSX workbook and finds duplicates by web domain and by a misspelled name', async () => {
    const byDomain = await makePartner(t, { name: unique('Gletscher Data'), website: 'https://www.gletscher-data.example/de' });
    const byName = await makePartner(t, { name: 'Helvetia Cloud Solutions AG' });
    const fresh = unique('Föhn Analytics');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Accounts');
    ws.addRow(['Account Name', 'Website', 'Billing Country', 'Type']);
    ws.addRow(['Gletscher Data Services', 'gletscher-data.example', 'Switzerland', 'Software vendor']);
    ws.addRow(['Helvetia Clod Solutions', '', 'CH', 'distributor']);
    ws.addRow([fresh, { text: 'foehn.example', hyperlink: 'https://foehn.example' }, 'Schweiz', 'cloud_service_provider, software vendor']);
    const imp = await upload('partners', 'accounts.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(imp.mapping).toEqual(['name', 'website', 'country', 'types']);
    expect(imp.counts).toMatchObject({ rows: 3, errors: 0, duplicates: 2, create: 1, skip: 2 });
    const all = await rows(imp.id);
    expect(all.map((r) => r.duplicate)).toEqual([{ id: byDomain.id, name: byDomain.name, reason: 'domain' }, { id: byName.id, name: byName.name, reason: 'name' }, null]);
    expect(all[2]!.cells).toEqual([fresh, 'foehn.example', 'Schweiz', 'cloud_service_provider, software vendor']);
    const done = await commit(imp);
    expect(done.created).toBe(1);
    const [made] = await partnersNamed([fresh]);
    expect(made).toMatchObject({ website: 'https://foehn.example', country: 'CH', types: ['cloud_service_provider', 'software_vendor'] });
  });

  it('reads back the app’s own partner export, whichever language it was written in', async () => {
    const original = await makePartner(t, {
      name: unique('Gletscher Systems'),
      types: ['software_vendor', 'distributor'],
      status: 'paused',
      importance: 'key',
      country: 'CH',
      tags: ['cloud'],
    });
    for (const [lang, other] of [
      ['de-CH', 'Matterhorn Data'],
      ['en', 'Pilatus Cloud'],
    ]) {
      const exported = await manager.inject({
        method: 'GET',
        url: `/api/partners/export?format=csv&q=${encodeURIComponent(original.name)}&includeArchived=false&columns=name,types,status,importance,country,tags`,
        headers: { 'accept-language': lang },
      });
      expect(exported.statusCode, exported.body).toBe(200);
      // The same partner under another name, so it is a new row rather than a duplicate.
      const copy = unique(other!);
      const file = Buffer.from(exported.body.replaceAll(original.name, copy), 'utf8');
      const imp = await upload('partners', `partners-${lang}.csv`, file);
      expect(imp.mapping).toEqual(['name', 'types', 'status', 'importance', 'country', 'tags']);
      expect(imp.counts).toMatchObject({ rows: 1, errors: 0, create: 1 });
      await commit(imp);
      const [created] = await partnersNamed([copy]);
      expect([created!.types.sort(), created!.status, created!.importance, created!.country, created!.tags]).toEqual([
        ['distributor', 'software_vendor'],
        'paused',
        'key',
        'CH',
        ['cloud'],
      ]);
    }
  });

  it('undoes an import, and refuses to once an imported record was edited since', async () => {
    const existing = await makePartner(t, { name: unique('Säntis IT'), website: 'https://saentis-it.example', country: 'CH' });
    const [n1, n2] = [unique('Undo One'), unique('Undo Two')];
    const file = csv([
      ['name', 'website', 'country', 'types'],
      [existing.name, 'https://saentis-it.example', 'AT', 'distributor'],
      [n1, '', 'CH', 'distributor'],
      [n2, '', 'CH', 'distributor'],
    ]);
    let imp = await upload('partners', 'own-export.csv', file);
    imp = (await manager.patch(`/api/imports/${imp.id}/rows`, { duplicates: 'update', version: imp.version })).json();
    const done = await commit(imp);
    expect(done).toMatchObject({ created: 2, updated: 1 });
    const [updated] = await partnersNamed([existing.name]);
    expect(updated).toMatchObject({ country: 'AT', types: ['distributor'] });

    const undo = await manager.post(`/api/imports/${imp.id}/undo`, { version: done.import.version });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ status: 'undone', can: { undo: false } });
    const after = await partnersNamed([existing.name, n1, n2]);
    const byName = new Map(after.map((p) => [p.name, p]));
    expect(byName.get(existing.name)).toMatchObject({ country: 'CH', types: existing.types, archivedAt: null });
    expect(byName.get(n1)!.archivedAt).not.toBeNull();
    expect(byName.get(n2)!.archivedAt).not.toBeNull();

    // Import again, edit one of the new partners, then try to undo.
    const [m1, m2] = [unique('Edited Later'), unique('Left Alone')];
    let again = await upload(
      'partners',
      'again.csv',
      csv([
        ['name', 'types'],
        [m1, 'distributor'],
        [m2, 'distributor'],
      ]),
    );
    const committed = await commit(again);
    const [edited] = await partnersNamed([m1]);
    expect((await manager.patch(`/api/partners/${edited!.id}`, { version: edited!.version, description: 'Changed by hand' })).statusCode).toBe(200);
    const refused = await manager.post(`/api/imports/${again.id}/undo`, { version: committed.import.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain(m1);
    expect(refused.json().detail).not.toContain(m2);
    again = (await manager.get(`/api/imports/${again.id}`)).json();
    expect(again.status).toBe('committed');
    expect((await partnersNamed([m1, m2])).every((p) => p.archivedAt === null)).toBe(true);
  });

  it('commits all rows or none: a row the service refuses rolls the whole import back and is named', async () => {
    const taken = await makePartner(t, { name: unique('Taken Name') });
    const fresh = unique('Would Be Created');
    const imp = await upload(
      'partners',
      'conflict.csv',
      csv([
        ['name', 'types'],
        [fresh, 'distributor'],
        [taken.name, 'distributor'],
      ]),
    );
    // "Create anyway" for the duplicate: the partners' service refuses a second active partner of that name.
    const decided = (await manager.patch(`/api/imports/${imp.id}/rows`, { rows: [{ row: 3, decision: 'create' }], version: imp.version })).json();
    const dry = await commit(decided, true);
    expect(dry.errors).toEqual([{ row: 3, field: 'name', column: 0, message: 'is already used by another partner' }]);
    const res = await manager.post(`/api/imports/${imp.id}/commit`, { dryRun: false, version: decided.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'rows.3.name', message: 'is already used by another partner' }]);
    expect(await partnersNamed([fresh])).toEqual([]);
    expect((await manager.get(`/api/imports/${imp.id}`)).json()).toMatchObject({ status: 'pending', progress: null });
  });

  it('lets administrators and managers import, nobody else', async () => {
    const member = await actor(t, 'member');
    const { payload, headers } = multipart([
      { name: 'kind', value: 'partners' },
      { name: 'file', fileName: 'x.csv', data: csv([['name'], ['x']]) },
    ]);
    expect((await member.inject({ method: 'POST', url: '/api/imports', payload, headers })).statusCode).toBe(403);
    expect((await member.get('/api/imports')).statusCode).toBe(403);
    const history = (await manager.get('/api/imports')).json();
    expect(history.total).toBeGreaterThan(0);
    expect(history.items[0]).toMatchObject({ createdBy: { id: manager.id } });
  });
});
