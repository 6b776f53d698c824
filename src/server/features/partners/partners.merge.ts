import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { auditLog, onboarding, partner, partnerLink, partnerProduct, riskAssessment, riskFinding, riskScore, task, teamAssignment } from '../../db/schema/index.js';
import { diff, recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { staleVersion, updateVersioned } from '../../lib/versioned.js';
import type { Partner } from '../../../shared/schemas/partner.js';
import { refreshLastContact } from './partners.last-contact.js';
import { lockPartnerForEdit, PARTNER, type LockedPartner } from './partners.guard.js';
import { auditablePartner } from './partners.presenter.js';
import { getPartner } from './partners.service.js';

type Row = typeof partner.$inferSelect;

interface MergeContext {
  tx: Tx;
  actor: Actor;
  survivor: Row;
  duplicate: Row;
  /** Rows moved per table, for the survivor's audit record. */
  moved: Record<string, number>;
}

/**
 * A table that holds partner ids, the columns that do (each a foreign key to `partner`), and how a
 * merge moves its rows from the duplicate to the survivor. The merge runs this list in order, and
 * a test compares it with the database catalogue: a new table referencing partners fails that test
 * until it is added here, so no feature's records are left behind on an archived duplicate.
 */
export interface PartnerReference {
  table: string;
  columns: readonly string[];
  move(c: MergeContext): Promise<void>;
}

const rowsOf = async <T>(tx: Tx, q: SQL): Promise<T[]> => (await tx.execute(q)).rows as T[];
const CHUNK = 1000;

/** One audit record per moved row, written in bulk: a partner may have thousands of timeline entries. */
async function auditEach(c: MergeContext, entityType: string, ids: string[], action: string, before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes = diff(before, after);
  for (let i = 0; i < ids.length; i += CHUNK) {
    await c.tx.insert(auditLog).values(ids.slice(i, i + CHUNK).map((entityId) => ({ entityType, entityId, action, actorId: c.actor.id, actorName: c.actor.name, changes })));
  }
}

/**
 * Re-points `column` of `table` from the duplicate to the survivor, bumping the version where the
 * table has one (a form opened on the old partner then gets 409), with an audit record per row of
 * `entityType`.
 */
function moveColumn(table: string, column: string, entityType: string | null, opts: { versioned?: boolean; where?: SQL } = {}) {
  return async (c: MergeContext) => {
    const t = sql.identifier(table);
    const col = sql.identifier(column);
    const ids = await rowsOf<{ id: string }>(
      c.tx,
      sql`update ${t} set ${col} = ${c.survivor.id}${opts.versioned === false ? sql`` : sql`, version = version + 1, updated_at = now()`}
        where ${col} = ${c.duplicate.id}${opts.where ? sql` and ${opts.where}` : sql``} returning id`,
    );
    c.moved[`${table}.${column}`] = (c.moved[`${table}.${column}`] ?? 0) + ids.length;
    // History rows (no entity of their own) are counted in the survivor's audit record instead.
    if (!entityType) return;
    const field = column.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
    await auditEach(c, entityType, ids.map((r) => r.id).sort(), `moved-by-merge:${c.survivor.id}`, { [field]: c.duplicate.id }, { [field]: c.survivor.id });
  };
}

/** Join rows keyed by partner: the survivor's stay, the duplicate's move unless the survivor has the same. */
function moveKeyed(table: string, key: string) {
  return async (c: MergeContext) => {
    const t = sql.identifier(table);
    const k = sql.identifier(key);
    await c.tx.execute(sql`delete from ${t} d where d.partner_id = ${c.duplicate.id} and exists (select 1 from ${t} s where s.partner_id = ${c.survivor.id} and s.${k} = d.${k})`);
    const moved = await rowsOf(c.tx, sql`update ${t} set partner_id = ${c.survivor.id} where partner_id = ${c.duplicate.id} returning 1`);
    c.moved[`${table}.partner_id`] = moved.length;
  };
}

/** The survivor's primary contact stays primary; the duplicate's gives way (one primary per partner). */
async function moveContacts(c: MergeContext) {
  const [primary] = await rowsOf(c.tx, sql`select 1 from contact where partner_id = ${c.survivor.id} and is_primary`);
  if (primary) await c.tx.execute(sql`update contact set is_primary = false where partner_id = ${c.duplicate.id} and is_primary`);
  await moveColumn('contact', 'partner_id', 'contact')(c);
}

/**
 * Team roles (one per person and role), products (one row each) and links. A link between the two
 * partners themselves would point at the survivor itself, and one the survivor has already would
 * be a copy: both go (the survivor's audit record keeps the links before and after).
 */
async function moveTeam(c: MergeContext) {
  await c.tx.execute(sql`delete from ${teamAssignment} d where d.partner_id = ${c.duplicate.id}
    and exists (select 1 from ${teamAssignment} s where s.partner_id = ${c.survivor.id} and s.user_id = d.user_id and s.role = d.role)`);
  const moved = await c.tx.update(teamAssignment).set({ partnerId: c.survivor.id }).where(eq(teamAssignment.partnerId, c.duplicate.id)).returning({ id: teamAssignment.id });
  c.moved['team_assignment.partner_id'] = moved.length;
}

async function moveLinks(c: MergeContext) {
  const s = c.survivor.id;
  const d = c.duplicate.id;
  await c.tx.execute(sql`delete from ${partnerLink} where (from_partner_id = ${d} and to_partner_id = ${s}) or (from_partner_id = ${s} and to_partner_id = ${d})`);
  await c.tx.execute(sql`delete from ${partnerLink} l where (l.from_partner_id = ${d} or l.to_partner_id = ${d}) and exists (
    select 1 from ${partnerLink} o where o.kind = l.kind
      and o.from_partner_id = case when l.from_partner_id = ${d} then ${s}::uuid else l.from_partner_id end
      and o.to_partner_id = case when l.to_partner_id = ${d} then ${s}::uuid else l.to_partner_id end)`);
  const from = await c.tx.update(partnerLink).set({ fromPartnerId: s }).where(eq(partnerLink.fromPartnerId, d)).returning({ id: partnerLink.id });
  const to = await c.tx.update(partnerLink).set({ toPartnerId: s }).where(eq(partnerLink.toPartnerId, d)).returning({ id: partnerLink.id });
  c.moved['partner_link.from_partner_id'] = from.length;
  c.moved['partner_link.to_partner_id'] = to.length;
}

/**
 * One onboarding in progress per partner: the survivor's goes on. The duplicate's is cancelled as a
 * person would cancel it (its open steps with it: they repeat the survivor's) and then moves over.
 */
async function moveOnboardings(c: MergeContext) {
  const open = await c.tx
    .select()
    .from(onboarding)
    .where(and(inArray(onboarding.partnerId, [c.survivor.id, c.duplicate.id]), eq(onboarding.status, 'in_progress')))
    .orderBy(asc(onboarding.id))
    .for('update');
  const theirs = open.find((o) => o.partnerId === c.duplicate.id);
  if (theirs && open.some((o) => o.partnerId === c.survivor.id)) {
    const note = `Merged into ${c.survivor.name}, whose onboarding goes on`;
    await c.tx
      .update(onboarding)
      .set({ status: 'cancelled', version: sql`${onboarding.version} + 1`, updatedAt: sql`now()` })
      .where(eq(onboarding.id, theirs.id));
    await recordAudit(c.tx, {
      actor: c.actor,
      entityType: 'onboarding',
      entityId: theirs.id,
      action: 'cancel',
      before: { status: 'in_progress' },
      after: { status: 'cancelled', reason: note },
    });
    const steps = await c.tx
      .update(task)
      .set({ status: 'cancelled', version: sql`${task.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(task.onboardingId, theirs.id), inArray(task.status, ['open', 'in_progress'])))
      .returning({ id: task.id });
    await auditEach(c, 'task', steps.map((r) => r.id).sort(), 'update', { status: 'open' }, { status: 'cancelled', note });
  }
  await moveColumn('onboarding', 'partner_id', 'onboarding')(c);
}

/**
 * One draft and one current (approved) assessment per partner. Two current ones: the survivor's
 * stays current, the duplicate's is superseded by it. Two drafts: the duplicate's is folded into
 * the survivor's (its findings, scores and notes where the survivor's has none, its tasks and
 * documents) and then deleted, its content kept in the audit trail.
 */
async function moveRiskAssessments(c: MergeContext) {
  const rows = await c.tx
    .select()
    .from(riskAssessment)
    .where(and(inArray(riskAssessment.partnerId, [c.survivor.id, c.duplicate.id]), inArray(riskAssessment.status, ['draft', 'approved'])))
    .orderBy(asc(riskAssessment.id))
    .for('update');
  const pick = (partnerId: string, status: string) => rows.find((r) => r.partnerId === partnerId && r.status === status);
  const [ourCurrent, theirCurrent] = [pick(c.survivor.id, 'approved'), pick(c.duplicate.id, 'approved')];
  if (ourCurrent && theirCurrent) {
    await c.tx
      .update(riskAssessment)
      .set({ status: 'superseded', supersededAt: sql`now()`, version: sql`${riskAssessment.version} + 1`, updatedAt: sql`now()` })
      .where(eq(riskAssessment.id, theirCurrent.id));
    await recordAudit(c.tx, {
      actor: c.actor,
      entityType: 'risk_assessment',
      entityId: theirCurrent.id,
      action: 'supersede',
      before: { status: 'approved' },
      after: { status: 'superseded', note: `Merged into ${c.survivor.name}, whose current assessment stays current` },
    });
  }
  const [ourDraft, theirDraft] = [pick(c.survivor.id, 'draft'), pick(c.duplicate.id, 'draft')];
  if (ourDraft && theirDraft) await foldDraft(c, ourDraft, theirDraft);
  await moveColumn('risk_assessment', 'partner_id', 'risk_assessment')(c);
}

type Assessment = typeof riskAssessment.$inferSelect;

async function foldDraft(c: MergeContext, into: Assessment, from: Assessment) {
  const scoresOf = (id: string) => c.tx.select().from(riskScore).where(eq(riskScore.assessmentId, id)).orderBy(asc(riskScore.criterionName));
  const ours = await scoresOf(into.id);
  const theirs = await scoresOf(from.id);
  const byCriterion = new Map(ours.map((s) => [s.criterionId, s]));
  for (const s of theirs) {
    const mine = byCriterion.get(s.criterionId);
    if (!mine) await c.tx.insert(riskScore).values({ ...s, assessmentId: into.id });
    else if ((mine.score === null && s.score !== null) || (!mine.note && s.note)) {
      await c.tx
        .update(riskScore)
        .set({ score: mine.score ?? s.score, note: mine.note || s.note })
        .where(and(eq(riskScore.assessmentId, into.id), eq(riskScore.criterionId, s.criterionId)));
    }
  }
  const findings = await c.tx.update(riskFinding).set({ assessmentId: into.id }).where(eq(riskFinding.assessmentId, from.id)).returning({ title: riskFinding.title });
  await c.tx.execute(sql`update task set subject_id = ${into.id}, version = version + 1, updated_at = now() where subject_type = 'risk_assessment' and subject_id = ${from.id}`);
  await c.tx.execute(
    sql`update document set subject_id = ${into.id}, version = version + 1, updated_at = now() where subject_type = 'risk_assessment' and subject_id = ${from.id}`,
  );
  const fill = {
    scope: into.scope ?? from.scope,
    summary: into.summary ?? from.summary,
    assessorId: into.assessorId ?? from.assessorId,
    assessedOn: into.assessedOn ?? from.assessedOn,
  };
  await c.tx
    .update(riskAssessment)
    .set({ ...fill, version: sql`${riskAssessment.version} + 1`, updatedAt: sql`now()` })
    .where(eq(riskAssessment.id, into.id));
  await c.tx.delete(riskAssessment).where(eq(riskAssessment.id, from.id));
  const auditable = (list: typeof theirs) => Object.fromEntries(list.map((s) => [s.criterionName, { score: s.score, note: s.note }]));
  await recordAudit(c.tx, {
    actor: c.actor,
    entityType: 'risk_assessment',
    entityId: into.id,
    action: `merge:${from.id}`,
    before: { scope: into.scope, summary: into.summary, assessorId: into.assessorId, assessedOn: into.assessedOn, scores: auditable(ours) },
    after: { ...fill, scores: auditable(await scoresOf(into.id)), findingsAdded: findings.map((f) => f.title) },
  });
  await recordAudit(c.tx, {
    actor: c.actor,
    entityType: 'risk_assessment',
    entityId: from.id,
    action: `merged-into:${into.id}`,
    before: { partnerId: from.partnerId, status: from.status, scope: from.scope, summary: from.summary, assessedOn: from.assessedOn, scores: auditable(theirs) },
    after: null,
  });
}

/**
 * Every table whose rows belong to a partner, in the order the merge moves them. Tasks and documents
 * also hang off the partner itself by subject (no foreign key): those subjects move with them.
 */
export const PARTNER_REFERENCES: readonly PartnerReference[] = [
  { table: 'contact', columns: ['partner_id'], move: moveContacts },
  { table: 'activity', columns: ['partner_id'], move: moveColumn('activity', 'partner_id', 'activity') },
  { table: 'partner_status_change', columns: ['partner_id'], move: moveColumn('partner_status_change', 'partner_id', null, { versioned: false }) },
  { table: 'team_assignment', columns: ['partner_id'], move: moveTeam },
  { table: 'partner_product', columns: ['partner_id'], move: moveKeyed('partner_product', 'product_id') },
  { table: 'partner_link', columns: ['from_partner_id', 'to_partner_id'], move: moveLinks },
  { table: 'meeting_series', columns: ['partner_id'], move: moveColumn('meeting_series', 'partner_id', 'meeting_series') },
  { table: 'meeting_occurrence', columns: ['partner_id'], move: moveColumn('meeting_occurrence', 'partner_id', 'meeting') },
  { table: 'onboarding', columns: ['partner_id'], move: moveOnboardings },
  { table: 'risk_assessment', columns: ['partner_id'], move: moveRiskAssessments },
  { table: 'contract', columns: ['partner_id'], move: moveColumn('contract', 'partner_id', 'contract') },
  {
    table: 'task',
    columns: ['partner_id'],
    move: async (c) => {
      await moveColumn('task', 'subject_id', 'task', { where: sql`subject_type = 'partner'` })(c);
      await moveColumn('task', 'partner_id', 'task')(c);
    },
  },
  {
    table: 'document',
    columns: ['partner_id'],
    move: async (c) => {
      await moveColumn('document', 'subject_id', 'document', { where: sql`subject_type = 'partner'` })(c);
      await moveColumn('document', 'partner_id', 'document')(c);
    },
  },
  { table: 'calendar_feed', columns: ['partner_id'], move: moveColumn('calendar_feed', 'partner_id', 'calendar_feed', { versioned: false }) },
  { table: 'partner_program', columns: ['partner_id'], move: moveColumn('partner_program', 'partner_id', 'partner_program') },
  // Joint business: the duplicate's part in a deal moves unless the survivor already has one in it.
  { table: 'opportunity_partner', columns: ['partner_id'], move: moveKeyed('opportunity_partner', 'opportunity_id') },
  { table: 'deal_registration', columns: ['partner_id'], move: moveColumn('deal_registration', 'partner_id', 'deal_registration') },
  { table: 'kickback_agreement', columns: ['partner_id'], move: moveColumn('kickback_agreement', 'partner_id', 'kickback_agreement') },
  // Two statements of one period and currency cannot both move: the unique index refuses the merge (409) until one is settled.
  { table: 'commission_statement', columns: ['partner_id'], move: moveColumn('commission_statement', 'partner_id', 'commission_statement') },
  { table: 'commission_line', columns: ['partner_id'], move: moveColumn('commission_line', 'partner_id', null, { versioned: false }) },
];

/** The survivor's team and links as the audit trail keeps them. */
async function relations(tx: Tx, id: string) {
  const team = await tx.select({ userId: teamAssignment.userId, role: teamAssignment.role }).from(teamAssignment).where(eq(teamAssignment.partnerId, id));
  const links = await tx
    .select()
    .from(partnerLink)
    .where(sql`${partnerLink.fromPartnerId} = ${id} or ${partnerLink.toPartnerId} = ${id}`);
  const products = await tx.select({ id: partnerProduct.productId }).from(partnerProduct).where(eq(partnerProduct.partnerId, id));
  return {
    productIds: products.map((p) => p.id).sort(),
    team: team.map((t) => `${t.userId}:${t.role}`).sort(),
    links: links.map((l) => `${l.fromPartnerId} ${l.kind} ${l.toPartnerId}`).sort(),
  };
}

/**
 * Merges a duplicate INTO the survivor, in one transaction: every record that belongs to the
 * duplicate moves over (PARTNER_REFERENCES), clashes with the survivor's are settled as each entry
 * says, empty fields are filled from the duplicate, and the duplicate is archived pointing at the
 * survivor for good (it cannot be restored). Both partners and every moved record are audited.
 */
export async function mergePartners(db: Db, survivorId: string, duplicateId: string, version: number, actor: Actor): Promise<Partner> {
  if (survivorId === duplicateId) throw fieldError('body.duplicateId', msg('partners.mergeSelf'));
  return db.transaction(async (tx) => {
    // Both rows, in id order (uuid order is the lower-case hex order): two merges of the same pair in
    // opposite directions wait, not deadlock. The merge keeps its own answer for archived partners.
    const locked = new Map<string, LockedPartner>();
    for (const id of [survivorId, duplicateId].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))) {
      locked.set(id, await lockPartnerForEdit(tx, actor, id, { field: id === duplicateId ? 'body.duplicateId' : undefined, allowArchived: true }));
    }
    const survivor = locked.get(survivorId)!;
    const duplicate = locked.get(duplicateId)!;
    if (duplicate.archivedAt || survivor.archivedAt) throw new AppError('conflict', msg('partners.mergeArchived'));
    if (survivor.version !== version) {
      throw staleVersion(PARTNER, version, survivor.version);
    }
    const survivorBefore = await relations(tx, survivorId);
    const duplicateBefore = await relations(tx, duplicateId);

    const c: MergeContext = { tx, actor, survivor, duplicate, moved: {} };
    for (const ref of PARTNER_REFERENCES) await ref.move(c);
    // Earlier merges into the duplicate now resolve to the survivor directly.
    const earlier = await tx.update(partner).set({ mergedIntoId: survivorId }).where(eq(partner.mergedIntoId, duplicateId)).returning({ id: partner.id });
    await auditEach(c, 'partner', earlier.map((r) => r.id).sort(), `merged-into:${survivorId}`, { mergedIntoId: duplicateId }, { mergedIntoId: survivorId });

    const fill = <K extends keyof Row>(k: K) => (survivor[k] === null || survivor[k] === '' ? duplicate[k] : survivor[k]);
    const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
    const after = await updateVersioned(
      tx,
      partner,
      survivorId,
      version,
      {
        legalName: fill('legalName'),
        website: fill('website'),
        country: fill('country'),
        description: fill('description'),
        logoUrl: fill('logoUrl'),
        ownerId: fill('ownerId'),
        strategy: fill('strategy'),
        valueWeBring: fill('valueWeBring'),
        valueTheyBring: fill('valueTheyBring'),
        pricingNotes: fill('pricingNotes'),
        contactIntervalDays: fill('contactIntervalDays'),
        riskReviewDueOn: fill('riskReviewDueOn'),
        types: union(survivor.types, duplicate.types),
        tags: union(survivor.tags, duplicate.tags),
        regions: union(survivor.regions, duplicate.regions),
        industries: union(survivor.industries, duplicate.industries),
        directions: union(survivor.directions, duplicate.directions),
        links: { ...duplicate.links, ...survivor.links },
      } as never,
      PARTNER,
    );
    await refreshLastContact(tx, { partnerIds: [survivorId] });
    const [archivedDuplicate] = await tx
      .update(partner)
      .set({ archivedAt: sql`now()`, mergedIntoId: survivorId, lastContactAt: null, version: sql`${partner.version} + 1`, updatedAt: sql`now()` })
      .where(eq(partner.id, duplicateId))
      .returning();
    const moved = Object.fromEntries(Object.entries(c.moved).filter(([, n]) => n > 0));
    await recordAudit(tx, {
      actor,
      entityType: 'partner',
      entityId: survivorId,
      action: `merge:${duplicateId}`,
      before: { ...auditablePartner(survivor), ...survivorBefore, moved: null },
      after: { ...auditablePartner(after), ...(await relations(tx, survivorId)), moved },
    });
    await recordAudit(tx, {
      actor,
      entityType: 'partner',
      entityId: duplicateId,
      action: `merged-into:${survivorId}`,
      before: { ...auditablePartner(duplicate), ...duplicateBefore },
      after: { ...auditablePartner(archivedDuplicate!), ...(await relations(tx, duplicateId)) },
    });
    return getPartner(tx, survivorId);
  });
}
