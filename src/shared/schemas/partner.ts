import { z } from 'zod';
import { csvList, listQuery, pageOf } from '../list.js';
import { DIRECTIONS, IMPORTANCE, LINK_KEYS, PARTNER_LINK_KINDS, PARTNER_STATUSES, PARTNER_TYPES, CUSTOMERS_OUT_OF_SCOPE } from '../partners.js';
import { NAME_MAX, TEXT_MAX, version } from './common.js';
import { dealFiguresSchema } from './deal-figures.js';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
/** ISO 3166-1 alpha-2, checked against the runtime's ICU data rather than a copied list. */
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as CH')
  .refine((c) => {
    try {
      return regionNames.of(c) !== c;
    } catch {
      return false;
    }
  }, 'is not a known country code');
export const CONTACT_INTERVAL_MAX = 730;
export const countryName = (code: string) => regionNames.of(code) ?? code;

export const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000);
const optionalText = (max = TEXT_MAX) => z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional();
const label = z.string().trim().min(1).max(60);
const labels = z
  .array(label)
  .max(50)
  .transform((v) => [...new Set(v)]);

export const partnerType = z.enum(PARTNER_TYPES, {
  error: (issue) => (String(issue.input).toLowerCase().includes('customer') ? CUSTOMERS_OUT_OF_SCOPE : `must be one of ${PARTNER_TYPES.join(', ')}`),
});
export const partnerStatus = z.enum(PARTNER_STATUSES);
export const importance = z.enum(IMPORTANCE);

const partnerFields = {
  name: z.string().trim().min(1, 'is required').max(NAME_MAX),
  legalName: optionalText(NAME_MAX),
  website: httpUrl.nullable().optional(),
  country: countryCode.nullable().optional(),
  description: optionalText(),
  logoUrl: httpUrl.nullable().optional(),
  types: z
    .array(partnerType)
    .min(1, 'needs at least one partner type')
    .max(4)
    .transform((v) => [...new Set(v)]),
  status: partnerStatus,
  importance,
  ownerId: z.string().min(1).max(64).nullable().optional(),
  tags: labels,
  strategy: optionalText(),
  regions: labels,
  industries: labels,
  valueWeBring: optionalText(),
  valueTheyBring: optionalText(),
  directions: z
    .array(z.enum(DIRECTIONS))
    .max(DIRECTIONS.length)
    .transform((v) => [...new Set(v)]),
  pricingNotes: optionalText(),
  links: z
    .object(Object.fromEntries(LINK_KEYS.map((k) => [k, httpUrl.nullable().optional()])) as Record<(typeof LINK_KEYS)[number], z.ZodOptional<z.ZodNullable<typeof httpUrl>>>)
    .strict(),
  productIds: z.array(z.uuid()).max(100),
  /** Expected days between contacts; null takes the default of the partner's importance. */
  contactIntervalDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(CONTACT_INTERVAL_MAX, `must be at most ${CONTACT_INTERVAL_MAX} days`)
    .nullable(),
};

export const createPartnerBody = z
  .object({
    ...partnerFields,
    status: partnerFields.status.default('prospect'),
    importance: partnerFields.importance.default('standard'),
    tags: partnerFields.tags.default([]),
    regions: partnerFields.regions.default([]),
    industries: partnerFields.industries.default([]),
    directions: partnerFields.directions.default([]),
    links: partnerFields.links.default({}),
    productIds: partnerFields.productIds.default([]),
    contactIntervalDays: partnerFields.contactIntervalDays.optional(),
  })
  .strict();
export type CreatePartnerBody = z.input<typeof createPartnerBody>;

export const updatePartnerBody = z
  .object({ ...Object.fromEntries(Object.entries(partnerFields).map(([k, v]) => [k, v.optional()])), statusNote: optionalText(500), version })
  .strict() as unknown as z.ZodObject<
  { [K in keyof typeof partnerFields]: z.ZodOptional<(typeof partnerFields)[K]> } & { statusNote: ReturnType<typeof optionalText>; version: typeof version }
>;
export type UpdatePartnerBody = z.input<typeof updatePartnerBody>;

const person = z.object({ id: z.string(), name: z.string() });

export const partnerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  types: z.array(partnerType),
  status: partnerStatus,
  importance,
  country: z.string().nullable(),
  tags: z.array(z.string()),
  owner: person.nullable(),
  lastContactAt: z.string().nullable(),
  /** The partner's own contact interval (null: the default for its importance). */
  contactIntervalDays: z.number().int().nullable(),
  /** The interval in force: its own, else the default for its importance. */
  effectiveContactIntervalDays: z.number().int(),
  /** When the next contact is due; null for partners not expected to keep the rhythm (prospect, paused, offboarded, archived). */
  contactDueAt: z.string().nullable(),
  contactOverdue: z.boolean(),
  /** When the next supplier risk review is due (null: never assessed); before today means overdue. */
  riskReviewDueOn: z.string().nullable(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
});
export type PartnerSummary = z.infer<typeof partnerSummarySchema>;

export const partnerSchema = partnerSummarySchema.extend({
  legalName: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  logoUrl: z.string().nullable(),
  statusChangedAt: z.string(),
  strategy: z.string().nullable(),
  regions: z.array(z.string()),
  industries: z.array(z.string()),
  valueWeBring: z.string().nullable(),
  valueTheyBring: z.string().nullable(),
  directions: z.array(z.enum(DIRECTIONS)),
  pricingNotes: z.string().nullable(),
  links: z.record(z.string(), z.string()),
  products: z.array(z.object({ id: z.string(), name: z.string() })),
  related: z.array(z.object({ linkId: z.string(), kind: z.enum(PARTNER_LINK_KINDS), direction: z.enum(['outgoing', 'incoming']), partner: person })),
  mergedIntoId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Partner = z.infer<typeof partnerSchema>;

/**
 * What the signed-in caller may do with a partner now, decided by the server's policies (the web app
 * shows actions from it and keeps no rules of its own). The server still checks every request.
 */
export const partnerCanSchema = z.object({
  /** Change its details, status, links, people, team, timeline and what else hangs off it. */
  edit: z.boolean(),
  archive: z.boolean(),
  restore: z.boolean(),
  /** Merge a duplicate into it. */
  merge: z.boolean(),
});
export type PartnerCan = z.infer<typeof partnerCanSchema>;

/** A level we hold in one of the partner's programmes, and whether we meet it today (the 360° header's "Level"). */
export const heldLevelSchema = z.object({
  programId: z.string(),
  programName: z.string(),
  level: z.object({ id: z.string(), name: z.string(), rank: z.number().int() }),
  met: z.boolean(),
});
export type HeldLevel = z.infer<typeof heldLevelSchema>;

/** A partner in a list, with what the caller may do with it and the levels held in its programmes (the level column). */
export const partnerListItemSchema = partnerSummarySchema.extend({ can: partnerCanSchema, heldLevels: z.array(heldLevelSchema) });
export type PartnerListItem = z.infer<typeof partnerListItemSchema>;

/** One partner as the API answers it: its record, what the caller may do with it, the levels held in its programmes, its deal figures (header). */
export const partnerDetailSchema = partnerSchema.extend({ can: partnerCanSchema, heldLevels: z.array(heldLevelSchema), deals: dealFiguresSchema });
export type PartnerDetail = z.infer<typeof partnerDetailSchema>;

export const PARTNER_SORTS = ['name', 'status', 'importance', 'country', 'lastContactAt', 'contactDueAt', 'createdAt', 'level'] as const;

export const listPartnersQuery = listQuery(
  PARTNER_SORTS,
  {
    type: csvList(partnerType),
    status: csvList(partnerStatus),
    importance: csvList(importance),
    ownerId: z.string().max(64).optional(),
    tag: z.string().max(60).optional(),
    /** Partners holding a level of this name (any case) in one of their programmes, met or not. */
    level: z.string().trim().max(NAME_MAX).optional(),
    country: countryCode.optional(),
    /** Overdue for contact now (true) or not (false). */
    overdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /** Supplier risk review overdue now (true) or not (false). */
    riskReviewOverdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    archived: z.enum(['false', 'true', 'all']).default('false'),
  },
  'name',
);
export type ListPartnersQuery = z.infer<typeof listPartnersQuery>;
export const partnerPage = pageOf(partnerListItemSchema);

export const statusChangeSchema = z.object({
  id: z.string(),
  fromStatus: partnerStatus.nullable(),
  toStatus: partnerStatus,
  changedAt: z.string(),
  changedBy: person.nullable(),
  note: z.string().nullable(),
});
export const partnerLinkBody = z.object({ toPartnerId: z.uuid(), kind: z.enum(PARTNER_LINK_KINDS) }).strict();
export const mergeBody = z.object({ duplicateId: z.uuid(), version }).strict();
export const productSchema = z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), version: z.number().int() });
export const productBody = z.object({ name: z.string().trim().min(1, 'is required').max(NAME_MAX), description: optionalText() }).strict();
