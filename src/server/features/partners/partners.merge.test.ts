import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actor, type Actor } from '../../../../tests/support/actors.js';
import { makeProgram } from '../../../../tests/support/compliance.js';
import { addTeamMember, makeActivity, makeContact, makePartner, unique, type PartnerRow } from '../../../../tests/support/factories.js';
import { createSnapshotter } from '../../../../tests/support/snapshot.js';
import {
  calendarFeed,
  contract,
  document,
  meetingOccurrence,
  meetingSeries,
  onboarding,
  partner,
  partnerLink,
  partnerProduct,
  partnerStatusChange,
  product,
  riskAssessment,
  riskCriterion,
  riskFinding,
  riskScore,
  task,
} from '../../db/schema/index.js';
import type { User } from '../../../shared/schemas/user.js';
import { PARTNER_REFERENCES } from './partners.merge.js';

let t: TestApp;
let manager: Actor;
let colleague: User;
let criterionId: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await actor(t, 'manager');
  colleague = await makeUser(t, 'member');
  const [c] = await t.database.db
    .insert(riskCriterion)
    .values({ key: unique('crit').replace(/\W/g, '_'), name: unique('Data protection') })
    .returning();
  criterionId = c!.id;
});
afterAll(() => t.close());

const post = (url: string, payload: object) => manager.post(url, payload);
const merge = (survivor: PartnerRow, duplicate: PartnerRow, version = survivor.version) => post(`/api/partners/${survivor.id}/merge`, { duplicateId: duplicate.id, version });

/** Every foreign key to `partner`, read from the database catalogue, as table.column. */
async function partnerForeignKeys(): Promise<string[]> {
  const rows = await t.database.query<{ ref: string }>(
    `select cl.relname || '.' || a.attname as ref
       from pg_constraint c
       join pg_class cl on cl.oid = c.conrelid
       join pg_namespace n on n.oid = cl.relnamespace
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
      where c.contype = 'f' and c.confrelid = 'public.partner'::regclass and n.nspname = 'public'
      order by 1`,
  );
  return rows.map((r) => r.ref);
}
const handled = () => PARTNER_REFERENCES.flatMap((r) => r.columns.map((c) => `${r.table}.${c}`)).sort();

/** One record of every kind that belongs to a partner, with the ids to follow. */
async function everythingOn(p: PartnerRow) {
  const db = t.database.db;
  const contactRow = await makeContact(t, p.id, { isPrimary: true });
  const activityRow = await makeActivity(t, p.id, { contactIds: [contactRow.id] });
  const [status] = await db.insert(partnerStatusChange).values({ partnerId: p.id, fromStatus: 'prospect', toStatus: 'active' }).returning();
  await addTeamMember(t, p.id, colleague.id, 'sales');
  const [prod] = await db
    .insert(product)
    .values({ name: unique('Product') })
    .returning();
  await db.insert(partnerProduct).values({ partnerId: p.id, productId: prod!.id });
  const other = await makePartner(t);
  const [linkOut] = await db.insert(partnerLink).values({ fromPartnerId: p.id, toPartnerId: other.id, kind: 'reseller_of' }).returning();
  const [linkIn] = await db.insert(partnerLink).values({ fromPartnerId: other.id, toPartnerId: p.id, kind: 'distributor_of' }).returning();
  const [series] = await db
    .insert(meetingSeries)
    .values({ partnerId: p.id, title: 'Monthly sync', cadence: 'monthly', rrule: 'FREQ=MONTHLY', startLocal: '2026-03-05T10:00' })
    .returning();
  const [seriesOccurrence] = await db
    .insert(meetingOccurrence)
    .values({
      seriesId: series!.id,
      partnerId: p.id,
      originalStart: new Date('2026-04-05T08:00:00Z'),
      startsAt: new Date('2026-04-05T08:00:00Z'),
      endsAt: new Date('2026-04-05T09:00:00Z'),
    })
    .returning();
  const [oneOff] = await db
    .insert(meetingOccurrence)
    .values({ partnerId: p.id, title: 'Kickoff', startsAt: new Date('2026-03-05T09:00:00Z'), endsAt: new Date('2026-03-05T10:00:00Z') })
    .returning();
  const [ob] = await db.insert(onboarding).values({ partnerId: p.id, playbookName: 'Vendor', startedOn: '2026-03-01' }).returning();
  const [step] = await db
    .insert(task)
    .values({ title: 'NDA', partnerId: p.id, subjectType: 'onboarding', subjectId: ob!.id, onboardingId: ob!.id, stepPosition: 1, source: 'playbook' })
    .returning();
  const [ownTask] = await db.insert(task).values({ title: 'Call them', partnerId: p.id, subjectType: 'partner', subjectId: p.id }).returning();
  const [draft] = await db
    .insert(riskAssessment)
    .values({ partnerId: p.id, scope: `Scope of ${p.name}` })
    .returning();
  await db.insert(riskScore).values({ assessmentId: draft!.id, criterionId, criterionName: 'Data protection', weight: 1, score: 2, note: `Note of ${p.name}` });
  const [finding] = await db
    .insert(riskFinding)
    .values({ assessmentId: draft!.id, title: `Finding of ${p.name}` })
    .returning();
  const [mitigation] = await db.insert(task).values({ title: 'Mitigate', partnerId: p.id, subjectType: 'risk_assessment', subjectId: draft!.id }).returning();
  const [approved] = await db
    .insert(riskAssessment)
    .values({
      partnerId: p.id,
      status: 'approved',
      approvedAt: new Date('2026-01-10T10:00:00Z'),
      rating: 'low',
      scorePercent: 10,
      nextReviewOn: '2027-01-10',
      assessedOn: '2026-01-09',
    })
    .returning();
  const [agreement] = await db.insert(contract).values({ partnerId: p.id, type: 'nda', title: 'NDA' }).returning();
  const [doc] = await db.insert(document).values({ subjectType: 'partner', subjectId: p.id, partnerId: p.id, title: 'Logo pack' }).returning();
  const [contractDoc] = await db.insert(document).values({ subjectType: 'contract', subjectId: agreement!.id, partnerId: p.id, title: 'Signed NDA' }).returning();
  const [draftDoc] = await db.insert(document).values({ subjectType: 'risk_assessment', subjectId: draft!.id, partnerId: p.id, title: 'Questionnaire' }).returning();
  const [feed] = await db
    .insert(calendarFeed)
    .values({ userId: colleague.id, scope: 'partner', partnerId: p.id, tokenHash: unique('hash'), prefix: 'ph_cal' })
    .returning();
  const program = await makeProgram(t, { partnerId: p.id });
  return {
    contact: contactRow,
    activity: activityRow,
    status: status!,
    product: prod!,
    other,
    linkOut: linkOut!,
    linkIn: linkIn!,
    series: series!,
    seriesOccurrence: seriesOccurrence!,
    oneOff: oneOff!,
    onboarding: ob!,
    step: step!,
    ownTask: ownTask!,
    draft: draft!,
    finding: finding!,
    mitigation: mitigation!,
    approved: approved!,
    contract: agreement!,
    doc: doc!,
    contractDoc: contractDoc!,
    draftDoc: draftDoc!,
    feed: feed!,
    program,
  };
}

const partnerOf = async (table: string, id: string) => (await t.database.query<{ partner_id: string }>(`select partner_id from "${table}" where id = $1`, [id]))[0]?.partner_id;

describe('merging partners', () => {
  it('handles every foreign key to partner in the database (a new feature that references partners must say how a merge moves its rows)', async () => {
    const inCatalogue = await partnerForeignKeys();
    expect(inCatalogue.length).toBeGreaterThan(10);
    const missing = inCatalogue.filter((ref) => !handled().includes(ref));
    expect(missing, `add these to PARTNER_REFERENCES in partners.merge.ts: ${missing.join(', ')}`).toEqual([]);
    // And the list names nothing the database does not have (a renamed column would be skipped silently).
    expect(handled().filter((ref) => !inCatalogue.includes(ref))).toEqual([]);
  });

  it('moves one record of every kind from the duplicate to the survivor, settles every clash, and audits it all', async () => {
    const keep = await makePartner(t, { name: unique('Keep') });
    const dup = await makePartner(t, { name: unique('Dup'), riskReviewDueOn: '2026-06-01' });
    const ours = await everythingOn(keep);
    const theirs = await everythingOn(dup);
    // Links between the two of them, both ways; the same team member and product on both.
    const db = t.database.db;
    await db.insert(partnerLink).values([
      { fromPartnerId: dup.id, toPartnerId: keep.id, kind: 'reseller_of' },
      { fromPartnerId: keep.id, toPartnerId: dup.id, kind: 'distributor_of' },
    ]);
    await db.insert(partnerProduct).values({ partnerId: dup.id, productId: ours.product.id });
    const earlier = await makePartner(t, { archivedAt: new Date(), mergedIntoId: dup.id });

    const res = await merge(keep, dup);
    expect(res.statusCode, res.body).toBe(200);

    // Nothing is left on the duplicate, in any table that references partners.
    for (const ref of await partnerForeignKeys()) {
      const [table, column] = ref.split('.') as [string, string];
      const [{ n }] = (await t.database.query<{ n: number }>(`select count(*)::int as n from "${table}" where "${column}" = $1`, [dup.id])) as [{ n: number }];
      expect(n, `${ref} still holds rows of the duplicate`).toBe(0);
    }
    expect(
      await t.database.query(
        `select id from task where subject_type = 'partner' and subject_id = $1 union all select id from document where subject_type = 'partner' and subject_id = $1`,
        [dup.id],
      ),
    ).toEqual([]);

    // Each of the duplicate's records now belongs to the survivor.
    for (const [table, row] of [
      ['contact', theirs.contact],
      ['activity', theirs.activity],
      ['partner_status_change', theirs.status],
      ['meeting_series', theirs.series],
      ['meeting_occurrence', theirs.seriesOccurrence],
      ['meeting_occurrence', theirs.oneOff],
      ['onboarding', theirs.onboarding],
      ['task', theirs.step],
      ['task', theirs.ownTask],
      ['task', theirs.mitigation],
      ['risk_assessment', theirs.approved],
      ['contract', theirs.contract],
      ['document', theirs.doc],
      ['document', theirs.contractDoc],
      ['document', theirs.draftDoc],
      ['calendar_feed', theirs.feed],
      ['partner_program', theirs.program],
    ] as const) {
      expect(await partnerOf(table, row.id), `${table} ${row.id}`).toBe(keep.id);
    }
    expect((await db.select().from(task).where(eq(task.id, theirs.ownTask.id)))[0]).toMatchObject({ subjectType: 'partner', subjectId: keep.id });
    expect((await db.select().from(document).where(eq(document.id, theirs.doc.id)))[0]).toMatchObject({ subjectType: 'partner', subjectId: keep.id });
    expect((await db.select().from(partner).where(eq(partner.id, earlier.id)))[0]!.mergedIntoId).toBe(keep.id);

    const m = res.json();
    // One product each, the shared one once; links to the third partners moved, those between the two are gone.
    expect(m.products.map((p: { id: string }) => p.id).sort()).toEqual([ours.product.id, theirs.product.id].sort());
    expect(m.related.map((r: { partner: { id: string }; kind: string; direction: string }) => `${r.direction} ${r.kind} ${r.partner.id}`).sort()).toEqual(
      [
        `outgoing reseller_of ${ours.other.id}`,
        `incoming distributor_of ${ours.other.id}`,
        `outgoing reseller_of ${theirs.other.id}`,
        `incoming distributor_of ${theirs.other.id}`,
      ].sort(),
    );
    expect(await t.database.query(`select 1 from team_assignment where partner_id = $1`, [keep.id])).toHaveLength(1);
    // The survivor's primary contact stays primary.
    expect(await t.database.query<{ id: string }>(`select id from contact where partner_id = $1 and is_primary`, [keep.id])).toEqual([{ id: ours.contact.id }]);
    // The survivor's onboarding goes on; the duplicate's is cancelled with its open steps.
    expect(
      (
        await db
          .select()
          .from(onboarding)
          .where(inArray(onboarding.id, [ours.onboarding.id, theirs.onboarding.id]))
      )
        .map((o) => [o.id, o.status])
        .sort(),
    ).toEqual(
      [
        [ours.onboarding.id, 'in_progress'],
        [theirs.onboarding.id, 'cancelled'],
      ].sort(),
    );
    expect((await db.select().from(task).where(eq(task.id, theirs.step.id)))[0]!.status).toBe('cancelled');
    // The survivor's current assessment stays current; the duplicate's is superseded.
    expect((await db.select().from(riskAssessment).where(eq(riskAssessment.id, theirs.approved.id)))[0]!.status).toBe('superseded');
    expect((await db.select().from(riskAssessment).where(eq(riskAssessment.id, ours.approved.id)))[0]!.status).toBe('approved');
    // The duplicate's draft is folded into the survivor's: findings, tasks and documents follow it.
    expect(await db.select().from(riskAssessment).where(eq(riskAssessment.id, theirs.draft.id))).toEqual([]);
    expect((await db.select().from(riskFinding).where(eq(riskFinding.id, theirs.finding.id)))[0]!.assessmentId).toBe(ours.draft.id);
    expect((await db.select().from(task).where(eq(task.id, theirs.mitigation.id)))[0]!.subjectId).toBe(ours.draft.id);
    expect((await db.select().from(document).where(eq(document.id, theirs.draftDoc.id)))[0]!.subjectId).toBe(ours.draft.id);
    expect((await db.select().from(riskScore).where(eq(riskScore.assessmentId, ours.draft.id)))[0]).toMatchObject({ score: 2, note: `Note of ${keep.name}` });
    expect(m).toMatchObject({ riskReviewDueOn: '2026-06-01' });

    // Every moved record says so in its own history, and both partners record the merge.
    const audited = await t.database.query<{ entity_type: string; entity_id: string }>(`select entity_type, entity_id from audit_log where action = $1`, [
      `moved-by-merge:${keep.id}`,
    ]);
    const auditedIds = new Set(audited.map((a) => a.entity_id));
    for (const row of [
      theirs.contact,
      theirs.activity,
      theirs.series,
      theirs.oneOff,
      theirs.onboarding,
      theirs.approved,
      theirs.contract,
      theirs.ownTask,
      theirs.doc,
      theirs.feed,
      theirs.program,
    ]) {
      expect(auditedIds.has(row.id), row.id).toBe(true);
    }
    const [survivorAudit] = await t.database.query<{ changes: Record<string, { from: unknown; to: Record<string, number> }> }>(
      `select changes from audit_log where entity_id = $1 and action = $2`,
      [keep.id, `merge:${dup.id}`],
    );
    expect(survivorAudit!.changes.moved!.to).toMatchObject({
      'contact.partner_id': 1,
      'activity.partner_id': 1,
      'partner_link.from_partner_id': 1,
      'partner_link.to_partner_id': 1,
    });
    expect(await t.database.query(`select 1 from audit_log where entity_id = $1 and action = $2`, [dup.id, `merged-into:${keep.id}`])).toHaveLength(1);
    expect(await t.database.query(`select 1 from audit_log where entity_id = $1 and action = $2`, [theirs.draft.id, `merged-into:${ours.draft.id}`])).toHaveLength(1);
  });

  it('a refused merge (stale version) changes nothing at all', async () => {
    const keep = await makePartner(t);
    const dup = await makePartner(t);
    await everythingOn(dup);
    const snap = createSnapshotter(t.database);
    const before = await snap.take();
    const stale = await merge(keep, dup, keep.version + 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect(snap.changed(before, await snap.take())).toEqual([]);
  });

  it('a merged partner cannot be restored: 409 naming the partner it was merged into', async () => {
    const keep = await makePartner(t, { name: unique('Keeper') });
    const dup = await makePartner(t, { name: unique('Copy') });
    expect((await merge(keep, dup)).statusCode).toBe(200);
    const merged = (await manager.get(`/api/partners/${dup.id}`)).json();
    expect(merged).toMatchObject({ mergedIntoId: keep.id, archivedAt: expect.any(String) });
    const snap = createSnapshotter(t.database);
    const before = await snap.take();
    const res = await post(`/api/partners/${dup.id}/restore`, { version: merged.version });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain(keep.name);
    expect(res.json().detail).toMatch(/cannot be restored/);
    expect(snap.changed(before, await snap.take())).toEqual([]);
    // Nor can it be merged again, either way.
    expect((await merge({ ...keep, version: keep.version + 1 }, dup)).statusCode).toBe(409);
  });
});
