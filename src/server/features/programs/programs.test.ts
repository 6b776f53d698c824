import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actorsFor, requestsAs, type Actor, type Actors } from '../../../../tests/support/actors.js';
import { makePartner } from '../../../../tests/support/factories.js';
import { grantCertification, makeCertification, makeLevel, makeProgram } from '../../../../tests/support/compliance.js';
import { certification, levelChecklistItem, levelRequirement, programLevel } from '../../db/schema/index.js';
import { addDays, zurichDate } from '../../../shared/days.js';

let t: TestApp;
let as: Actors;

beforeAll(async () => {
  t = await createTestApp();
  as = await actorsFor(t);
});
afterAll(() => t.close());

const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown, who: Actor = as.manager) => who.inject({ method, url, payload: payload as object });
const { get } = requestsAs(() => as.viewer);
const count = async (table: typeof programLevel | typeof levelRequirement | typeof levelChecklistItem) =>
  (await t.database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table))[0]!.n;
const today = () => zurichDate(new Date());
let seq = 0;
const programName = () => `Programme ${process.pid}-${++seq}`;

/** A programme with two certifications, created through the API, and its ladder: one level of two requirements and a checklist item. */
async function programWithLadder() {
  const partner = await makePartner(t);
  const created = await send('POST', '/api/programs', { name: programName(), vendor: 'Kube Vendor', partnerId: partner.id, nextReviewOn: addDays(today(), 200) });
  expect(created.statusCode, created.body).toBe(201);
  const p = created.json();
  const cka = await makeCertification(t, p.id, { name: 'Kube Admin', examCode: 'KA', category: 'professional' });
  const kcna = await makeCertification(t, p.id, { name: 'Kube Associate', examCode: 'KCNA', category: 'associate' });
  const put = await send('PUT', `/api/programs/${p.id}/levels`, {
    version: p.version,
    levels: [
      {
        name: 'Certified',
        requirements: [
          { counts: 'people', minCount: 2, certificationIds: [cka.id] },
          { counts: 'certifications', minCount: 3, categories: ['associate', 'professional'], children: [{ counts: 'certifications', minCount: 1, categories: ['associate'] }] },
        ],
        checklist: [{ title: 'Partner business plan' }],
      },
      { name: 'Gold', requirements: [{ counts: 'people', minCount: 5, label: 'Kube admins', certificationIds: [cka.id] }] },
    ],
  });
  expect(put.statusCode, put.body).toBe(200);
  return { partner, program: put.json(), cka, kcna };
}

describe('programmes and ladders', () => {
  it('creates a programme, replaces its ladder, shows requirements as sentences and links the held level; everything audited', async () => {
    const { program: p, cka } = await programWithLadder();
    expect(p.levels.map((l: { rank: number; name: string }) => `${l.rank} ${l.name}`)).toEqual(['1 Certified', '2 Gold']);
    expect(p.levels[0].requirements.map((r: { sentence: string; children: { sentence: string }[] }) => [r.sentence, ...r.children.map((c) => c.sentence)])).toEqual([
      ['At least 2 people holding Kube Admin'],
      ['At least 3 certifications: associate or professional', 'Of which at least 1 certification: associate'],
    ]);
    expect(p.levels[1].requirements[0].sentence).toBe('At least 5 people holding Kube Admin (Kube admins)');
    expect(p.held).toBeNull();
    // Nothing held: the next level is the first one.
    expect(p.next).toMatchObject({
      level: { name: 'Certified', rank: 1 },
      met: false,
      gaps: [
        'Need 2 more people holding Kube Admin',
        'Need 3 more certifications: associate or professional',
        'Need 1 more certification: associate',
        'Checklist: Partner business plan not done',
      ],
    });
    expect(p.certifications.map((c: { id: string }) => c.id)).toContain(cka.id);

    const held = await send('PATCH', `/api/programs/${p.id}`, { version: p.version, heldLevelId: p.levels[0].id, heldSince: '2025-11-01' });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({
      heldLevel: { name: 'Certified' },
      heldSince: '2025-11-01',
      held: { met: false },
      next: { level: { name: 'Gold' }, gaps: ['Need 5 more Kube admins'] },
    });

    const list = (await get('/api/programs')).json().items.find((x: { id: string }) => x.id === p.id);
    expect(list).toMatchObject({ heldLevel: { name: 'Certified' }, meetsHeldLevel: false, forecastDate: null, levels: [{ name: 'Certified' }, { name: 'Gold' }] });
    const audit = (await get(`/api/audit?entityType=partner_program&entityId=${p.id}`, as.admin)).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['update', 'update_levels', 'create']);
    expect(audit[0].changes).toEqual({ heldLevel: { from: null, to: 'Certified' }, heldSince: { from: null, to: '2025-11-01' } });
    expect(audit[1].changes.levels.to).toEqual([
      '1. Certified: At least 2 people holding Kube Admin, At least 3 certifications: associate or professional, of which at least 1 certification: associate; checklist: Partner business plan',
      '2. Gold: At least 5 people holding Kube Admin (Kube admins)',
    ]);
  });

  it('the partner tab: certifications close the gap, the checklist tick (with evidence) makes it met, and the forecast names the first lapse', async () => {
    const { partner, program: p, cka, kcna } = await programWithLadder();
    await send('PATCH', `/api/programs/${p.id}`, { version: p.version, heldLevelId: p.levels[0].id });
    const [a, b] = [await makeUser(t, 'member', { name: 'Alma Admin' }), await makeUser(t, 'member', { name: 'Bruno Builder' })];
    await grantCertification(t, a.id, cka.id, addDays(today(), -100), addDays(today(), 400));
    await grantCertification(t, b.id, cka.id, addDays(today(), -100), addDays(today(), 50));
    let tab = (await get(`/api/partners/${partner.id}/programs`)).json().items;
    expect(tab.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect(tab[0].held.gaps).toEqual(['Need 1 more certification: associate or professional', 'Need 1 more certification: associate', 'Checklist: Partner business plan not done']);
    await grantCertification(t, b.id, kcna.id, addDays(today(), -10), addDays(today(), 700));
    const item = tab[0].levels[0].checklist[0];
    const noEvidence = await send('POST', `/api/checklist-items/${item.id}/done`, { version: item.version, evidence: '  ' });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().errors[0].path).toBe('body.evidence');
    const ticked = await send('POST', `/api/checklist-items/${item.id}/done`, { version: item.version, evidence: 'Plan signed off 2026-10-01' });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json().levels[0].checklist[0]).toMatchObject({
      done: true,
      evidence: 'Plan signed off 2026-10-01',
      doneBy: { name: expect.any(String) },
      version: item.version + 1,
    });
    tab = (await get(`/api/partners/${partner.id}/programs`)).json().items;
    expect(tab[0].held).toMatchObject({ met: true, gaps: [] });
    expect(tab[0].held.forecast).toMatchObject({
      date: addDays(today(), 51),
      causes: [{ userName: 'Bruno Builder', certificationName: 'Kube Admin', expiresOn: addDays(today(), 50) }],
    });
    expect(tab[0].levels[0].evaluation.requirements.map((r: { count: number; minCount: number }) => `${r.count}/${r.minCount}`)).toEqual(['2/2', '3/3']);

    expect((await send('POST', `/api/checklist-items/${item.id}/undone`, { version: item.version })).statusCode).toBe(409);
    const undone = await send('POST', `/api/checklist-items/${item.id}/undone`, { version: item.version + 1 });
    expect(undone.json().held).toMatchObject({ met: false, gaps: ['Checklist: Partner business plan not done'] });
    const history = (await get(`/api/audit?entityType=level_checklist_item&entityId=${item.id}`, as.admin)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['undone', 'done']);
  });

  it('keeps level and checklist ids (and so the held level and ticks) when the ladder is reordered and edited', async () => {
    const { program: p } = await programWithLadder();
    const [certified, gold] = p.levels;
    const v2 = (await send('PATCH', `/api/programs/${p.id}`, { version: p.version, heldLevelId: certified.id })).json();
    const item = certified.checklist[0];
    const v3 = (await send('POST', `/api/checklist-items/${item.id}/done`, { version: item.version, evidence: 'Filed' })).json();
    expect(v3.version).toBe(v2.version);
    const put = await send('PUT', `/api/programs/${p.id}/levels`, {
      version: v3.version,
      levels: [
        { id: gold.id, name: 'Gold', requirements: [] },
        { name: 'Platinum', requirements: [{ counts: 'people', minCount: 10 }] },
        { id: certified.id, name: 'Certified (renamed)', requirements: [], checklist: [{ title: 'New item' }, { id: item.id, title: 'Partner business plan' }] },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = put.json();
    expect(after.levels.map((l: { id: string; rank: number; name: string }) => [l.rank, l.name, l.id === certified.id || l.id === gold.id])).toEqual([
      [1, 'Gold', true],
      [2, 'Platinum', false],
      [3, 'Certified (renamed)', true],
    ]);
    expect(after.heldLevel).toMatchObject({ id: certified.id, name: 'Certified (renamed)', rank: 3 });
    expect(after.levels[2].checklist.map((c: { id: string; title: string; done: boolean }) => [c.title, c.done, c.id === item.id])).toEqual([
      ['New item', false, false],
      ['Partner business plan', true, true],
    ]);
    expect(after.levels[1].requirements[0].sentence).toBe('At least 10 people holding any certification of the programme');
    // Dropping the held level clears it.
    const dropped = await send('PUT', `/api/programs/${p.id}/levels`, { version: after.version, levels: [{ id: gold.id, name: 'Gold' }] });
    expect(dropped.json()).toMatchObject({ heldLevel: null, held: null, levels: [{ name: 'Gold', rank: 1 }] });
    expect(await t.database.db.select().from(levelChecklistItem).where(eq(levelChecklistItem.id, item.id))).toEqual([]);
  });

  it('refuses bad ladders and bad links with 400 naming the field, and writes nothing', async () => {
    const { program: p } = await programWithLadder();
    const other = await makeProgram(t);
    const foreign = await makeCertification(t, other.id, { archivedAt: new Date() });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const foreignLevel = await makeLevel(t, other.id, 1);
    const before = [await count(programLevel), await count(levelRequirement), await count(levelChecklistItem)];
    const ladder = (requirement: object, extra: object = {}) => ({ version: p.version, levels: [{ name: 'Only', requirements: [requirement], ...extra }] });
    const cases: [object, string][] = [
      [ladder({ counts: 'people', minCount: 1, certificationIds: [unknown] }), 'body.levels.0.requirements.0.certificationIds.0'],
      [
        ladder({ counts: 'people', minCount: 1, children: [{ counts: 'people', minCount: 1, certificationIds: [p.certifications[0].id, foreign.id] }] }),
        'body.levels.0.requirements.0.children.0.certificationIds.1',
      ],
      [ladder({ counts: 'people', minCount: 0 }), 'body.levels.0.requirements.0.minCount'],
      [ladder({ counts: 'people', minCount: 10_001 }), 'body.levels.0.requirements.0.minCount'],
      [ladder({ counts: 'people', minCount: 1.5 }), 'body.levels.0.requirements.0.minCount'],
      [ladder({ counts: 'teams', minCount: 1 }), 'body.levels.0.requirements.0.counts'],
      [ladder({ counts: 'people', minCount: 1, categories: ['expert'] }), 'body.levels.0.requirements.0.categories.0'],
      [{ version: p.version, levels: [{ id: foreignLevel.id, name: 'Stolen' }] }, 'body.levels.0.id'],
      [ladder({ counts: 'people', minCount: 1 }, { checklist: [{ id: p.levels[1].id, title: 'x' }] }), 'body.levels.0.checklist.0.id'],
    ];
    for (const [payload, path] of cases) {
      const res = await send('PUT', `/api/programs/${p.id}/levels`, payload);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const wrongHeld = await send('PATCH', `/api/programs/${p.id}`, { version: p.version, heldLevelId: foreignLevel.id });
    expect(wrongHeld.statusCode).toBe(400);
    expect(wrongHeld.json().errors[0].path).toBe('body.heldLevelId');
    const badPartner = await send('PATCH', `/api/programs/${p.id}`, { version: p.version, partnerId: crypto.randomUUID() });
    expect(badPartner.json().errors[0].path).toBe('body.partnerId');
    expect((await send('PATCH', `/api/programs/${p.id}`, { version: p.version, nextReviewOn: '2026-02-30' })).json().errors[0].path).toBe('body.nextReviewOn');
    expect((await send('PUT', `/api/programs/${p.id}/levels`, { version: p.version - 1 < 1 ? 99 : p.version - 1, levels: [] })).statusCode).toBe(409);
    expect([await count(programLevel), await count(levelRequirement), await count(levelChecklistItem)]).toEqual(before);
    expect((await get(`/api/programs/${p.id}`)).json()).toMatchObject({ version: p.version, levels: [{ name: 'Certified' }, { name: 'Gold' }] });
  });

  it('keeps names unique among programmes in use; archive and restore; an archived one is read-only', async () => {
    const name = programName();
    const first = (await send('POST', '/api/programs', { name, vendor: 'V' })).json();
    const dup = await send('POST', '/api/programs', { name: name.toUpperCase(), vendor: 'V' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('body.name');
    const archived = await send('POST', `/api/programs/${first.id}/archive`, { version: first.version });
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await get('/api/programs')).json().items.map((x: { id: string }) => x.id)).not.toContain(first.id);
    expect((await get('/api/programs?archived=true')).json().items.map((x: { id: string }) => x.id)).toContain(first.id);
    expect((await send('PUT', `/api/programs/${first.id}/levels`, { version: archived.json().version, levels: [] })).statusCode).toBe(409);
    const restored = await send('POST', `/api/programs/${first.id}/restore`, { version: archived.json().version });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().archivedAt).toBeNull();
  });

  it('only administrators and Partner Managers change programmes, ladders and checklists; everyone reads', async () => {
    const { partner, program: p } = await programWithLadder();
    const item = p.levels[0].checklist[0];
    for (const token of [as.member, as.viewer]) {
      expect((await send('POST', '/api/programs', { name: programName(), vendor: 'V' }, token)).statusCode).toBe(403);
      expect((await send('PATCH', `/api/programs/${p.id}`, { version: p.version, name: 'Mine' }, token)).statusCode).toBe(403);
      expect((await send('PUT', `/api/programs/${p.id}/levels`, { version: p.version, levels: [] }, token)).statusCode).toBe(403);
      expect((await send('POST', `/api/checklist-items/${item.id}/done`, { version: item.version, evidence: 'x' }, token)).statusCode).toBe(403);
      expect((await get(`/api/programs/${p.id}`, token)).statusCode).toBe(200);
      expect((await get(`/api/partners/${partner.id}/programs`, token)).statusCode).toBe(200);
    }
    expect((await send('PATCH', `/api/programs/${p.id}`, { version: p.version, name: programName() }, as.admin)).statusCode).toBe(200);
    expect((await get(`/api/partners/${crypto.randomUUID()}/programs`)).statusCode).toBe(404);
    expect((await get(`/api/programs/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('counts one holding for every programme whose requirement names its certification, another programme’s too', async () => {
    // The KCSP programme owns the CKA in the catalogue; a vendor's programme names it in its top level.
    const kcsp = (await send('POST', '/api/programs', { name: programName(), vendor: 'CNCF' })).json();
    const cka = await makeCertification(t, kcsp.id, { name: `Kubernetes Administrator ${seq}`, examCode: 'CKA', category: 'professional' });
    const kcspLadder = await send('PUT', `/api/programs/${kcsp.id}/levels`, {
      version: kcsp.version,
      levels: [{ name: 'KCSP', requirements: [{ counts: 'people', minCount: 1, certificationIds: [cka.id] }] }],
    });
    expect(kcspLadder.statusCode, kcspLadder.body).toBe(200);
    const vendor = (await send('POST', '/api/programs', { name: programName(), vendor: 'Kube Vendor', partnerId: (await makePartner(t)).id })).json();
    const own = await makeCertification(t, vendor.id, { name: `Vendor Engineer ${seq}`, category: 'professional' });
    const put = await send('PUT', `/api/programs/${vendor.id}/levels`, {
      version: vendor.version,
      levels: [
        // A category and an empty filter count the vendor's own catalogue only, never the CKA.
        { name: 'Registered', requirements: [{ counts: 'people', minCount: 1 }] },
        {
          name: 'Premier',
          requirements: [
            { counts: 'people', minCount: 1, categories: ['professional'] },
            { counts: 'people', minCount: 1, certificationIds: [cka.id] },
          ],
        },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const ladder = put.json();
    expect(ladder.namedCertifications).toEqual([{ id: cka.id, name: cka.name, examCode: 'CKA', category: 'professional', program: { id: kcsp.id, name: kcsp.name } }]);
    expect(ladder.levels[1].requirements[1].sentence).toBe(`At least 1 person holding ${cka.name}`);
    await send('PATCH', `/api/programs/${kcsp.id}`, {
      version: (await get(`/api/programs/${kcsp.id}`)).json().version,
      heldLevelId: (await get(`/api/programs/${kcsp.id}`)).json().levels[0].id,
    });
    await send('PATCH', `/api/programs/${vendor.id}`, { version: ladder.version, heldLevelId: ladder.levels[1].id });

    // Recorded once, for the KCSP: it counts for both programmes.
    const engineer = await makeUser(t, 'member', { name: `Kube Engineer ${seq}` });
    await grantCertification(t, engineer.id, cka.id, addDays(today(), -30), addDays(today(), 700));
    const kcspNow = (await get(`/api/programs/${kcsp.id}`)).json();
    const vendorNow = (await get(`/api/programs/${vendor.id}`)).json();
    expect(kcspNow.held).toMatchObject({ level: { name: 'KCSP' }, met: true });
    expect(vendorNow.levels.map((l: { evaluation: { requirements: { count: number }[] } }) => l.evaluation.requirements.map((r) => r.count))).toEqual([[0], [0, 1]]);
    expect(vendorNow.held).toMatchObject({ level: { name: 'Premier' }, met: false, gaps: ['Need 1 more person holding a professional certification'] });

    // With one of the vendor's own certifications too, the vendor's level is met.
    await grantCertification(t, engineer.id, own.id, addDays(today(), -30), null);
    expect((await get(`/api/programs/${vendor.id}`)).json().held).toMatchObject({ met: true, gaps: [] });
    // And the partner list and header say so.
    const partnerRes = await get(`/api/partners/${vendor.partner.id}`);
    expect(partnerRes.statusCode, partnerRes.body).toBe(200);
    const partner = partnerRes.json();
    expect(partner.heldLevels).toEqual([{ programId: vendor.id, programName: vendor.name, level: { id: ladder.levels[1].id, name: 'Premier', rank: 2 }, met: true }]);

    // A certification a requirement names cannot be deleted from under it (it is archived instead).
    await expect(t.database.db.delete(certification).where(eq(certification.id, cka.id))).rejects.toThrow();
  });
});
