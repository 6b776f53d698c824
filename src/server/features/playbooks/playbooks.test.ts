import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { bearer, createTestApp, makeUser, tokenFor, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actors } from '../../../../tests/support/actors.js';
import { playbook, playbookStep } from '../../db/schema/index.js';
import { PARTNER_TYPES } from '../../../shared/partners.js';
import { ensureStarterPlaybooks, STARTER_PLAYBOOKS } from './playbooks.starter.js';

let t: TestApp;
let as: Actors;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
});
afterAll(() => t.close());

const { get, post, patch } = requestsAs(() => as.admin);

let seq = 0;
const body = (overrides: Record<string, unknown> = {}) => ({
  name: `Vendor playbook ${process.pid}-${++seq}`,
  partnerType: 'software_vendor',
  description: 'How we onboard a vendor',
  steps: [
    { title: 'NDA signed', ownerRole: 'owner', dueAfterDays: 7 },
    { title: 'Certification plan', description: 'Who gets certified by when', ownerRole: 'technical_lead', dueAfterDays: 30 },
  ],
  ...overrides,
});
const playbookCount = async () => (await t.database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(playbook))[0]!.n;
const stepCount = async () => (await t.database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(playbookStep))[0]!.n;

describe('playbooks', () => {
  it('admins create, edit (steps reordered, added, removed) and archive playbooks; everyone reads them; every change is audited', async () => {
    const created = await post('/api/playbooks', body({ name: 'Cloud provider path', partnerType: 'cloud_service_provider' }));
    expect(created.statusCode, created.body).toBe(201);
    const pb = created.json();
    expect(pb).toMatchObject({ name: 'Cloud provider path', partnerType: 'cloud_service_provider', description: 'How we onboard a vendor', archivedAt: null, version: 1 });
    expect(
      pb.steps.map((s: { position: number; title: string; ownerRole: string; dueAfterDays: number; description: string | null }) => [
        s.position,
        s.title,
        s.ownerRole,
        s.dueAfterDays,
        s.description,
      ]),
    ).toEqual([
      [0, 'NDA signed', 'owner', 7, null],
      [1, 'Certification plan', 'technical_lead', 30, 'Who gets certified by when'],
    ]);

    const read = await get(`/api/playbooks/${pb.id}`, as.viewer);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(pb);
    const listed = await get('/api/playbooks?partnerType=cloud_service_provider', as.viewer);
    expect(listed.json().items.map((p: { id: string }) => p.id)).toContain(pb.id);
    expect((await get('/api/playbooks?partnerType=distributor')).json().items.map((p: { id: string }) => p.id)).not.toContain(pb.id);

    // Reorder, add one, drop one: the saved list is the order.
    const edited = await patch(`/api/playbooks/${pb.id}`, {
      version: 1,
      name: 'Cloud provider onboarding',
      steps: [
        { title: 'Certification plan', ownerRole: 'technical_lead', dueAfterDays: 45 },
        { title: 'Marketplace listing', ownerRole: 'marketing', dueAfterDays: 60 },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Cloud provider onboarding', version: 2 });
    expect(edited.json().steps.map((s: { position: number; title: string; dueAfterDays: number }) => `${s.position}:${s.title}:${s.dueAfterDays}`)).toEqual([
      '0:Certification plan:45',
      '1:Marketplace listing:60',
    ]);
    expect((await t.database.db.select().from(playbookStep).where(eq(playbookStep.playbookId, pb.id))).length).toBe(2);

    const stale = await patch(`/api/playbooks/${pb.id}`, { version: 1, name: 'Lost update' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');

    const archived = await post(`/api/playbooks/${pb.id}/archive`, { version: 2 });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await get('/api/playbooks')).json().items.map((p: { id: string }) => p.id)).not.toContain(pb.id);
    expect((await get('/api/playbooks?archived=true')).json().items.map((p: { id: string }) => p.id)).toContain(pb.id);
    // An archived playbook is read-only until restored.
    expect((await patch(`/api/playbooks/${pb.id}`, { version: 3, name: 'x' })).statusCode).toBe(409);
    const restored = await post(`/api/playbooks/${pb.id}/restore`, { version: 3 });
    expect(restored.statusCode).toBe(200);

    const history = await get(`/api/audit?entityType=playbook&entityId=${pb.id}`);
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual(['restore', 'archive', 'update', 'create']);
    const update = history.json().items[2].changes;
    expect(update.name).toEqual({ from: 'Cloud provider path', to: 'Cloud provider onboarding' });
    expect(update.steps.to.map((s: { title: string }) => s.title)).toEqual(['Certification plan', 'Marketplace listing']);
  });

  it('refuses an empty name, a step due after 9999 days, an unknown owner role, no steps and a customer type with 400 naming the field, and writes nothing', async () => {
    const before = [await playbookCount(), await stepCount()];
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '   ' }, 'body.name'],
      [{ steps: [{ title: 'NDA signed', ownerRole: 'owner', dueAfterDays: 9999 }] }, 'body.steps.0.dueAfterDays'],
      [
        {
          steps: [
            { title: 'NDA signed', ownerRole: 'owner', dueAfterDays: 1 },
            { title: 'Kickoff', ownerRole: 'janitor', dueAfterDays: 1 },
          ],
        },
        'body.steps.1.ownerRole',
      ],
      [{ steps: [{ title: 'NDA signed', ownerRole: 'owner', dueAfterDays: -1 }] }, 'body.steps.0.dueAfterDays'],
      [{ steps: [{ title: 'NDA signed', ownerRole: 'owner', dueAfterDays: 1.5 }] }, 'body.steps.0.dueAfterDays'],
      [{ steps: [{ title: '', ownerRole: 'owner', dueAfterDays: 1 }] }, 'body.steps.0.title'],
      [{ steps: [] }, 'body.steps'],
      [{ partnerType: 'customer' }, 'body.partnerType'],
    ];
    for (const [override, path] of cases) {
      const res = await post('/api/playbooks', body(override));
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const pb = (await post('/api/playbooks', body())).json();
    const bad = await patch(`/api/playbooks/${pb.id}`, { version: 1, steps: [{ title: 'Later', ownerRole: 'owner', dueAfterDays: 731 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.steps.0.dueAfterDays');
    expect(await playbookCount()).toBe(before[0]! + 1);
    expect(await stepCount()).toBe(before[1]! + 2);
    expect((await get(`/api/playbooks/${pb.id}`)).json()).toMatchObject({ version: 1, steps: [{ title: 'NDA signed' }, { title: 'Certification plan' }] });
  });

  it('keeps names unique among playbooks in use; an archived one frees its name and cannot be restored over a namesake', async () => {
    const first = (await post('/api/playbooks', body({ name: 'Distributor basics' }))).json();
    const dup = await post('/api/playbooks', body({ name: 'distributor BASICS' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('body.name');
    const other = (await post('/api/playbooks', body())).json();
    expect((await patch(`/api/playbooks/${other.id}`, { version: 1, name: 'Distributor Basics' })).statusCode).toBe(409);

    expect((await post(`/api/playbooks/${first.id}/archive`, { version: 1 })).statusCode).toBe(200);
    const again = await post('/api/playbooks', body({ name: 'Distributor basics' }));
    expect(again.statusCode).toBe(201);
    const restore = await post(`/api/playbooks/${first.id}/restore`, { version: 2 });
    expect(restore.statusCode).toBe(409);
    expect(restore.json().detail).toContain('Distributor basics');
  });

  it('only administrators create, edit, archive playbooks or add the starter set (403 for managers, members and viewers)', async () => {
    const pb = (await post('/api/playbooks', body())).json();
    const before = await playbookCount();
    for (const token of [as.manager, as.member, as.viewer]) {
      expect((await post('/api/playbooks', body(), token)).statusCode).toBe(403);
      expect((await patch(`/api/playbooks/${pb.id}`, { version: 1, name: 'Mine' }, token)).statusCode).toBe(403);
      expect((await post(`/api/playbooks/${pb.id}/archive`, { version: 1 }, token)).statusCode).toBe(403);
      expect((await post('/api/playbooks/starter', {}, token)).statusCode).toBe(403);
      expect((await get(`/api/playbooks/${pb.id}`, token)).statusCode).toBe(200);
    }
    expect(await playbookCount()).toBe(before);
    expect((await get(`/api/playbooks/${pb.id}`)).json()).toMatchObject({ version: 1, archivedAt: null });
  });
});

describe('starter playbooks', () => {
  it('adds one playbook per partner type with the issue’s steps; running it again adds nothing and names in use are skipped', { timeout: 120_000 }, async () => {
    const fresh = await createTestApp();
    try {
      const admin = await tokenFor(fresh, await makeUser(fresh, 'admin'));
      // An admin already has a playbook of one starter name: it is left alone.
      const own = await fresh.app.inject({
        method: 'POST',
        url: '/api/playbooks',
        headers: bearer(admin),
        payload: { ...body(), name: 'Distributor onboarding', partnerType: 'distributor' },
      });
      expect(own.statusCode).toBe(201);

      const first = await fresh.app.inject({ method: 'POST', url: '/api/playbooks/starter', headers: bearer(admin), payload: {} });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().skipped).toEqual(['Distributor onboarding']);
      expect(
        first
          .json()
          .created.map((p: { partnerType: string }) => p.partnerType)
          .sort(),
      ).toEqual(PARTNER_TYPES.filter((x) => x !== 'distributor').sort());
      const vendor = first.json().created.find((p: { partnerType: string }) => p.partnerType === 'software_vendor');
      const titles = vendor.steps.map((s: { title: string }) => s.title);
      for (const title of [
        'NDA signed',
        'Partner agreement signed',
        'Supplier risk assessed',
        'Access to the partner’s portal',
        'Key contacts known',
        'Our team roles assigned',
        'Certification plan',
        'Kickoff meeting held',
        'First business plan',
        'Sync meeting series set up',
        'Listed on our website',
        'Deal registration access',
      ]) {
        expect(titles).toContain(title);
      }

      const second = await fresh.app.inject({ method: 'POST', url: '/api/playbooks/starter', headers: bearer(admin), payload: {} });
      expect(second.json()).toEqual({ created: [], skipped: STARTER_PLAYBOOKS.map((p) => p.name) });
      // Called directly (setup, seed) it is just as idempotent.
      expect(await fresh.database.db.transaction((tx) => ensureStarterPlaybooks(tx, null))).toEqual({ created: [], skipped: STARTER_PLAYBOOKS.map((p) => p.name) });
      const all = (await fresh.app.inject({ method: 'GET', url: '/api/playbooks', headers: bearer(admin) })).json().items;
      expect(all).toHaveLength(4);
      const audit = await fresh.app.inject({ method: 'GET', url: `/api/audit?entityType=playbook&entityId=${vendor.id}`, headers: bearer(admin) });
      expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['create']);
    } finally {
      await fresh.close();
    }
  });

  it('the first administrator’s setup adds the starter set', { timeout: 120_000 }, async () => {
    const fresh = await createTestApp();
    try {
      const setup = await fresh.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { name: 'Ada Admin', email: `ada.${process.pid}@example.com`, password: 'correct horse battery staple' },
      });
      expect(setup.statusCode, setup.body).toBe(201);
      const rows = await fresh.database.db
        .select({ name: playbook.name })
        .from(playbook)
        .where(
          inArray(
            playbook.name,
            STARTER_PLAYBOOKS.map((p) => p.name),
          ),
        );
      expect(rows.map((r) => r.name).sort()).toEqual(STARTER_PLAYBOOKS.map((p) => p.name).sort());
    } finally {
      await fresh.close();
    }
  });
});
