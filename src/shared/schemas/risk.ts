import { z } from 'zod';
import { CONTRACT_CLAUSES, FINDING_SEVERITIES, RISK_ASSESSMENT_STATUSES, RISK_RATINGS, RISK_REASONS, RISK_SCORE_MAX, type ContractClause, type RiskRating } from '../compliance.js';
import { NAME_MAX, TEXT_MAX, version } from './common.js';

export const RISK_WEIGHT_MAX = 10;
export const RISK_REVIEW_MONTHS_MAX = 60;
/** Days before a review falls due that its owner is reminded. */
export const RISK_REVIEW_ALERT_DAYS = 30;
const DESCRIPTION_MAX = 2_000;

const isoDay = z.iso.date({ error: 'must be a date such as 2026-03-05' });
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => text(max).nullable().optional();
const person = z.object({ id: z.string(), name: z.string() });
const clause = z.enum(CONTRACT_CLAUSES, { error: `must be one of ${CONTRACT_CLAUSES.join(', ')}` });
const rating = z.enum(RISK_RATINGS);

// ---- policy ---------------------------------------------------------------------------------

const months = z
  .number({ error: 'must be a whole number of months' })
  .int('must be a whole number of months')
  .min(1, 'must be at least 1 month')
  .max(RISK_REVIEW_MONTHS_MAX, `must be at most ${RISK_REVIEW_MONTHS_MAX} months`);
const percent = z.number({ error: 'must be a whole percentage' }).int('must be a whole percentage').min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100');
const clauseList = z
  .array(clause)
  .max(CONTRACT_CLAUSES.length)
  .transform((v) => [...new Set(v)]);

export const riskPolicyFields = z
  .object({
    /** Rating thresholds on the weighted score in per cent: high from `highFrom`, medium from `mediumFrom`. */
    mediumFrom: percent,
    highFrom: percent,
    reviewMonths: z.object({ low: months, medium: months, high: months }).strict(),
    /** Security clauses the partner's contracts must contain, by rating. */
    clauses: z.object({ low: clauseList, medium: clauseList, high: clauseList }).strict(),
  })
  .strict();

const checkThresholds = <T extends { mediumFrom: number; highFrom: number }>(p: T, ctx: z.RefinementCtx) => {
  if (p.mediumFrom >= p.highFrom) ctx.addIssue({ code: 'custom', path: ['mediumFrom'], message: 'must be below highFrom' });
};

/** Version 0 is the defaults, never saved. */
export const updateRiskPolicyBody = riskPolicyFields
  .extend({ version: z.number().int().min(0).max(2_147_483_647) })
  .strict()
  .superRefine(checkThresholds);
export type UpdateRiskPolicyBody = z.input<typeof updateRiskPolicyBody>;
/** The response shape: plain arrays (a transform cannot serialise a response). */
export const riskPolicySchema = z.object({
  mediumFrom: z.number().int(),
  highFrom: z.number().int(),
  reviewMonths: z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int() }),
  clauses: z.object({ low: z.array(clause), medium: z.array(clause), high: z.array(clause) }),
  version: z.number().int(),
});
export type RiskPolicy = z.infer<typeof riskPolicySchema>;

/**
 * The defaults follow the company's policy (domain facts): confidentiality and return of assets
 * wherever confidential data is touched, reliable delivery in every contract; processors add data
 * processing terms (FADP Art. 9 / GDPR Art. 28) and incident notice; critical suppliers add
 * sub-processor approval, audit rights (FINMA), continuity, data location and exit.
 */
export const DEFAULT_RISK_POLICY: RiskPolicy = {
  mediumFrom: 30,
  highFrom: 60,
  reviewMonths: { low: 36, medium: 24, high: 12 },
  clauses: {
    low: ['confidentiality', 'return_of_assets', 'service_levels'],
    medium: ['confidentiality', 'return_of_assets', 'service_levels', 'data_processing', 'incident_notification'],
    high: [
      'confidentiality',
      'return_of_assets',
      'service_levels',
      'data_processing',
      'incident_notification',
      'subprocessor_approval',
      'audit_rights',
      'business_continuity',
      'data_location',
      'exit_and_portability',
    ],
  },
  version: 0,
};

/**
 * round(100 × Σ(score × weight) / Σ(3 × weight)) over the scored criteria, and the rating it falls in.
 * Both sides use it: the server at approval, the form for its live preview.
 */
export function rateScores(
  scores: { score: number | null; weight: number }[],
  policy: Pick<RiskPolicy, 'mediumFrom' | 'highFrom'>,
): { scorePercent: number; rating: RiskRating } | null {
  const scored = scores.filter((s): s is { score: number; weight: number } => s.score !== null);
  const max = scored.reduce((sum, s) => sum + RISK_SCORE_MAX * s.weight, 0);
  if (max === 0) return null;
  const scorePercent = Math.round((100 * scored.reduce((sum, s) => sum + s.score * s.weight, 0)) / max);
  return { scorePercent, rating: ratingOf(scorePercent, policy) };
}

export const ratingOf = (scorePercent: number, p: Pick<RiskPolicy, 'mediumFrom' | 'highFrom'>): RiskRating =>
  scorePercent >= p.highFrom ? 'high' : scorePercent >= p.mediumFrom ? 'medium' : 'low';

export const requiredClauses = (p: Pick<RiskPolicy, 'clauses'>, r: RiskRating | null): ContractClause[] => (r ? p.clauses[r] : []);

// ---- criteria -------------------------------------------------------------------------------

const weight = z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be between 1 and 10').max(RISK_WEIGHT_MAX, 'must be between 1 and 10');
const criterionName = z.string().trim().min(1, 'is required').max(NAME_MAX, `must be at most ${NAME_MAX} characters`);
const criterionKey = z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'must be 2–60 lower-case letters, digits or _, starting with a letter');

export const createRiskCriterionBody = z
  .object({ key: criterionKey.optional(), name: criterionName, description: optionalText(DESCRIPTION_MAX), weight, position: z.number().int().min(0).max(10_000).optional() })
  .strict();
export type CreateRiskCriterionBody = z.input<typeof createRiskCriterionBody>;
export const updateRiskCriterionBody = z
  .object({
    name: criterionName.optional(),
    description: optionalText(DESCRIPTION_MAX),
    weight: weight.optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    version,
  })
  .strict();
export type UpdateRiskCriterionBody = z.input<typeof updateRiskCriterionBody>;

export const riskCriterionSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  /** What 0 and 3 mean for this criterion. */
  description: z.string().nullable(),
  weight: z.number().int(),
  position: z.number().int(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
});
export type RiskCriterion = z.infer<typeof riskCriterionSchema>;
export const riskCriterionList = z.object({ items: z.array(riskCriterionSchema) });
export const listRiskCriteriaQuery = z.object({ archived: z.enum(['false', 'true', 'all']).default('false') });
export const starterRiskCriteriaResult = z.object({ created: z.array(riskCriterionSchema), skipped: z.array(z.string()) });

// ---- assessments ----------------------------------------------------------------------------

export const startRiskAssessmentBody = z.object({ reason: z.enum(RISK_REASONS).optional() }).strict();
export type StartRiskAssessmentBody = z.input<typeof startRiskAssessmentBody>;

export const riskScoreInput = z
  .object({
    criterionId: z.uuid('must be a criterion id'),
    score: z
      .number({ error: `must be a whole number from 0 to ${RISK_SCORE_MAX}` })
      .int(`must be a whole number from 0 to ${RISK_SCORE_MAX}`)
      .min(0, `must be a whole number from 0 to ${RISK_SCORE_MAX}`)
      .max(RISK_SCORE_MAX, `must be a whole number from 0 to ${RISK_SCORE_MAX}`)
      .nullable(),
    note: optionalText(DESCRIPTION_MAX),
  })
  .strict();

export const updateRiskAssessmentBody = z
  .object({
    scope: optionalText(TEXT_MAX),
    summary: optionalText(TEXT_MAX),
    assessorId: z.string().min(1).max(64).nullable().optional(),
    assessedOn: isoDay.nullable().optional(),
    reason: z.enum(RISK_REASONS).optional(),
    scores: z.array(riskScoreInput).max(200).optional(),
    version,
  })
  .strict();
export type UpdateRiskAssessmentBody = z.input<typeof updateRiskAssessmentBody>;

export const approveRiskAssessmentBody = z.object({ version }).strict();

export const createRiskFindingBody = z
  .object({
    title: z.string().trim().min(1, 'is required').max(NAME_MAX, `must be at most ${NAME_MAX} characters`),
    severity: z.enum(FINDING_SEVERITIES).default('medium'),
    mitigation: optionalText(DESCRIPTION_MAX),
    assigneeId: z.string().min(1).max(64).nullable().optional(),
    dueDate: isoDay.nullable().optional(),
  })
  .strict();
export type CreateRiskFindingBody = z.input<typeof createRiskFindingBody>;

export const findingParams = z.object({ id: z.uuid(), findingId: z.uuid() });

export const serviceChangeBody = z.object({ note: z.string().trim().min(1, 'is required').max(DESCRIPTION_MAX, `must be at most ${DESCRIPTION_MAX} characters`) }).strict();

export const riskScoreSchema = z.object({
  criterionId: z.string(),
  criterionName: z.string(),
  /** The catalogue's guidance, as it reads now (null once the criterion has none). */
  guidance: z.string().nullable(),
  weight: z.number().int(),
  score: z.number().int().nullable(),
  note: z.string().nullable(),
});

export const riskFindingSchema = z.object({
  id: z.string(),
  title: z.string(),
  severity: z.enum(FINDING_SEVERITIES),
  mitigation: z.string().nullable(),
  task: z.object({ id: z.string(), title: z.string(), status: z.string(), dueDate: z.string().nullable(), assignee: person.nullable() }).nullable(),
  createdAt: z.string(),
});
export type RiskFinding = z.infer<typeof riskFindingSchema>;

export const riskAssessmentSummarySchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  status: z.enum(RISK_ASSESSMENT_STATUSES),
  reason: z.enum(RISK_REASONS),
  assessor: person.nullable(),
  assessedOn: z.string().nullable(),
  approver: person.nullable(),
  approvedAt: z.string().nullable(),
  scorePercent: z.number().int().nullable(),
  rating: rating.nullable(),
  nextReviewOn: z.string().nullable(),
  supersedesId: z.string().nullable(),
  supersededAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type RiskAssessmentSummary = z.infer<typeof riskAssessmentSummarySchema>;

export const riskAssessmentSchema = riskAssessmentSummarySchema.extend({
  partnerName: z.string(),
  scope: z.string().nullable(),
  summary: z.string().nullable(),
  scores: z.array(riskScoreSchema),
  findings: z.array(riskFindingSchema),
  /** A draft's score and rating under today's policy (an approved one's are fixed in the fields above). */
  preview: z.object({ scorePercent: z.number().int(), rating }).nullable(),
  /** What stops a draft from being approved; empty when it can be. */
  missing: z.array(z.string()),
  /** Whether the caller may approve this draft: an approver's role, and not one who prepared it (four eyes). */
  canApprove: z.boolean(),
  /** Why the caller may not approve it although their role could (they prepared it); null otherwise. */
  approvalRefusal: z.string().nullable(),
});
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;

export const partnerRiskSchema = z.object({
  partnerId: z.string(),
  current: riskAssessmentSummarySchema.nullable(),
  draft: riskAssessmentSummarySchema.nullable(),
  /** When the next review is due: the current one's next review, or the day of a change of service. */
  reviewDueOn: z.string().nullable(),
  overdue: z.boolean(),
  /** Every assessment of the partner, newest first (drafts, current and superseded). */
  history: z.array(riskAssessmentSummarySchema),
  clauses: z.object({
    required: z.array(clause),
    /** Clauses found in the partner's active contracts. */
    present: z.array(clause),
    missing: z.array(clause),
  }),
  /** Findings of the current assessment. */
  findings: z.array(riskFindingSchema),
});
export type PartnerRisk = z.infer<typeof partnerRiskSchema>;

export const riskOverviewQuery = z.object({
  rating: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.enum([...RISK_RATINGS, 'none'])).max(4)).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(200).optional(),
});
export type RiskOverviewQuery = z.infer<typeof riskOverviewQuery>;

export const riskOverviewItem = z.object({
  partner: person,
  owner: person.nullable(),
  rating: rating.nullable(),
  scorePercent: z.number().int().nullable(),
  approvedAt: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  overdue: z.boolean(),
  hasDraft: z.boolean(),
});
export type RiskOverviewItem = z.infer<typeof riskOverviewItem>;
/** Partners with a rating, a due review or a draft; at most RISK_OVERVIEW_MAX rows, overdue first. */
export const RISK_OVERVIEW_MAX = 500;
export const riskOverview = z.object({ items: z.array(riskOverviewItem), truncated: z.boolean() });

export const CLAUSE_LABELS: Record<ContractClause, string> = {
  confidentiality: 'Confidentiality / NDA',
  return_of_assets: 'Return of assets',
  data_processing: 'Data processing agreement',
  subprocessor_approval: 'Sub-processor approval',
  incident_notification: 'Incident notification',
  business_continuity: 'Business continuity',
  service_levels: 'Service levels',
  audit_rights: 'Audit rights',
  data_location: 'Data location',
  exit_and_portability: 'Exit and portability',
};
