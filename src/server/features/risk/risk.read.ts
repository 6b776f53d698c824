import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contract, partner, riskAssessment, riskCriterion, riskFinding, riskScore, task, user } from '../../db/schema/index.js';
import { msg, notFound, type Msg } from '../../lib/errors.js';
import { translate } from '../../i18n.js';
import type { Actor } from '../../lib/policy.js';
import { dayIn } from '../../../shared/days.js';
import type { ContractClause, FindingSeverity } from '../../../shared/compliance.js';
import {
  rateScores,
  requiredClauses,
  RISK_OVERVIEW_MAX,
  type PartnerRisk,
  type RiskAssessment,
  type RiskFinding,
  type RiskOverviewItem,
  type RiskOverviewQuery,
} from '../../../shared/schemas/risk.js';
import { presentAssessmentSummary } from './risk.presenter.js';
import { fourEyesRefusal, riskPolicy } from './risk.policy.js';
import { readRiskPolicy } from './risk.settings.js';

/** What the caller may do about approving: only a draft, only with an approver's role, not if they prepared it. */
function approval(a: typeof riskAssessment.$inferSelect, actor: Actor | undefined): { canApprove: boolean; approvalRefusal: string | null } {
  if (!actor || a.status !== 'draft' || !riskPolicy.approve.allow(actor)) return { canApprove: false, approvalRefusal: null };
  const refusal = fourEyesRefusal(a, actor);
  return { canApprove: !refusal, approvalRefusal: refusal && english(refusal) };
}

const WHAT = msg('risk.assessment.what');
// The read model's own sentences stay English (the web app words what it shows); errors use the messages.
const english = (m: Msg) => translate('en', `errors:${m.key}`, m.values);

/** Assessments with their people's names, in one statement (drizzle leaves columns unqualified for one table). */
export const selectAssessments = (db: DbOrTx) =>
  db
    .select({
      a: riskAssessment,
      assessorName: sql<string | null>`(select u.name from "user" u where u.id = "risk_assessment".assessor_id)`,
      approverName: sql<string | null>`(select u.name from "user" u where u.id = "risk_assessment".approver_id)`,
    })
    .from(riskAssessment);

export async function findingsOf(db: DbOrTx, assessmentIds: string[]): Promise<Map<string, RiskFinding[]>> {
  const out = new Map<string, RiskFinding[]>();
  if (!assessmentIds.length) return out;
  const rows = await db
    .select({ f: riskFinding, taskTitle: task.title, taskStatus: task.status, taskDue: task.dueDate, assigneeId: task.assigneeId, assigneeName: user.name })
    .from(riskFinding)
    .leftJoin(task, eq(task.id, riskFinding.taskId))
    .leftJoin(user, eq(user.id, task.assigneeId))
    .where(inArray(riskFinding.assessmentId, assessmentIds))
    .orderBy(asc(riskFinding.createdAt), asc(riskFinding.id));
  for (const r of rows) {
    const f: RiskFinding = {
      id: r.f.id,
      title: r.f.title,
      severity: r.f.severity as FindingSeverity,
      mitigation: r.f.mitigation,
      task:
        r.f.taskId && r.taskTitle !== null
          ? {
              id: r.f.taskId,
              title: r.taskTitle,
              status: r.taskStatus!,
              dueDate: r.taskDue,
              assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? 'former user' } : null,
            }
          : null,
      createdAt: r.f.createdAt.toISOString(),
    };
    out.set(r.f.assessmentId, [...(out.get(r.f.assessmentId) ?? []), f]);
  }
  return out;
}

/** Score rows in the catalogue's order, with the guidance as the catalogue has it now. */
export async function scoresOf(db: DbOrTx, assessmentId: string) {
  return db
    .select({ s: riskScore, guidance: riskCriterion.description, position: riskCriterion.position })
    .from(riskScore)
    .innerJoin(riskCriterion, eq(riskCriterion.id, riskScore.criterionId))
    .where(eq(riskScore.assessmentId, assessmentId))
    .orderBy(asc(riskCriterion.position), asc(riskScore.criterionName));
}

/** What stops a draft from being approved, in words a Partner Manager can act on. */
export function missingForApproval(a: { assessorId: string | null; assessedOn: string | null }, scores: { criterionName: string; score: number | null }[]): Msg[] {
  const missing: Msg[] = [];
  if (!scores.length) missing.push(msg('risk.missing.noCriteria'));
  if (!a.assessorId) missing.push(msg('risk.missing.assessor'));
  if (!a.assessedOn) missing.push(msg('risk.missing.assessedOn'));
  for (const s of scores) if (s.score === null) missing.push(msg('risk.missing.score', { criterion: s.criterionName }));
  return missing;
}

export async function getAssessment(db: DbOrTx, id: string, actor?: Actor): Promise<RiskAssessment> {
  const [row] = await selectAssessments(db).where(eq(riskAssessment.id, id));
  if (!row) throw notFound(WHAT);
  const [p] = await db.select({ name: partner.name }).from(partner).where(eq(partner.id, row.a.partnerId));
  const scores = await scoresOf(db, id);
  const findings = (await findingsOf(db, [id])).get(id) ?? [];
  const draft = row.a.status === 'draft';
  const plain = scores.map((r) => r.s);
  return {
    ...presentAssessmentSummary(row.a, row),
    partnerName: p?.name ?? 'Removed partner',
    scope: row.a.scope,
    summary: row.a.summary,
    scores: scores.map((r) => ({ criterionId: r.s.criterionId, criterionName: r.s.criterionName, guidance: r.guidance, weight: r.s.weight, score: r.s.score, note: r.s.note })),
    findings,
    preview: draft ? rateScores(plain, await readRiskPolicy(db)) : null,
    missing: draft ? missingForApproval(row.a, plain).map(english) : [],
    ...approval(row.a, actor),
  };
}

/** Clauses in the partner's active contracts (not archived), as one set. */
async function clausesInForce(db: DbOrTx, partnerId: string): Promise<Set<ContractClause>> {
  const rows = await db
    .select({ clauses: contract.clauses })
    .from(contract)
    .where(and(eq(contract.partnerId, partnerId), eq(contract.status, 'active'), isNull(contract.archivedAt)));
  return new Set(rows.flatMap((r) => r.clauses) as ContractClause[]);
}

export async function partnerRisk(db: DbOrTx, partnerId: string, now: Date = new Date()): Promise<PartnerRisk> {
  const [p] = await db.select({ id: partner.id, dueOn: partner.riskReviewDueOn }).from(partner).where(eq(partner.id, partnerId));
  if (!p) throw notFound(msg('risk.partner'));
  const rows = await selectAssessments(db).where(eq(riskAssessment.partnerId, partnerId)).orderBy(desc(riskAssessment.createdAt), desc(riskAssessment.id));
  const history = rows.map((r) => presentAssessmentSummary(r.a, r));
  const current = history.find((a) => a.status === 'approved') ?? null;
  const policy = await readRiskPolicy(db);
  const required = requiredClauses(policy, current?.rating ?? null);
  const present = await clausesInForce(db, partnerId);
  return {
    partnerId,
    current,
    draft: history.find((a) => a.status === 'draft') ?? null,
    reviewDueOn: p.dueOn,
    overdue: p.dueOn !== null && p.dueOn < dayIn(now),
    history,
    clauses: { required, present: [...present].sort(), missing: required.filter((c) => !present.has(c)) },
    findings: current ? ((await findingsOf(db, [current.id])).get(current.id) ?? []) : [],
  };
}

/**
 * Partners with a rating, a review date or a draft: overdue first, then by due date, then by name.
 * Never-assessed partners without a due date are left out (most prospects never need one).
 * The page shows at most `max` rows (and says so); its export passes null for every row the filters match.
 */
export async function riskOverview(
  db: DbOrTx,
  q: RiskOverviewQuery,
  now: Date = new Date(),
  max: number | null = RISK_OVERVIEW_MAX,
): Promise<{ items: RiskOverviewItem[]; truncated: boolean }> {
  const today = dayIn(now);
  const hasDraft = sql<boolean>`exists (select 1 from risk_assessment d where d.partner_id = ${partner.id} and d.status = 'draft')`;
  const overdue = sql<boolean>`coalesce(${partner.riskReviewDueOn} < ${today}::date, false)`;
  const where: (SQL | undefined)[] = [isNull(partner.archivedAt), sql`(${partner.riskReviewDueOn} is not null or ra.id is not null or ${hasDraft})`];
  if (q.overdue !== undefined) where.push(q.overdue ? overdue : sql`not ${overdue}`);
  if (q.q) where.push(sql`lower(${partner.name}) like ${`%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (q.rating?.length) {
    const ratings = q.rating.filter((r) => r !== 'none');
    const parts: SQL[] = [];
    if (ratings.length)
      parts.push(
        sql`ra.rating in (${sql.join(
          ratings.map((r) => sql`${r}`),
          sql`, `,
        )})`,
      );
    if (q.rating.includes('none')) parts.push(sql`ra.id is null`);
    where.push(sql`(${sql.join(parts, sql` or `)})`);
  }
  const rows = await db
    .select({
      id: partner.id,
      name: partner.name,
      ownerId: partner.ownerId,
      ownerName: sql<string | null>`(select u.name from "user" u where u.id = ${partner.ownerId})`,
      dueOn: partner.riskReviewDueOn,
      overdue,
      hasDraft,
      rating: sql<string | null>`ra.rating`,
      scorePercent: sql<number | null>`ra.score_percent`,
      approvedAt: sql<string | null>`ra.approved_at`,
    })
    .from(partner)
    .leftJoin(sql`risk_assessment ra`, sql`ra.partner_id = ${partner.id} and ra.status = 'approved'`)
    .where(and(...where))
    .orderBy(desc(overdue), sql`${partner.riskReviewDueOn} asc nulls last`, asc(sql`lower(${partner.name})`), asc(partner.id))
    .limit(max === null ? Number.MAX_SAFE_INTEGER : max + 1);
  const shown = max === null ? rows : rows.slice(0, max);
  return {
    truncated: rows.length > shown.length,
    items: shown.map((r) => ({
      partner: { id: r.id, name: r.name },
      owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? 'former user' } : null,
      rating: r.rating as RiskOverviewItem['rating'],
      scorePercent: r.scorePercent === null ? null : Number(r.scorePercent),
      approvedAt: r.approvedAt === null ? null : new Date(r.approvedAt).toISOString(),
      reviewDueOn: r.dueOn,
      overdue: Boolean(r.overdue),
      hasDraft: Boolean(r.hasDraft),
    })),
  };
}
