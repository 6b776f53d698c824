import { z } from 'zod';
import { DEAL_CURRENCIES, DEAL_PARTNER_ROLES, MAX_AMOUNT_MINOR, STAGE_KINDS } from '../deals.js';
import { csvList, listQuery, pageOf } from '../list.js';
import { NAME_MAX, TEXT_MAX, version } from './common.js';
import { customerRefBody } from './customer.js';

/**
 * Opportunities of joint business (issue 13): the deals we pursue with or through partners. Amounts
 * are integer minor units of one currency (CHF, EUR, USD); the stage is a key of the admin-editable
 * stage list (/api/deal-stages). See docs/decisions/0025-joint-business-design.md.
 */
export const OPPORTUNITY_PARTNERS_MAX = 20;
export const OPPORTUNITY_PRODUCTS_MAX = 50;
export const NEXT_STEP_MAX = 500;

const isoDay = z.iso.date({ error: 'must be a date such as 2026-11-30' });
export const stageKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits and _ (at most 40), starting with a letter');
export const dealCurrency = z.enum(DEAL_CURRENCIES, { error: `must be one of ${DEAL_CURRENCIES.join(', ')}` });
export const dealPartnerRole = z.enum(DEAL_PARTNER_ROLES, { error: `must be one of ${DEAL_PARTNER_ROLES.join(', ')}` });
/** Minor units (cents, Rappen): CHF 12 500.50 is 1250050. */
export const amountMinor = z
  .number({ error: 'must be a whole number of minor units (cents)' })
  .int('must be a whole number of minor units (cents)')
  .min(0, 'must not be negative')
  .max(MAX_AMOUNT_MINOR, 'is too large');
const title = z.string().trim().min(1, 'is required').max(NAME_MAX, `must be at most ${NAME_MAX} characters`);
const nextStep = z.string().trim().max(NEXT_STEP_MAX, `must be at most ${NEXT_STEP_MAX} characters`).nullable();
const longText = z.string().trim().max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`).nullable();
const lostReason = z
  .string()
  .trim()
  .max(NAME_MAX * 5, `must be at most ${NAME_MAX * 5} characters`)
  .nullable();

export const dealPartnerBody = z.object({ partnerId: z.uuid(), role: dealPartnerRole }).strict();
export type DealPartnerBody = z.infer<typeof dealPartnerBody>;

const partners = z
  .array(dealPartnerBody)
  .min(1, 'needs at least one partner')
  .max(OPPORTUNITY_PARTNERS_MAX, `may have at most ${OPPORTUNITY_PARTNERS_MAX} partners`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((p, i) => {
      if (seen.has(p.partnerId)) ctx.addIssue({ code: 'custom', path: [i, 'partnerId'], message: 'names a partner twice' });
      seen.add(p.partnerId);
    });
  });
const productIds = z
  .array(z.uuid())
  .max(OPPORTUNITY_PRODUCTS_MAX, `may have at most ${OPPORTUNITY_PRODUCTS_MAX} products`)
  .transform((v) => [...new Set(v)]);

export const createOpportunityBody = z
  .object({
    title,
    /** An existing customer by id, or name + domain + country (found by registrable domain, else created). */
    customer: customerRefBody,
    partners,
    productIds: productIds.default([]),
    oneOffMinor: amountMinor.default(0),
    mrrMinor: amountMinor.default(0),
    currency: dealCurrency,
    /** A key of /api/deal-stages that is not archived; the first open stage when left out. */
    stage: stageKey.optional(),
    expectedCloseOn: isoDay,
    /** An active colleague; the creator when left out. */
    ownerId: z.string().min(1).max(64).nullable().optional(),
    nextStep: nextStep.optional(),
    nextStepDueOn: isoDay.nullable().optional(),
    /** Required when `stage` is a lost stage. */
    lostReason: lostReason.optional(),
    notes: longText.optional(),
  })
  .strict();
export type CreateOpportunityBody = z.input<typeof createOpportunityBody>;
/** What createOpportunityInTx takes (defaults applied): the same path the POST route uses. */
export type CreateOpportunityInput = z.output<typeof createOpportunityBody>;

export const updateOpportunityBody = z
  .object({
    title: title.optional(),
    customer: customerRefBody.optional(),
    productIds: productIds.optional(),
    oneOffMinor: amountMinor.optional(),
    mrrMinor: amountMinor.optional(),
    currency: dealCurrency.optional(),
    expectedCloseOn: isoDay.optional(),
    ownerId: z.string().min(1).max(64).nullable().optional(),
    nextStep: nextStep.optional(),
    nextStepDueOn: isoDay.nullable().optional(),
    lostReason: lostReason.optional(),
    notes: longText.optional(),
    version,
  })
  .strict();
export type UpdateOpportunityBody = z.input<typeof updateOpportunityBody>;

/** Moves a deal: to a lost stage needs a reason; to won or lost sets closedOn (today, Zurich); back to open clears it. */
export const moveStageBody = z.object({ stage: stageKey, version, lostReason: lostReason.optional() }).strict();
export type MoveStageBody = z.input<typeof moveStageBody>;

export const changePartnerRoleBody = z.object({ role: dealPartnerRole }).strict();
export const partnerParams = z.object({ id: z.uuid(), partnerId: z.uuid() });

const ref = z.object({ id: z.string(), name: z.string() });

/** A stage as the API shows it; `name` null: a default stage the catalogue names (deals:stage.<key>). */
export const stageRefSchema = z.object({
  key: z.string(),
  name: z.string().nullable(),
  probability: z.number().int(),
  kind: z.enum(STAGE_KINDS),
});
export type StageRef = z.infer<typeof stageRefSchema>;

export const opportunityCanSchema = z.object({
  edit: z.boolean(),
  /** Move to another stage (the board's drag). */
  move: z.boolean(),
  archive: z.boolean(),
  restore: z.boolean(),
});
export type OpportunityCan = z.infer<typeof opportunityCanSchema>;

export const opportunitySchema = z.object({
  id: z.string(),
  title: z.string(),
  customer: z.object({ id: z.string(), name: z.string(), domain: z.string().nullable(), country: z.string().nullable() }),
  stage: stageRefSchema,
  partners: z.array(ref.extend({ role: z.enum(DEAL_PARTNER_ROLES) })),
  products: z.array(ref),
  currency: z.enum(DEAL_CURRENCIES),
  oneOffMinor: z.number().int(),
  mrrMinor: z.number().int(),
  /** 12 × MRR. */
  arrMinor: z.number().int(),
  /** The first year's value: one-off + 12 × MRR (what the pipeline sums and kickbacks earn on). */
  valueMinor: z.number().int(),
  /** valueMinor × the stage's probability, rounded half away from zero. */
  weightedMinor: z.number().int(),
  expectedCloseOn: z.string().nullable(),
  /** The day it moved to won or lost (Europe/Zurich); null while open. */
  closedOn: z.string().nullable(),
  owner: ref.nullable(),
  nextStep: z.string().nullable(),
  nextStepDueOn: z.string().nullable(),
  lostReason: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  can: opportunityCanSchema,
});
export type Opportunity = z.infer<typeof opportunitySchema>;

export const stageChangeSchema = z.object({
  fromStage: z.string().nullable(),
  toStage: z.string(),
  at: z.string(),
  by: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
});
export type StageChange = z.infer<typeof stageChangeSchema>;

/** One opportunity with its dated stage history (oldest first). */
export const opportunityDetailSchema = opportunitySchema.extend({ stageHistory: z.array(stageChangeSchema) });
export type OpportunityDetail = z.infer<typeof opportunityDetailSchema>;

/** A quarter as 'YYYY-Qn'. */
export const quarterParam = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter such as 2027-Q1');

export const OPPORTUNITY_SORTS = ['expectedCloseOn', 'value', 'title', 'updatedAt', 'stage'] as const;
export const OPPORTUNITY_STATES = ['open', 'won', 'lost'] as const;
export const listOpportunitiesQuery = listQuery(
  OPPORTUNITY_SORTS,
  {
    stage: csvList(stageKey),
    partnerId: z.uuid().optional(),
    ownerId: z.string().min(1).max(64).optional(),
    customerId: z.uuid().optional(),
    currency: csvList(dealCurrency),
    closeFrom: isoDay.optional(),
    closeTo: isoDay.optional(),
    /** Expected close (open deals) or closed (won, lost) in this quarter. */
    quarter: quarterParam.optional(),
    /** By the kind of the stage. */
    state: csvList(z.enum(OPPORTUNITY_STATES)),
    archived: z.enum(['false', 'true', 'all']).default('false'),
  },
  'expectedCloseOn',
);
export type ListOpportunitiesQuery = z.infer<typeof listOpportunitiesQuery>;
export const opportunityPage = pageOf(opportunitySchema);

// ---- board ------------------------------------------------------------------------------------

export const BOARD_CARDS_PER_STAGE = 100;

export const boardCardSchema = z.object({
  id: z.string(),
  title: z.string(),
  customerName: z.string(),
  partners: z.array(ref.extend({ role: z.enum(DEAL_PARTNER_ROLES) })),
  currency: z.enum(DEAL_CURRENCIES),
  valueMinor: z.number().int(),
  weightedMinor: z.number().int(),
  expectedCloseOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  owner: ref.nullable(),
  nextStepDueOn: z.string().nullable(),
  version: z.number().int(),
  can: z.object({ move: z.boolean() }),
});
export type BoardCard = z.infer<typeof boardCardSchema>;

const perCurrency = z.object({ CHF: z.number().int().optional(), EUR: z.number().int().optional(), USD: z.number().int().optional() });
export type PerCurrency = z.infer<typeof perCurrency>;

export const boardColumnSchema = stageRefSchema.extend({
  /** All deals of the column (the cards are the first BOARD_CARDS_PER_STAGE by expected close). */
  count: z.number().int(),
  /** Value per currency of all its deals, never mixed. */
  valueByCurrency: perCurrency,
  cards: z.array(boardCardSchema),
});
export const boardSchema = z.object({
  quarter: z.string(),
  from: z.string(),
  to: z.string(),
  /** Open stages in position order (deals expected to close in the quarter), then won and lost (closed in the quarter). */
  columns: z.array(boardColumnSchema),
});
export type Board = z.infer<typeof boardSchema>;
export const boardQuery = z.object({ quarter: quarterParam.optional(), ownerId: z.string().min(1).max(64).optional(), partnerId: z.uuid().optional() });

// ---- pipeline ---------------------------------------------------------------------------------

export const PIPELINE_GROUPS = ['partner', 'owner', 'quarter'] as const;
export const pipelineQuery = z.object({
  by: z.enum(PIPELINE_GROUPS).default('partner'),
  /** The period: open deals expected to close in it, won deals closed in it. Default: this calendar year (Zurich). */
  from: isoDay.optional(),
  to: isoDay.optional(),
  partnerId: z.uuid().optional(),
  ownerId: z.string().min(1).max(64).optional(),
});
export type PipelineQuery = z.infer<typeof pipelineQuery>;

/** Sums of one group: per currency exactly, and in CHF when every rate needed exists (else null). */
export const pipelineFiguresSchema = z.object({
  openCount: z.number().int(),
  wonCount: z.number().int(),
  byCurrency: z.object({
    open: perCurrency,
    weighted: perCurrency,
    won: perCurrency,
  }),
  chf: z.object({ open: z.number().int(), weighted: z.number().int(), won: z.number().int() }).nullable(),
});
export type PipelineFigures = z.infer<typeof pipelineFiguresSchema>;

export const fxRateUsedSchema = z.object({ month: z.string(), currency: z.enum(DEAL_CURRENCIES), rateToChf: z.string() });
export const missingRateSchema = z.object({ month: z.string(), currency: z.enum(DEAL_CURRENCIES) });

export const pipelineSchema = z.object({
  by: z.enum(PIPELINE_GROUPS),
  from: z.string(),
  to: z.string(),
  rows: z.array(
    pipelineFiguresSchema.extend({
      /** partner or owner id, or the quarter 'YYYY-Qn'; null: deals without an owner. */
      key: z.string().nullable(),
      label: z.string().nullable(),
    }),
  ),
  /** Each deal once (a deal with two partners is in two partner rows). */
  total: pipelineFiguresSchema,
  /** The rates the CHF figures used: each amount converted with the rate of its expected-close month (won: closed month). */
  ratesUsed: z.array(fxRateUsedSchema),
  /** Months without a rate for a currency that needed one: the CHF figures are null then, never converted at 1. */
  missingRates: z.array(missingRateSchema),
});
export type Pipeline = z.infer<typeof pipelineSchema>;

// ---- stages and rates (admin) -----------------------------------------------------------------

export const dealStageSchema = stageRefSchema.extend({
  position: z.number().int(),
  archivedAt: z.string().nullable(),
  /** Open (not archived) opportunities in this stage. */
  openOpportunities: z.number().int(),
  version: z.number().int(),
});
export type DealStage = z.infer<typeof dealStageSchema>;
const probability = z.number({ error: 'must be a whole number from 0 to 100' }).int('must be a whole number from 0 to 100').min(0).max(100);
const stageName = z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters');
export const createDealStageBody = z.object({ key: stageKey, name: stageName, probability, position: z.number().int().min(0).max(1000), kind: z.enum(STAGE_KINDS) }).strict();
export const updateDealStageBody = z
  .object({
    /** null: back to the catalogue's name of a default stage. */
    name: stageName.nullable().optional(),
    probability: probability.optional(),
    position: z.number().int().min(0).max(1000).optional(),
    kind: z.enum(STAGE_KINDS).optional(),
    version,
  })
  .strict();
export const stageKeyParam = z.object({ key: stageKey });
export const listDealStagesQuery = z.object({ archived: z.enum(['false', 'true', 'all']).default('false') });

export const FX_CURRENCIES = ['EUR', 'USD'] as const;
export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2027-01');
export const fxRateParams = z.object({ month: monthParam, currency: z.enum(FX_CURRENCIES, { error: 'must be EUR or USD (rates are to CHF)' }) });
/** CHF per one unit of the currency, as a decimal string with at most 6 places ("0.938500"). */
export const fxRateBody = z
  .object({
    rateToChf: z
      .string()
      .trim()
      .regex(/^\d{1,6}(\.\d{1,6})?$/, 'must be a decimal such as 0.9385 (at most 6 places)')
      .refine((v) => Number(v) > 0, 'must be greater than 0'),
  })
  .strict();
export const fxRateSchema = z.object({
  month: z.string(),
  currency: z.enum(FX_CURRENCIES),
  rateToChf: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type FxRate = z.infer<typeof fxRateSchema>;
export const listFxRatesQuery = z.object({ from: monthParam.optional(), to: monthParam.optional() });
