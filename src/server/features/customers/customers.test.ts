import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { unique } from '../../../../tests/support/factories.js';
import { auditLog, customer } from '../../db/schema/index.js';
import { resolveCustomer } from './index.js';

let t: TestApp;
let as: Actors<'manager' | 'member' | 'viewer'>;
beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t, { roles: ['manager', 'member', 'viewer'] });
});
afterAll(() => t.close());
const { get, post, patch } = requestsAs(() => as.manager);

/** A registrable domain no other test uses. */
const domain = () =>
  `${unique('muster')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}.ch`;
const countByName = async (name: string) => (await t.database.db.select({ id: customer.id }).from(customer).where(eq(customer.name, name))).length;

describe('customers', () => {
  it('creates a customer with its registrable domain, finds it by name or domain, and corrects it with its version', async () => {
    const d = domain();
    const name = unique('Muster Informatik AG');
    const res = await post('/api/customers', { name, domain: `https://www.shop.${d}/kontakt`, country: 'ch' }, as.member);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ name, domain: d, country: 'CH', version: 1, opportunityCount: 0, can: { edit: true } });

    const byDomain = (await get(`/api/customers?q=${d}`, as.viewer)).json();
    expect(byDomain).toMatchObject({ total: 1, items: [{ id: c.id, can: { edit: false } }] });
    expect((await get(`/api/customers?q=${encodeURIComponent(name.slice(0, 20))}`)).json().items.map((i: { id: string }) => i.id)).toContain(c.id);

    const changed = await patch(`/api/customers/${c.id}`, { version: 1, name: `${name} renamed`, country: 'DE' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: `${name} renamed`, country: 'DE', version: 2 });
    const stale = await patch(`/api/customers/${c.id}`, { version: 1, name: 'Stale' });
    expect(stale.statusCode).toBe(409);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'update']);
    expect((await get(`/api/customers/${c.id}`, as.viewer)).json()).toMatchObject({ id: c.id, version: 2 });
  });

  it('keeps one customer per registrable domain: 409 naming domain', async () => {
    const d = domain();
    expect((await post('/api/customers', { name: unique('First'), domain: d })).statusCode).toBe(201);
    const name = unique('Second');
    const dup = await post('/api/customers', { name, domain: `www.${d}` });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toEqual([expect.objectContaining({ path: 'body.domain' })]);
    expect(await countByName(name)).toBe(0);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const name = unique('Bad');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '   ' }, 'body.name'],
      [{ domain: domain() }, 'body.name'],
      [{ name, domain: 'localhost' }, 'body.domain'],
      [{ name, domain: 'muster.local' }, 'body.domain'],
      [{ name, country: 'XX' }, 'body.country'],
      [{ name, country: 'Switzerland' }, 'body.country'],
    ];
    for (const [body, path] of cases) {
      const res = await post('/api/customers', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await countByName(name)).toBe(0);
    expect((await post('/api/customers', { name: unique('Viewer') }, as.viewer)).statusCode).toBe(403);
  });

  it('resolveCustomer takes an id, finds by registrable domain, or creates; a new one needs a name', async () => {
    const d = domain();
    const db = t.database.db;
    const created = await db.transaction((tx) => resolveCustomer(tx, { name: unique('Resolved GmbH'), domain: `mail.${d}`, country: 'AT' }, 'body.customer'));
    expect(created).toMatchObject({ domain: d, country: 'AT' });
    const found = await db.transaction((tx) => resolveCustomer(tx, { name: 'Another name', domain: `https://${d}` }, 'body.customer'));
    expect(found.id).toBe(created.id);
    expect((await db.transaction((tx) => resolveCustomer(tx, { id: created.id }, 'x'))).name).toBe(created.name);
    await expect(db.transaction((tx) => resolveCustomer(tx, { domain: domain() }, 'body.customer'))).rejects.toMatchObject({
      status: 400,
      fieldErrors: [expect.objectContaining({ path: 'body.customer.name' })],
    });
    await expect(db.transaction((tx) => resolveCustomer(tx, { id: '00000000-0000-4000-8000-000000000000' }, 'body.customer'))).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ path: 'body.customer.id' })],
    });
  });
});
