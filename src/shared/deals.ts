/**
 * Enums and defaults of joint business (issue 13): defined once, used by the database checks, the API
 * schemas and the forms. The money rules are in money.ts, the kickback rules in commissions.ts, the
 * customer identity in customers.ts. See docs/decisions/0025-joint-business-design.md.
 */
export const DEAL_CURRENCIES = ['CHF', 'EUR', 'USD'] as const;
export type DealCurrency = (typeof DEAL_CURRENCIES)[number];
/** The currency totals are converted to when a list mixes currencies. */
export const BASE_CURRENCY: DealCurrency = 'CHF';

/** A partner's part in a deal. `sourced`: they brought it (kickbacks earn on it). */
export const DEAL_PARTNER_ROLES = ['sourced', 'we_resell', 'they_resell', 'co_sell', 'referral', 'infrastructure'] as const;
export type DealPartnerRole = (typeof DEAL_PARTNER_ROLES)[number];

/** What a stage means for the pipeline: open stages count, won and lost close the deal. */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
/** The stages a new installation starts with; an administrator renames, reorders and adds. */
export const DEFAULT_STAGES = [
  { key: 'qualify', probability: 10, kind: 'open' },
  { key: 'propose', probability: 30, kind: 'open' },
  { key: 'negotiate', probability: 60, kind: 'open' },
  { key: 'won', probability: 100, kind: 'won' },
  { key: 'lost', probability: 0, kind: 'lost' },
] as const satisfies readonly { key: string; probability: number; kind: StageKind }[];

/** Outbound: we register a deal in a vendor's or distributor's portal. Inbound: a consultant or reseller registers one with us. */
export const REGISTRATION_DIRECTIONS = ['outbound', 'inbound'] as const;
export type RegistrationDirection = (typeof REGISTRATION_DIRECTIONS)[number];
/** Which partner types may be on each side of a registration. */
export const REGISTRATION_PARTNER_TYPES = {
  outbound: ['software_vendor', 'distributor'],
  inbound: ['consultant_reseller'],
} as const satisfies Record<RegistrationDirection, readonly string[]>;

export const REGISTRATION_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'won', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** Registrations that still hold (or claim) protection: conflicts are checked against these. */
export const ACTIVE_REGISTRATION_STATUSES = ['submitted', 'approved'] as const satisfies readonly RegistrationStatus[];

/** Protection when the partner programme sets none. */
export const DEFAULT_PROTECTION_DAYS = 90;
/** Reminders go out this many days before a registration's protection ends. */
export const PROTECTION_REMINDER_DAYS = 14;

export const KICKBACK_KINDS = ['first_year_pct', 'mrr_pct_months', 'flat_per_deal', 'tiered'] as const;
export type KickbackKind = (typeof KICKBACK_KINDS)[number];
export const KICKBACK_BASES = ['won', 'invoice_paid'] as const;
export type KickbackBasis = (typeof KICKBACK_BASES)[number];
export const TIER_MODES = ['whole_year', 'above_threshold'] as const;
export type TierMode = (typeof TIER_MODES)[number];

export const STATEMENT_STATUSES = ['due', 'approved', 'paid'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
/** Why a commission line exists: the first earning, a change of the deal (either sign), a lost-after-won reversal, a tier reached later in the year. */
export const COMMISSION_REASONS = ['earned', 'changed', 'reversed', 'tier'] as const;
export type CommissionReason = (typeof COMMISSION_REASONS)[number];

/** Limits of amounts (minor units): 10^13 keeps every sum far inside Number.MAX_SAFE_INTEGER. */
export const MAX_AMOUNT_MINOR = 10_000_000_000_000;
