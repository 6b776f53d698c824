import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { contact, partner, product } from './partners.js';
import { partnerProgram } from './compliance.js';
import { day, id, stamps, ts } from './columns.js';

// Joint business (issue 13): customers, opportunities, deal registrations, kickbacks.
// See docs/decisions/0025-joint-business-design.md.

const minor = (name: string) => bigint(name, { mode: 'number' });
const currencyCheck = (name: string, column: unknown) => check(name, sql`${column} in ('CHF','EUR','USD')`);

/**
 * An end customer of a deal: a light record of its own, never a partner. `domain` is the registrable
 * domain (public suffix list), unique when set; `name_key` is the name without legal forms, compared
 * by trigram similarity in the conflict check.
 */
export const customer = pgTable(
  'customer',
  {
    id: id(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    /** The name key's first word, the distinctive part the conflict check compares (shared/customers.ts NAME_MATCH). */
    nameHead: text('name_head').generatedAlwaysAs(sql`split_part(name_key, ' ', 1)`),
    domain: text('domain'),
    /** ISO 3166-1 alpha-2. */
    country: text('country'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('customer_domain_uq').on(t.domain),
    index('customer_name_key_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
    index('customer_name_head_trgm_idx').using('gin', sql`${t.nameHead} gin_trgm_ops`),
    check('customer_name_nonempty', sql`length(trim(${t.name})) > 0`),
  ],
);

/** The pipeline's stages, admin-editable; the key is stable, the name is what people read (null: the catalogue's name of a default key). */
export const dealStage = pgTable(
  'deal_stage',
  {
    key: text('key').primaryKey(),
    name: text('name'),
    probability: integer('probability').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    archivedAt: ts('archived_at'),
    ...stamps,
  },
  (t) => [
    check('deal_stage_probability', sql`${t.probability} between 0 and 100`),
    check('deal_stage_kind', sql`${t.kind} in ('open','won','lost')`),
    check('deal_stage_key_format', sql`${t.key} ~ '^[a-z][a-z0-9_]{0,39}$'`),
  ],
);

/** CHF per one unit of `currency` for a month ('YYYY-MM'): a total converts each amount with its own month's rate. */
export const fxRate = pgTable(
  'fx_rate',
  {
    month: text('month').notNull(),
    currency: text('currency').notNull(),
    rateToChf: numeric('rate_to_chf', { precision: 12, scale: 6 }).notNull(),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    ...stamps,
  },
  (t) => [
    primaryKey({ columns: [t.month, t.currency] }),
    check('fx_rate_month_format', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('fx_rate_currency', sql`${t.currency} in ('EUR','USD')`),
    check('fx_rate_positive', sql`${t.rateToChf} > 0`),
  ],
);

export const opportunity = pgTable(
  'opportunity',
  {
    id: id(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customer.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    ownerId: text('owner_id').references(() => user.id, { onDelete: 'set null' }),
    stageKey: text('stage_key')
      .notNull()
      .references(() => dealStage.key, { onDelete: 'restrict', onUpdate: 'cascade' }),
    expectedCloseOn: day('expected_close_on'),
    /** The day it moved to a won or lost stage (null while open). */
    closedOn: day('closed_on'),
    oneOffMinor: minor('one_off_minor').notNull().default(0),
    mrrMinor: minor('mrr_minor').notNull().default(0),
    currency: text('currency').notNull(),
    nextStep: text('next_step'),
    nextStepDueOn: day('next_step_due_on'),
    lostReason: text('lost_reason'),
    notes: text('notes'),
    archivedAt: ts('archived_at'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    ...stamps,
  },
  (t) => [
    index('opportunity_stage_close_idx').on(t.stageKey, t.expectedCloseOn),
    index('opportunity_owner_idx').on(t.ownerId),
    index('opportunity_customer_idx').on(t.customerId),
    index('opportunity_close_idx').on(t.expectedCloseOn),
    // Won and lost by the day they closed: the board's closed columns, won figures, commissions.
    index('opportunity_closed_idx')
      .on(t.closedOn)
      .where(sql`${t.closedOn} is not null`),
    index('opportunity_next_step_idx')
      .on(t.nextStepDueOn)
      .where(sql`${t.nextStepDueOn} is not null and ${t.closedOn} is null`),
    currencyCheck('opportunity_currency', t.currency),
    check('opportunity_amounts', sql`${t.oneOffMinor} >= 0 and ${t.mrrMinor} >= 0`),
    check('opportunity_title_nonempty', sql`length(trim(${t.title})) > 0`),
  ],
);

/** A partner's part in a deal; one role per partner and deal. */
export const opportunityPartner = pgTable(
  'opportunity_partner',
  {
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunity.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.opportunityId, t.partnerId] }),
    index('opportunity_partner_partner_idx').on(t.partnerId, t.opportunityId),
    check('opportunity_partner_role', sql`${t.role} in ('sourced','we_resell','they_resell','co_sell','referral','infrastructure')`),
  ],
);

export const opportunityProduct = pgTable(
  'opportunity_product',
  {
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunity.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => product.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.opportunityId, t.productId] }), index('opportunity_product_product_idx').on(t.productId)],
);

/** The dated stage history: appended by the service on every stage change, never edited. */
export const opportunityStageChange = pgTable(
  'opportunity_stage_change',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunity.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    at: ts('at').notNull().defaultNow(),
    byId: text('by_id').references(() => user.id, { onDelete: 'set null' }),
    byName: text('by_name'),
  },
  (t) => [index('opportunity_stage_change_opp_idx').on(t.opportunityId, t.at)],
);

/**
 * A deal registration, outbound (we register in a vendor's or distributor's portal: `program_id`,
 * `portal_reference`, `portal_url`) or inbound (a consultant or reseller registers with us: `contact_id`
 * is their contact). First to file wins by default: `created_at` is when it was filed; deciding
 * otherwise needs `decision_reason`.
 */
export const dealRegistration = pgTable(
  'deal_registration',
  {
    id: id(),
    direction: text('direction').notNull(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    programId: uuid('program_id').references(() => partnerProgram.id, { onDelete: 'set null' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customer.id, { onDelete: 'restrict' }),
    opportunityId: uuid('opportunity_id').references(() => opportunity.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => contact.id, { onDelete: 'set null' }),
    ownerId: text('owner_id').references(() => user.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('draft'),
    portalReference: text('portal_reference'),
    portalUrl: text('portal_url'),
    estimatedValueMinor: minor('estimated_value_minor'),
    currency: text('currency'),
    expectedCloseOn: day('expected_close_on'),
    submittedOn: day('submitted_on'),
    approvedOn: day('approved_on'),
    protectedUntil: day('protected_until'),
    /** Set once, when the protection was extended (one extension). */
    extendedOn: day('extended_on'),
    /** The discount or price protection gained, as the partner's portal words it. */
    benefit: text('benefit'),
    rejectionReason: text('rejection_reason'),
    decisionReason: text('decision_reason'),
    notes: text('notes'),
    archivedAt: ts('archived_at'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    ...stamps,
  },
  (t) => [
    index('deal_registration_partner_idx').on(t.partnerId, t.status),
    index('deal_registration_customer_idx').on(t.customerId, t.status),
    index('deal_registration_opportunity_idx').on(t.opportunityId),
    index('deal_registration_protection_idx')
      .on(t.protectedUntil)
      .where(sql`${t.status} = 'approved'`),
    check('deal_registration_direction', sql`${t.direction} in ('outbound','inbound')`),
    check('deal_registration_status', sql`${t.status} in ('draft','submitted','approved','rejected','won','expired')`),
    check('deal_registration_currency', sql`${t.currency} is null or ${t.currency} in ('CHF','EUR','USD')`),
    check('deal_registration_value', sql`${t.estimatedValueMinor} is null or ${t.estimatedValueMinor} >= 0`),
  ],
);

/**
 * A registration's products, with a copy of its direction, customer and status kept by the service
 * in the same transaction: the partial unique index allows at most one approved registration per
 * direction, customer and product, also when two approvals race.
 */
export const dealRegistrationProduct = pgTable(
  'deal_registration_product',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => dealRegistration.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => product.id, { onDelete: 'restrict' }),
    direction: text('direction').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customer.id, { onDelete: 'restrict' }),
    status: text('status').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.productId] }),
    uniqueIndex('deal_registration_one_approved_uq')
      .on(t.direction, t.customerId, t.productId)
      .where(sql`${t.status} = 'approved'`),
    index('deal_registration_product_customer_idx').on(t.customerId, t.productId),
  ],
);

/** A kickback (referral fee) agreement with a consultant or reseller; see shared/commissions.ts for the kinds. */
export const kickbackAgreement = pgTable(
  'kickback_agreement',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    validFrom: day('valid_from').notNull(),
    validTo: day('valid_to'),
    kind: text('kind').notNull(),
    basis: text('basis').notNull().default('won'),
    /** Basis points: 2.5 % is 250. first_year_pct, mrr_pct_months. */
    rateBp: integer('rate_bp'),
    /** mrr_pct_months: how many months of MRR earn. */
    months: integer('months'),
    /** flat_per_deal, in `currency`. */
    flatMinor: minor('flat_minor'),
    tierMode: text('tier_mode'),
    /** The currency of flat fees, tier thresholds and the statements. */
    currency: text('currency').notNull().default('CHF'),
    notes: text('notes'),
    archivedAt: ts('archived_at'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    ...stamps,
  },
  (t) => [
    index('kickback_agreement_partner_idx').on(t.partnerId, t.validFrom),
    check('kickback_agreement_kind', sql`${t.kind} in ('first_year_pct','mrr_pct_months','flat_per_deal','tiered')`),
    check('kickback_agreement_basis', sql`${t.basis} in ('won','invoice_paid')`),
    check('kickback_agreement_tier_mode', sql`${t.tierMode} is null or ${t.tierMode} in ('whole_year','above_threshold')`),
    check('kickback_agreement_rate', sql`${t.rateBp} is null or ${t.rateBp} between 0 and 10000`),
    check('kickback_agreement_months', sql`${t.months} is null or ${t.months} between 1 and 120`),
    check('kickback_agreement_flat', sql`${t.flatMinor} is null or ${t.flatMinor} >= 0`),
    check('kickback_agreement_dates', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    currencyCheck('kickback_agreement_currency', t.currency),
  ],
);

/** A tiered agreement's tiers: from `threshold_minor` of yearly volume on, `rate_bp` applies. */
export const kickbackTier = pgTable(
  'kickback_tier',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => kickbackAgreement.id, { onDelete: 'cascade' }),
    thresholdMinor: minor('threshold_minor').notNull(),
    rateBp: integer('rate_bp').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.thresholdMinor] }),
    check('kickback_tier_threshold', sql`${t.thresholdMinor} >= 0`),
    check('kickback_tier_rate', sql`${t.rateBp} between 0 and 10000`),
  ],
);

/** A commission statement per partner, period and currency; its total is the sum of its lines. */
export const commissionStatement = pgTable(
  'commission_statement',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    periodStart: day('period_start').notNull(),
    periodEnd: day('period_end').notNull(),
    currency: text('currency').notNull(),
    status: text('status').notNull().default('due'),
    approvedAt: ts('approved_at'),
    approvedBy: text('approved_by').references(() => user.id, { onDelete: 'set null' }),
    paidOn: day('paid_on'),
    paymentReference: text('payment_reference'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    ...stamps,
  },
  (t) => [
    uniqueIndex('commission_statement_period_uq').on(t.partnerId, t.periodStart, t.currency),
    index('commission_statement_status_idx').on(t.status),
    check('commission_statement_status', sql`${t.status} in ('due','approved','paid')`),
    check('commission_statement_period', sql`${t.periodEnd} >= ${t.periodStart}`),
    currencyCheck('commission_statement_currency', t.currency),
  ],
);

/**
 * One commission line: what an agreement earns on an opportunity, appended and never rewritten. A
 * change of the deal appends the difference (negative for a lost-after-won or a reduced deal);
 * `earned_on` is the day of the event, which decides the statement period it falls in.
 */
export const commissionLine = pgTable(
  'commission_line',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => kickbackAgreement.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id').references(() => opportunity.id, { onDelete: 'set null' }),
    statementId: uuid('statement_id').references(() => commissionStatement.id, { onDelete: 'set null' }),
    earnedOn: day('earned_on').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason').notNull(),
    /** What the line was computed from (deal value, rate, tier), so a statement can explain it. */
    basisMinor: minor('basis_minor'),
    rateBp: integer('rate_bp'),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('commission_line_agreement_opp_idx').on(t.agreementId, t.opportunityId),
    index('commission_line_partner_day_idx').on(t.partnerId, t.earnedOn),
    index('commission_line_statement_idx').on(t.statementId),
    check('commission_line_reason', sql`${t.reason} in ('earned','changed','reversed','tier')`),
    currencyCheck('commission_line_currency', t.currency),
  ],
);
