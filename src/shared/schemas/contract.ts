import { z } from 'zod';
import { CONTRACT_CLAUSES, CONTRACT_STATUSES, CONTRACT_TYPES, NOTICE_UNITS, type ContractStatus, type ContractType, type NoticeUnit } from '../compliance.js';
import { csvList, listQuery, pageOf } from '../list.js';
import { NAME_MAX, TEXT_MAX, version } from './common.js';

export const CONTRACT_PARTIES_MAX = 10;
export const RENEWAL_TERM_MONTHS_MAX = 120;
export const NOTICE_PERIOD_MAX = 3650;
/** Minor units (cents) a contract's value may have: 10 trillion in major units, safely inside a JS number. */
export const CONTRACT_VALUE_MINOR_MAX = 1_000_000_000_000_000;

export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  partner_agreement: 'Partner agreement',
  reseller_agreement: 'Reseller agreement',
  distribution_agreement: 'Distribution agreement',
  nda: 'NDA',
  dpa: 'Data processing agreement (DPA)',
  msa: 'Master services agreement (MSA)',
  sla: 'Service level agreement (SLA)',
  order_form: 'Order form',
};
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: 'Draft',
  negotiation: 'In negotiation',
  active: 'Active',
  expired: 'Expired',
  terminated: 'Terminated',
};
export const NOTICE_UNIT_LABELS: Record<NoticeUnit, string> = { days: 'days', months: 'months' };

/** ISO 4217 codes the runtime knows; both Node and browsers list them. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
export const isCurrency = (code: string) => CURRENCIES.has(code);
export const currencyCodes = () => [...CURRENCIES];

const isoDay = z.iso.date({ error: 'must be a date such as 2026-11-30' });
const title = z.string().trim().min(1, 'is required').max(NAME_MAX, `must be at most ${NAME_MAX} characters`);
const party = z.string().trim().min(1, 'must not be empty').max(NAME_MAX, `must be at most ${NAME_MAX} characters`);
const currency = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => /^[A-Z]{3}$/.test(v) && isCurrency(v), 'must be an ISO 4217 currency code such as CHF or EUR');
const int = (what: string, min: number, max: number) =>
  z
    .number({ error: `must be a whole number of ${what}` })
    .int(`must be a whole number of ${what}`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** Every field of a contract a person sets; the rules between them are in `contractRuleIssues`. */
const fields = {
  type: z.enum(CONTRACT_TYPES, { error: `must be one of ${CONTRACT_TYPES.join(', ')}` }),
  title,
  parties: z.array(party).max(CONTRACT_PARTIES_MAX, `must name at most ${CONTRACT_PARTIES_MAX} parties`),
  status: z.enum(CONTRACT_STATUSES, { error: `must be one of ${CONTRACT_STATUSES.join(', ')}` }),
  signedOn: isoDay.nullable(),
  startsOn: isoDay.nullable(),
  endsOn: isoDay.nullable(),
  autoRenew: z.boolean(),
  renewalTermMonths: int('months', 1, RENEWAL_TERM_MONTHS_MAX).nullable(),
  noticePeriodCount: int('days or months', 0, NOTICE_PERIOD_MAX).nullable(),
  noticePeriodUnit: z.enum(NOTICE_UNITS, { error: 'must be days or months' }).nullable(),
  /** In minor units of the currency (cents, Rappen): 12 500.50 CHF is 1250050. */
  valueMinor: z
    .number({ error: 'must be a whole number of minor units (cents)' })
    .int('must be a whole number of minor units (cents)')
    .min(0, 'must not be negative')
    .max(CONTRACT_VALUE_MINOR_MAX, 'is too large')
    .nullable(),
  currency: currency.nullable(),
  ownerId: z.string().min(1).max(64).nullable(),
  clauses: z
    .array(z.enum(CONTRACT_CLAUSES, { error: `must be one of ${CONTRACT_CLAUSES.join(', ')}` }))
    .max(CONTRACT_CLAUSES.length)
    .transform((v) => [...new Set(v)]),
  notes: z.string().trim().max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`).nullable(),
};

export type ContractRuleFields = {
  startsOn: string | null;
  endsOn: string | null;
  autoRenew: boolean;
  renewalTermMonths: number | null;
  noticePeriodCount: number | null;
  noticePeriodUnit: NoticeUnit | null;
  valueMinor: number | null;
  currency: string | null;
};

/**
 * The rules between fields (the database's checks, phrased for people). The create schema applies
 * them; an update applies them to the contract as it would be after the change.
 */
export function contractRuleIssues(c: ContractRuleFields): { path: keyof ContractRuleFields; message: string }[] {
  const out: { path: keyof ContractRuleFields; message: string }[] = [];
  if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) out.push({ path: 'endsOn', message: 'must not be before the start date' });
  if (c.autoRenew && c.renewalTermMonths === null) out.push({ path: 'renewalTermMonths', message: 'is required when the contract renews automatically' });
  if (c.autoRenew && !c.endsOn) out.push({ path: 'endsOn', message: 'is required when the contract renews automatically' });
  if (c.noticePeriodCount !== null && c.noticePeriodUnit === null) out.push({ path: 'noticePeriodUnit', message: 'is required with a notice period (days or months)' });
  if (c.noticePeriodCount === null && c.noticePeriodUnit !== null) out.push({ path: 'noticePeriodCount', message: 'is required with a notice period unit' });
  if (c.valueMinor !== null && c.currency === null) out.push({ path: 'currency', message: 'is required with a value' });
  return out;
}

const RULE_DEFAULTS: ContractRuleFields = {
  startsOn: null,
  endsOn: null,
  autoRenew: false,
  renewalTermMonths: null,
  noticePeriodCount: null,
  noticePeriodUnit: null,
  valueMinor: null,
  currency: null,
};

export const createContractBody = z
  .object({
    partnerId: z.uuid(),
    type: fields.type,
    title: fields.title,
    parties: fields.parties.default([]),
    status: fields.status.default('draft'),
    signedOn: fields.signedOn.optional(),
    startsOn: fields.startsOn.optional(),
    endsOn: fields.endsOn.optional(),
    autoRenew: fields.autoRenew.default(false),
    renewalTermMonths: fields.renewalTermMonths.optional(),
    noticePeriodCount: fields.noticePeriodCount.optional(),
    noticePeriodUnit: fields.noticePeriodUnit.optional(),
    valueMinor: fields.valueMinor.optional(),
    currency: fields.currency.optional(),
    /** Left out or null: nobody; reminders then go to the partner's owner. */
    ownerId: fields.ownerId.optional(),
    clauses: fields.clauses.default([]),
    notes: fields.notes.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const merged = { ...RULE_DEFAULTS, ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) } as ContractRuleFields;
    for (const i of contractRuleIssues(merged)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
  });
export type CreateContractBody = z.input<typeof createContractBody>;

export const updateContractBody = z
  .object({
    type: fields.type.optional(),
    title: fields.title.optional(),
    parties: fields.parties.optional(),
    status: fields.status.optional(),
    signedOn: fields.signedOn.optional(),
    startsOn: fields.startsOn.optional(),
    endsOn: fields.endsOn.optional(),
    autoRenew: fields.autoRenew.optional(),
    renewalTermMonths: fields.renewalTermMonths.optional(),
    noticePeriodCount: fields.noticePeriodCount.optional(),
    noticePeriodUnit: fields.noticePeriodUnit.optional(),
    valueMinor: fields.valueMinor.optional(),
    currency: fields.currency.optional(),
    ownerId: fields.ownerId.optional(),
    clauses: fields.clauses.optional(),
    notes: fields.notes.optional(),
    version,
  })
  .strict();
export type UpdateContractBody = z.input<typeof updateContractBody>;

const ref = z.object({ id: z.string(), name: z.string() });

export const contractSchema = z.object({
  id: z.string(),
  partner: ref,
  type: z.enum(CONTRACT_TYPES),
  title: z.string(),
  parties: z.array(z.string()),
  status: z.enum(CONTRACT_STATUSES),
  signedOn: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  autoRenew: z.boolean(),
  renewalTermMonths: z.number().int().nullable(),
  noticePeriodCount: z.number().int().nullable(),
  noticePeriodUnit: z.enum(NOTICE_UNITS).nullable(),
  valueMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  owner: ref.nullable(),
  clauses: z.array(z.enum(CONTRACT_CLAUSES)),
  notes: z.string().nullable(),
  /** Computed for today in Europe/Zurich (see src/shared/contracts.ts). */
  noticeState: z.enum(['open_ended', 'ended', 'renews', 'ends']),
  currentTermEnd: z.string().nullable(),
  noticeDeadline: z.string().nullable(),
  daysToNotice: z.number().int().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Contract = z.infer<typeof contractSchema>;

export const CONTRACT_SORTS = ['noticeDeadline', 'title', 'endsOn', 'createdAt'] as const;

export const listContractsQuery = listQuery(
  CONTRACT_SORTS,
  {
    partnerId: z.uuid().optional(),
    status: csvList(fields.status),
    type: csvList(fields.type),
    ownerId: z.string().min(1).max(64).optional(),
    /** Contracts whose notice deadline is today or later and on or before this day. */
    noticeBefore: isoDay.optional(),
    archived: z.enum(['false', 'true', 'all']).default('false'),
  },
  'noticeDeadline',
);
export type ListContractsQuery = z.infer<typeof listContractsQuery>;
export const contractPage = pageOf(contractSchema);
