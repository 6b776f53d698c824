import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { partner, riskAssessment, riskCriterion, riskFinding, riskScore, task, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound, type Msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, staleVersion, updateVersioned } from '../../lib/versioned.js';
import { addMonths, dayIn } from '../../../shared/days.js';
import type { RiskReason } from '../../../shared/compliance.js';
import { rateScores, type CreateRiskFindingBody, type RiskAssessment, type UpdateRiskAssessmentBody } from '../../../shared/schemas/risk.js';
import { lockPartnerForEdit, type LockedPartner } from '../partners/index.js';
import { insertTasks } from '../tasks/index.js';
import { auditableAssessment } from './risk.presenter.js';
import { getAssessment, missingForApproval } from './risk.read.js';
import { fourEyesRefusal } from './risk.policy.js';
import { readRiskPolicy } from './risk.settings.js';

const WHAT = { what: msg('risk.assessment.what'), the: msg('risk.assessment.the') };
type Row = typeof riskAssessment.$inferSelect;

const immutable = (a: Row) => new AppError('conflict', msg(a.status === 'approved' ? 'risk.immutable.approved' : 'risk.immutable.superseded'));

/**
 * An assessment locked for a change by the actor, its partner first (the order every partner write
 * and the merge keep): it exists (404), they may edit its partner (403). Drafts of an archived
 * partner stay editable, as before the partner guard.
 */
async function lockAssessment(tx: DbOrTx, id: string, actor: Actor): Promise<{ a: Row; p: LockedPartner }> {
  const [ref] = await tx.select({ partnerId: riskAssessment.partnerId }).from(riskAssessment).where(eq(riskAssessment.id, id));
  if (!ref) throw notFound(WHAT.what);
  const p = await lockPartnerForEdit(tx, actor, ref.partnerId, { allowArchived: true });
  const a = await lockRow(tx, riskAssessment, id, WHAT);
  // A partner merge may have moved the assessment between the two reads.
  if (a.partnerId !== p.id) throw new AppError('conflict', msg('risk.moved'));
  return { a, p };
}

/** A draft the actor may change: it exists (404), they may edit its partner (403), it is still a draft (409). */
async function lockDraft(tx: DbOrTx, id: string, actor: Actor): Promise<Row> {
  const { a } = await lockAssessment(tx, id, actor);
  if (a.status !== 'draft') throw immutable(a);
  return a;
}

/** "a; b; c" as one message, each item worded in the reader's language. */
const listOf = (items: Msg[]): Msg => items.slice(1).reduce((first, rest) => msg('risk.missing.list', { first, rest }), items[0]!);

async function checkActiveUser(tx: DbOrTx, id: string | null | undefined, path: string, current: string | null = null) {
  if (!id || id === current) return;
  const [u] = await tx.select({ deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, id));
  if (!u || u.deactivatedAt) throw fieldError(path, msg('risk.field.inactiveUser'));
}

const scoreRows = (tx: DbOrTx, id: string) => tx.select().from(riskScore).where(eq(riskScore.assessmentId, id)).orderBy(asc(riskScore.criterionName));

/**
 * Starts a draft with a score row per criterion in use, copying name and weight so later catalogue
 * edits leave it alone. One draft per partner: the unique index settles a race, this says it kindly.
 */
export async function startAssessment(db: Db, partnerId: string, reason: RiskReason | undefined, actor: Actor): Promise<RiskAssessment> {
  const id = await db.transaction(async (tx) => {
    await lockPartnerForEdit(tx, actor, partnerId, { purpose: msg('risk.assessingIt') });
    const existing = await tx.select({ status: riskAssessment.status }).from(riskAssessment).where(eq(riskAssessment.partnerId, partnerId));
    if (existing.some((a) => a.status === 'draft')) throw new AppError('conflict', msg('risk.draftExists'));
    const criteria = await tx.select().from(riskCriterion).where(isNull(riskCriterion.archivedAt)).orderBy(asc(riskCriterion.position));
    if (!criteria.length) throw new AppError('conflict', msg('risk.noCriteria'));
    const chosen = reason ?? (existing.some((a) => a.status === 'approved') ? 'scheduled' : 'initial');
    const [a] = await tx.insert(riskAssessment).values({ partnerId, reason: chosen, assessorId: actor.id, createdBy: actor.id, updatedBy: actor.id }).returning();
    const scores = criteria.map((c) => ({ assessmentId: a!.id, criterionId: c.id, criterionName: c.name, weight: c.weight, score: null, note: null }));
    await tx.insert(riskScore).values(scores);
    await recordAudit(tx, { actor, entityType: 'risk_assessment', entityId: a!.id, action: 'create', before: null, after: auditableAssessment(a!, scores) });
    return a!.id;
  });
  return getAssessment(db, id, actor);
}

export async function updateAssessment(db: Db, id: string, input: UpdateRiskAssessmentBody, actor: Actor): Promise<RiskAssessment> {
  await db.transaction(async (tx) => {
    const before = await lockDraft(tx, id, actor);
    const { version, scores, ...fields } = input;
    await checkActiveUser(tx, fields.assessorId, 'body.assessorId', before.assessorId);
    const beforeScores = await scoreRows(tx, id);
    const known = new Set(beforeScores.map((s) => s.criterionId));
    // All scores are checked before any is written: one bad entry changes nothing.
    scores?.forEach((s, i) => {
      if (!known.has(s.criterionId)) throw fieldError(`body.scores.${i}.criterionId`, msg('risk.field.unknownCriterion'));
    });
    const after = await updateVersioned(tx, riskAssessment, id, version, { ...fields, updatedBy: actor.id }, WHAT);
    // The form sends every score on each save: only those that changed are written.
    const current = new Map(beforeScores.map((s) => [s.criterionId, s]));
    const changed = (scores ?? []).filter(
      (s) => current.get(s.criterionId)!.score !== s.score || (s.note !== undefined && (current.get(s.criterionId)!.note ?? null) !== (s.note ?? null)),
    );
    for (const s of changed) {
      await tx
        .update(riskScore)
        .set({ score: s.score, ...(s.note !== undefined ? { note: s.note } : {}) })
        .where(and(eq(riskScore.assessmentId, id), eq(riskScore.criterionId, s.criterionId)));
    }
    const afterScores = changed.length ? await scoreRows(tx, id) : beforeScores;
    await recordAudit(tx, {
      actor,
      entityType: 'risk_assessment',
      entityId: id,
      action: 'update',
      before: auditableAssessment(before, beforeScores),
      after: auditableAssessment(after, afterScores),
    });
  });
  return getAssessment(db, id, actor);
}

/** Open mitigation tasks of removed findings or drafts are cancelled, not left to nag their assignees. */
async function cancelTasks(tx: DbOrTx, taskIds: string[], actor: Actor) {
  if (!taskIds.length) return;
  const rows = await tx
    .update(task)
    .set({ status: 'cancelled', version: sql`${task.version} + 1`, updatedAt: sql`now()` })
    .where(and(inArray(task.id, taskIds), inArray(task.status, ['open', 'in_progress'])))
    .returning({ id: task.id });
  for (const r of rows) await recordAudit(tx, { actor, entityType: 'task', entityId: r.id, action: 'update', before: { status: 'open' }, after: { status: 'cancelled' } });
}

export async function deleteAssessment(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockDraft(tx, id, actor);
    const scores = await scoreRows(tx, id);
    const findings = await tx.select({ taskId: riskFinding.taskId }).from(riskFinding).where(eq(riskFinding.assessmentId, id));
    await cancelTasks(
      tx,
      findings.flatMap((f) => (f.taskId ? [f.taskId] : [])),
      actor,
    );
    await tx.delete(riskAssessment).where(eq(riskAssessment.id, id));
    await recordAudit(tx, { actor, entityType: 'risk_assessment', entityId: id, action: 'delete', before: auditableAssessment(before, scores), after: null });
  });
}

const PRIORITY = { low: 'normal', medium: 'normal', high: 'high' } as const;

/** A finding; with a mitigation, also a task to carry it out (assigned to the actor unless named). */
export async function addFinding(db: Db, id: string, input: CreateRiskFindingBody, actor: Actor): Promise<RiskAssessment> {
  await db.transaction(async (tx) => {
    const a = await lockDraft(tx, id, actor);
    await checkActiveUser(tx, input.assigneeId, 'body.assigneeId');
    const severity = input.severity ?? 'medium';
    let taskId: string | null = null;
    if (input.mitigation) {
      const ids = await insertTasks(
        tx,
        [
          {
            title: `Mitigate: ${input.title}`.slice(0, 200),
            description: input.mitigation,
            subjectType: 'risk_assessment',
            subjectId: id,
            partnerId: a.partnerId,
            assigneeId: input.assigneeId === undefined ? actor.id : input.assigneeId,
            dueDate: input.dueDate ?? null,
            priority: PRIORITY[severity],
          },
        ],
        actor,
      );
      taskId = ids[0] ?? null;
    }
    const [f] = await tx
      .insert(riskFinding)
      .values({ assessmentId: id, title: input.title, severity, mitigation: input.mitigation ?? null, taskId })
      .returning();
    await tx.update(riskAssessment).set({ updatedBy: actor.id }).where(eq(riskAssessment.id, id));
    await recordAudit(tx, {
      actor,
      entityType: 'risk_assessment',
      entityId: id,
      action: 'add_finding',
      before: null,
      after: { finding: f!.title, severity, mitigation: f!.mitigation, taskId },
    });
  });
  return getAssessment(db, id, actor);
}

export async function deleteFinding(db: Db, id: string, findingId: string, actor: Actor): Promise<RiskAssessment> {
  await db.transaction(async (tx) => {
    await lockDraft(tx, id, actor);
    const [f] = await tx
      .delete(riskFinding)
      .where(and(eq(riskFinding.id, findingId), eq(riskFinding.assessmentId, id)))
      .returning();
    if (!f) throw notFound(msg('risk.finding'));
    await tx.update(riskAssessment).set({ updatedBy: actor.id }).where(eq(riskAssessment.id, id));
    if (f.taskId) await cancelTasks(tx, [f.taskId], actor);
    await recordAudit(tx, {
      actor,
      entityType: 'risk_assessment',
      entityId: id,
      action: 'remove_finding',
      before: { finding: f.title, severity: f.severity, mitigation: f.mitigation },
      after: null,
    });
  });
  return getAssessment(db, id, actor);
}

/**
 * Fixes score, rating and next review, supersedes the partner's current assessment and sets the
 * partner's review due date. Four eyes: who started it, changed it last or is its assessor may not
 * approve it (403 four_eyes); assessor and approver are both recorded.
 */
export async function approveAssessment(db: Db, id: string, version: number, actor: Actor, now: Date = new Date()): Promise<RiskAssessment> {
  await db.transaction(async (tx) => {
    const { a: before, p } = await lockAssessment(tx, id, actor);
    if (before.status !== 'draft') throw immutable(before);
    if (before.version !== version) throw staleVersion(WHAT, version, before.version);
    const refusal = fourEyesRefusal(before, actor);
    if (refusal) throw new AppError('four_eyes', refusal);
    const scores = await scoreRows(tx, id);
    const missing = missingForApproval(before, scores);
    if (missing.length) {
      throw new AppError(
        'validation_failed',
        msg('risk.incomplete', { missing: listOf(missing) }),
        missing.map((m) => ({ path: 'assessment', message: msg('risk.isMissing', { what: m }) })),
      );
    }
    const policy = await readRiskPolicy(tx);
    const { scorePercent, rating } = rateScores(scores, policy)!;
    const nextReviewOn = addMonths(before.assessedOn!, policy.reviewMonths[rating]);
    const [previous] = await tx
      .select()
      .from(riskAssessment)
      .where(and(eq(riskAssessment.partnerId, before.partnerId), eq(riskAssessment.status, 'approved')))
      .for('update');
    if (previous) {
      // First, so the one-current-per-partner index never sees two.
      const superseded = await updateVersioned(tx, riskAssessment, previous.id, previous.version, { status: 'superseded', supersededAt: now }, WHAT);
      await recordAudit(tx, {
        actor,
        entityType: 'risk_assessment',
        entityId: previous.id,
        action: 'supersede',
        before: auditableAssessment(previous),
        after: auditableAssessment(superseded),
      });
    }
    const after = await updateVersioned(
      tx,
      riskAssessment,
      id,
      version,
      { status: 'approved', approverId: actor.id, approvedAt: now, scorePercent, rating, nextReviewOn, supersedesId: previous?.id ?? null },
      WHAT,
    );
    await recordAudit(tx, {
      actor,
      entityType: 'risk_assessment',
      entityId: id,
      action: 'approve',
      before: auditableAssessment(before, scores),
      after: auditableAssessment(after, scores),
    });
    await setReviewDue(tx, p, nextReviewOn, actor, `Risk assessment approved: ${rating} risk`);
  });
  return getAssessment(db, id, actor);
}

async function setReviewDue(tx: DbOrTx, p: typeof partner.$inferSelect, dueOn: string, actor: Actor, note: string) {
  await tx.update(partner).set({ riskReviewDueOn: dueOn }).where(eq(partner.id, p.id));
  await recordAudit(tx, {
    actor,
    entityType: 'partner',
    entityId: p.id,
    action: 'risk_review_due',
    before: { riskReviewDueOn: p.riskReviewDueOn },
    after: { riskReviewDueOn: dueOn, note },
  });
}

/** A change of service makes a review due today, whatever the current assessment said. */
export async function recordServiceChange(db: Db, partnerId: string, note: string, actor: Actor, now: Date = new Date()): Promise<{ riskReviewDueOn: string }> {
  return db.transaction(async (tx) => {
    const p = await lockPartnerForEdit(tx, actor, partnerId, { purpose: msg('risk.recordingServiceChange') });
    // A review already overdue stays overdue since its own date.
    const today = dayIn(now);
    const due = p.riskReviewDueOn && p.riskReviewDueOn < today ? p.riskReviewDueOn : today;
    await setReviewDue(tx, p, due, actor, `Change of service: ${note}`);
    return { riskReviewDueOn: due };
  });
}
