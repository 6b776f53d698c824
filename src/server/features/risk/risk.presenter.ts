import type { riskAssessment, riskCriterion } from '../../db/schema/index.js';
import type { RiskReason, RiskRating, RiskAssessmentStatus } from '../../../shared/compliance.js';
import type { RiskAssessmentSummary, RiskCriterion } from '../../../shared/schemas/risk.js';

type CriterionRow = typeof riskCriterion.$inferSelect;
type AssessmentRow = typeof riskAssessment.$inferSelect;
export interface Names {
  assessorName: string | null;
  approverName: string | null;
}

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? 'former user' } : null);

export const presentCriterion = (c: CriterionRow): RiskCriterion => ({
  id: c.id,
  key: c.key,
  name: c.name,
  description: c.description,
  weight: c.weight,
  position: c.position,
  archivedAt: c.archivedAt?.toISOString() ?? null,
  version: c.version,
});

export const auditableCriterion = (c: CriterionRow) => ({
  key: c.key,
  name: c.name,
  description: c.description,
  weight: c.weight,
  position: c.position,
  archivedAt: c.archivedAt?.toISOString() ?? null,
});

export const presentAssessmentSummary = (a: AssessmentRow, x: Names): RiskAssessmentSummary => ({
  id: a.id,
  partnerId: a.partnerId,
  status: a.status as RiskAssessmentStatus,
  reason: a.reason as RiskReason,
  assessor: ref(a.assessorId, x.assessorName),
  assessedOn: a.assessedOn,
  approver: ref(a.approverId, x.approverName),
  approvedAt: a.approvedAt?.toISOString() ?? null,
  scorePercent: a.scorePercent,
  rating: a.rating as RiskRating | null,
  nextReviewOn: a.nextReviewOn,
  supersedesId: a.supersedesId,
  supersededAt: a.supersededAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
  version: a.version,
});

/** What the audit trail keeps of an assessment: its business fields (scores are audited with it). */
export function auditableAssessment(a: AssessmentRow, scores?: { criterionName: string; score: number | null; note: string | null }[]) {
  const { version: _v, createdAt: _c, updatedAt: _u, id: _i, ...rest } = a;
  return {
    ...rest,
    approvedAt: a.approvedAt?.toISOString() ?? null,
    supersededAt: a.supersededAt?.toISOString() ?? null,
    ...(scores ? { scores: Object.fromEntries(scores.map((s) => [s.criterionName, s.note ? `${s.score ?? '–'} (${s.note})` : s.score])) } : {}),
  };
}
