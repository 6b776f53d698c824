import { z } from 'zod';
import { COMMISSION_REASONS, DEAL_CURRENCIES, KICKBACK_BASES, KICKBACK_KINDS, MAX_AMOUNT_MINOR, STATEMENT_STATUSES, TIER_MODES, type KickbackKind } from '../deals.js';
import { csvList, listQuery, pageOf } from '../list.js';
import { NAME_MAX, TEXT_MAX, version } from './common.js';

// Kickback agreements with consultants and resellers, their commission lines and statements (issue 13).
// See docs/decisions/0025-joint-business-design.md.

export const KICKBACK_TIERS_MAX = 20;
const isoDay = z.iso.date({ error: 'must be a date such as 2026-11-30' });
const currency = z.enum(DEAL_CURRENCIES, { error: `must be one of ${DEAL_CURRENCIES.join(', ')}` });
const rateBp = z
  .number({ error: 'must be a whole number of basis points' })
  .int('must be a whole number of basis points')
  .min(0, 'must not be negative')
  .max(10_000, 'must be at most 10000 basis points (100 %)');
const amountMinor = z
  .number({ error: 'must be a whole number of minor units (cents)' })
  .int('must be a whole number of minor units (cents)')
  .min(0, 'must not be negative')
  .max(MAX_AMOUNT_MINOR, 'is too large');
export const tierSchema = z.object({ thresholdMinor: amountMinor, rateBp }).strict();
export type TierInput = z.infer<typeof tierSchema>;

const fields = {
  name: z.string().trim().min(1, 'is required').max(NAME_MAX, `must be at most ${NAME_MAX} characters`),
  validFrom: isoDay,
  validTo: isoDay.nullable(),
  kind: z.enum(KICKBACK_KINDS, { error: `must be one of ${KICKBACK_KINDS.join(', ')}` }),
  basis: z.enum(KICKBACK_BASES, { error: `must be one of ${KICKBACK_BASES.join(', ')}` }),
  rateBp: rateBp.nullable(),
  months: z.number({ error: 'must be a whole number of months' }).int('must be a whole number of months').min(1, 'must be at least 1').max(120, 'must be at most 120').nullable(),
  flatMinor: amountMinor.nullable(),
  tiers: z.array(tierSchema).max(KICKBACK_TIERS_MAX, `must have at most ${KICKBACK_TIERS_MAX} tiers`),
  tierMode: z.enum(TIER_MODES, { error: `must be one of ${TIER_MODES.join(', ')}` }).nullable(),
  currency,
  notes: z.string().trim().max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`).nullable(),
};

/** The fields the rules between them look at, as the agreement would be after a create or a change. */
export interface AgreementRuleFields {
  kind: KickbackKind;
  validFrom: string;
  validTo: string | null;
  rateBp: number | null;
  months: number | null;
  flatMinor: number | null;
  tiers: TierInput[];
  tierMode: string | null;
}

/** What each kind needs (the database and the commission rules would refuse it otherwise), phrased for people. */
export function agreementRuleIssues(a: AgreementRuleFields): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const need = (path: string, present: boolean, message: string) => {
    if (!present) out.push({ path, message });
  };
  if (a.validTo !== null && a.validTo < a.validFrom) out.push({ path: 'validTo', message: 'must not be before the start date' });
  switch (a.kind) {
    case 'first_year_pct':
      need('rateBp', a.rateBp !== null, 'is required for a percentage of the first year');
      break;
    case 'mrr_pct_months':
      need('rateBp', a.rateBp !== null, 'is required for a percentage of MRR');
      need('months', a.months !== null, 'is required for a percentage of MRR');
      break;
    case 'flat_per_deal':
      need('flatMinor', a.flatMinor !== null, 'is required for a flat fee per deal');
      break;
    case 'tiered':
      need('tiers', a.tiers.length > 0, 'is required for tiers');
      need('tierMode', a.tierMode !== null, 'is required for tiers');
      if (a.tiers.length && a.tiers[0]!.thresholdMinor !== 0) out.push({ path: 'tiers.0.thresholdMinor', message: 'must be 0: the first tier applies from the start' });
      a.tiers.forEach((t, i) => {
        if (i > 0 && t.thresholdMinor <= a.tiers[i - 1]!.thresholdMinor) out.push({ path: `tiers.${i}.thresholdMinor`, message: 'must be higher than the tier before' });
      });
      break;
  }
  return out;
}

export const createAgreementBody = z
  .object({
    partnerId: z.uuid(),
    name: fields.name,
    validFrom: fields.validFrom,
    validTo: fields.validTo.optional(),
    kind: fields.kind,
    basis: fields.basis.default('won'),
    rateBp: fields.rateBp.optional(),
    months: fields.months.optional(),
    flatMinor: fields.flatMinor.optional(),
    tiers: fields.tiers.default([]),
    tierMode: fields.tierMode.optional(),
    currency: fields.currency.default('CHF'),
    notes: fields.notes.optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    const rules = { ...a, validTo: a.validTo ?? null, rateBp: a.rateBp ?? null, months: a.months ?? null, flatMinor: a.flatMinor ?? null, tierMode: a.tierMode ?? null };
    for (const i of agreementRuleIssues(rules)) ctx.addIssue({ code: 'custom', path: i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: i.message });
  });
export type CreateAgreementBody = z.input<typeof createAgreementBody>;

export const updateAgreementBody = z
  .object({
    name: fields.name.optional(),
    validFrom: fields.validFrom.optional(),
    validTo: fields.validTo.optional(),
    kind: fields.kind.optional(),
    basis: fields.basis.optional(),
    rateBp: fields.rateBp.optional(),
    months: fields.months.optional(),
    flatMinor: fields.flatMinor.optional(),
    tiers: fields.tiers.optional(),
    tierMode: fields.tierMode.optional(),
    currency: fields.currency.optional(),
    notes: fields.notes.optional(),
    version,
  })
  .strict();
export type UpdateAgreementBody = z.input<typeof updateAgreementBody>;

const ref = z.object({ id: z.string(), name: z.string() });

export const agreementCanSchema = z.object({ edit: z.boolean(), archive: z.boolean(), restore: z.boolean(), recompute: z.boolean() });
export type AgreementCan = z.infer<typeof agreementCanSchema>;

export const agreementSchema = z.object({
  id: z.string(),
  partner: ref,
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  kind: z.enum(KICKBACK_KINDS),
  basis: z.enum(KICKBACK_BASES),
  rateBp: z.number().int().nullable(),
  months: z.number().int().nullable(),
  flatMinor: z.number().int().nullable(),
  tiers: z.array(tierSchema),
  tierMode: z.enum(TIER_MODES).nullable(),
  currency: z.enum(DEAL_CURRENCIES),
  notes: z.string().nullable(),
  /** Whether lines are computed: 'invoice_paid' agreements wait for invoices (issue 15), so nothing is computed for them yet. */
  computes: z.boolean(),
  /** Why it computes nothing, in the reader's language (null when it computes). */
  notice: z.string().nullable(),
  /** The sum of its lines so far (minor units of `currency`). */
  earnedMinor: z.number().int(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  can: agreementCanSchema,
});
export type Agreement = z.infer<typeof agreementSchema>;

export const listAgreementsQuery = listQuery(
  ['validFrom', 'name', 'createdAt'],
  { partnerId: z.uuid().optional(), archived: z.enum(['false', 'true', 'all']).default('false') },
  '-validFrom',
);
export type ListAgreementsQuery = z.infer<typeof listAgreementsQuery>;
/** A page of agreements, with whether the caller may create one. */
export const agreementPage = pageOf(agreementSchema).extend({ can: z.object({ create: z.boolean() }) });

export const recomputeResultSchema = z.object({
  /** Lines appended by this run (0 on a second run: recomputation is idempotent). */
  added: z.number().int(),
  /** Their sum, minor units of the agreement's currency. */
  addedMinor: z.number().int(),
  notice: z.string().nullable(),
});

// ---- statements ------------------------------------------------------------------------------

/** A quarter as 'YYYY-Qn'. */
export const QUARTER = /^(\d{4})-Q([1-4])$/;
export const quarterBounds = (q: string): { start: string; end: string } => {
  const m = QUARTER.exec(q);
  if (!m) throw new RangeError(`not a quarter: ${q}`);
  const y = m[1]!;
  const n = Number(m[2]);
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  return { start: `${y}-${String(n * 3 - 2).padStart(2, '0')}-01`, end: `${y}-${ends[n - 1]}` };
};
/** The quarter a day falls in. */
export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

const quarter = z.string().trim().regex(QUARTER, 'must be a quarter such as 2026-Q4');

export const createStatementBody = z
  .object({
    partnerId: z.uuid(),
    /** A quarter (the default period of a statement); or periodStart and periodEnd. Neither: the current quarter. */
    period: quarter.optional(),
    periodStart: isoDay.optional(),
    periodEnd: isoDay.optional(),
    currency: fields.currency.default('CHF'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.period && (s.periodStart || s.periodEnd)) ctx.addIssue({ code: 'custom', path: ['period'], message: 'give a quarter or a start and end, not both' });
    if (!s.period && (s.periodStart || s.periodEnd)) {
      if (!s.periodStart) ctx.addIssue({ code: 'custom', path: ['periodStart'], message: 'is required with an end' });
      if (!s.periodEnd) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'is required with a start' });
      if (s.periodStart && s.periodEnd && s.periodEnd < s.periodStart) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'must not be before the start date' });
    }
  });
export type CreateStatementBody = z.input<typeof createStatementBody>;

export const payStatementBody = z
  .object({
    paidOn: isoDay,
    paymentReference: z.string().trim().min(1, 'is required').max(NAME_MAX, `must be at most ${NAME_MAX} characters`),
    version,
  })
  .strict();
export type PayStatementBody = z.input<typeof payStatementBody>;

export const statementCanSchema = z.object({ approve: z.boolean(), pay: z.boolean() });

export const statementSchema = z.object({
  id: z.string(),
  partner: ref,
  periodStart: z.string(),
  periodEnd: z.string(),
  /** 'YYYY-Qn' when the period is exactly a quarter. */
  quarter: z.string().nullable(),
  currency: z.enum(DEAL_CURRENCIES),
  status: z.enum(STATEMENT_STATUSES),
  /** The sum of its lines, minor units of `currency`. */
  totalMinor: z.number().int(),
  lineCount: z.number().int(),
  approvedAt: z.string().nullable(),
  approvedBy: ref.nullable(),
  paidOn: z.string().nullable(),
  paymentReference: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  can: statementCanSchema,
});
export type Statement = z.infer<typeof statementSchema>;

export const commissionLineSchema = z.object({
  id: z.string(),
  agreement: ref,
  opportunity: ref.nullable(),
  customer: ref.nullable(),
  earnedOn: z.string(),
  reason: z.enum(COMMISSION_REASONS),
  basis: z.enum(KICKBACK_BASES),
  /** What the amount was computed from (the deal's first-year value, MRR × months) and the rate applied; null for flat fees and reversals. */
  basisMinor: z.number().int().nullable(),
  rateBp: z.number().int().nullable(),
  amountMinor: z.number().int(),
  currency: z.enum(DEAL_CURRENCIES),
});
export type CommissionLine = z.infer<typeof commissionLineSchema>;

export const statementDetailSchema = statementSchema.extend({ lines: z.array(commissionLineSchema) });
export type StatementDetail = z.infer<typeof statementDetailSchema>;

export const listStatementsQuery = listQuery(
  ['periodStart', 'total', 'createdAt'],
  { partnerId: z.uuid().optional(), status: csvList(z.enum(STATEMENT_STATUSES)), period: quarter.optional(), currency: currency.optional() },
  '-periodStart',
);
export type ListStatementsQuery = z.infer<typeof listStatementsQuery>;
/** A page of statements, with whether the caller may draw one up. */
export const statementPage = pageOf(statementSchema).extend({ can: z.object({ create: z.boolean() }) });

/** Finance's view: what is owed per partner and currency, on statements not yet paid and on lines no statement holds yet. */
export const unpaidRowSchema = z.object({
  partner: ref,
  currency: z.enum(DEAL_CURRENCIES),
  dueMinor: z.number().int(),
  approvedMinor: z.number().int(),
  statements: z.number().int(),
  unstatedMinor: z.number().int(),
  unstatedLines: z.number().int(),
});
export type UnpaidRow = z.infer<typeof unpaidRowSchema>;
export const unpaidSchema = z.object({
  items: z.array(unpaidRowSchema),
  totals: z.array(z.object({ currency: z.enum(DEAL_CURRENCIES), dueMinor: z.number().int(), approvedMinor: z.number().int(), unstatedMinor: z.number().int() })),
});
export type Unpaid = z.infer<typeof unpaidSchema>;
