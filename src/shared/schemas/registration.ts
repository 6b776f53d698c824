import { z } from 'zod';
import { DEAL_CURRENCIES, MAX_AMOUNT_MINOR, REGISTRATION_DIRECTIONS, REGISTRATION_STATUSES, type RegistrationDirection, type RegistrationStatus } from '../deals.js';
import { csvList, listQuery, pageOf } from '../list.js';
import { NAME_MAX, TEXT_MAX, version } from './common.js';
import { customerRefBody } from './customer.js';

/** A registration names at most this many products. */
export const REGISTRATION_PRODUCTS_MAX = 50;
export const PORTAL_URL_MAX = 2000;

const isoDay = z.iso.date({ error: 'must be a date such as 2026-11-30' });
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const reason = z.string().trim().min(1, 'is required').max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`);

/**
 * The status changes a person makes through `POST /:id/status`. Outbound statuses mirror the vendor's
 * portal, so the user moves them as the portal does (approved there, rejected there, converted, lapsed).
 * Inbound approve and reject are our decisions and have routes of their own; here only submitting a
 * draft and marking an approved one won.
 */
export const STATUS_MOVES: Record<RegistrationDirection, Partial<Record<RegistrationStatus, readonly RegistrationStatus[]>>> = {
  outbound: {
    draft: ['submitted'],
    submitted: ['approved', 'rejected'],
    approved: ['won', 'expired'],
    rejected: ['submitted'],
  },
  inbound: {
    draft: ['submitted'],
    approved: ['won'],
  },
};

export const canMove = (direction: RegistrationDirection, from: RegistrationStatus, to: RegistrationStatus) => (STATUS_MOVES[direction][from] ?? []).includes(to);

/** The end customer: an existing customer by id, or a name (and domain) to find by registrable domain or create. */
export const customerRef = customerRefBody;

const fields = {
  programId: z.uuid().nullable(),
  opportunityId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  ownerId: z.string().min(1).max(64).nullable(),
  customer: customerRef,
  productIds: z
    .array(z.uuid())
    .max(REGISTRATION_PRODUCTS_MAX, `must name at most ${REGISTRATION_PRODUCTS_MAX} products`)
    .transform((v) => [...new Set(v)]),
  portalReference: text(NAME_MAX).nullable(),
  portalUrl: z
    .url({ protocol: /^https?$/ })
    .max(PORTAL_URL_MAX)
    .nullable(),
  benefit: text(TEXT_MAX).nullable(),
  /** In minor units of `currency` (cents, Rappen). */
  estimatedValueMinor: z
    .number({ error: 'must be a whole number of minor units (cents)' })
    .int('must be a whole number of minor units (cents)')
    .min(0, 'must not be negative')
    .max(MAX_AMOUNT_MINOR, 'is too large')
    .nullable(),
  currency: z.enum(DEAL_CURRENCIES, { error: `must be one of ${DEAL_CURRENCIES.join(', ')}` }).nullable(),
  expectedCloseOn: isoDay.nullable(),
  submittedOn: isoDay.nullable(),
  notes: text(TEXT_MAX).nullable(),
};

export const createRegistrationBody = z
  .object({
    direction: z.enum(REGISTRATION_DIRECTIONS, { error: `must be one of ${REGISTRATION_DIRECTIONS.join(', ')}` }),
    partnerId: z.uuid(),
    /** Recorded as filed already (`submitted`) or kept as a draft. */
    status: z.enum(['draft', 'submitted']).default('draft'),
    programId: fields.programId.optional(),
    opportunityId: fields.opportunityId.optional(),
    contactId: fields.contactId.optional(),
    ownerId: fields.ownerId.optional(),
    /** Required, except outbound with an opportunity (its customer is taken then). */
    customer: fields.customer.optional(),
    productIds: fields.productIds.default([]),
    portalReference: fields.portalReference.optional(),
    portalUrl: fields.portalUrl.optional(),
    benefit: fields.benefit.optional(),
    estimatedValueMinor: fields.estimatedValueMinor.optional(),
    currency: fields.currency.optional(),
    expectedCloseOn: fields.expectedCloseOn.optional(),
    submittedOn: fields.submittedOn.optional(),
    notes: fields.notes.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.estimatedValueMinor != null && !r.currency) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'is required with a value' });
    if (r.direction === 'inbound' && r.productIds.length === 0) ctx.addIssue({ code: 'custom', path: ['productIds'], message: 'needs at least one product' });
  });
export type CreateRegistrationBody = z.input<typeof createRegistrationBody>;

export const updateRegistrationBody = z
  .object({
    programId: fields.programId.optional(),
    opportunityId: fields.opportunityId.optional(),
    contactId: fields.contactId.optional(),
    ownerId: fields.ownerId.optional(),
    customer: fields.customer.optional(),
    productIds: fields.productIds.optional(),
    portalReference: fields.portalReference.optional(),
    portalUrl: fields.portalUrl.optional(),
    benefit: fields.benefit.optional(),
    estimatedValueMinor: fields.estimatedValueMinor.optional(),
    currency: fields.currency.optional(),
    expectedCloseOn: fields.expectedCloseOn.optional(),
    submittedOn: fields.submittedOn.optional(),
    notes: fields.notes.optional(),
    version,
  })
  .strict();
export type UpdateRegistrationBody = z.input<typeof updateRegistrationBody>;

export const registrationStatusBody = z
  .object({
    version,
    status: z.enum(REGISTRATION_STATUSES, { error: `must be one of ${REGISTRATION_STATUSES.join(', ')}` }),
    /** The day it happened in the portal (approved, submitted); today when left out. */
    on: isoDay.optional(),
    /** Required when the portal rejected it. */
    reason: reason.optional(),
  })
  .strict();
export type RegistrationStatusBody = z.input<typeof registrationStatusBody>;

export const approveRegistrationBody = z
  .object({
    version,
    /** Required when an earlier-filed active registration conflicts: first to file wins by default. */
    reason: reason.optional(),
    /** Link this opportunity instead of creating one (e.g. the open one the conflict check found). */
    opportunityId: z.uuid().optional(),
  })
  .strict();
export type ApproveRegistrationBody = z.input<typeof approveRegistrationBody>;

export const rejectRegistrationBody = z.object({ version, reason }).strict();
export type RejectRegistrationBody = z.input<typeof rejectRegistrationBody>;

export const extendRegistrationBody = z
  .object({
    version,
    /** The new end of protection; by default the programme's days again. */
    until: isoDay.optional(),
  })
  .strict();
export type ExtendRegistrationBody = z.input<typeof extendRegistrationBody>;

const ref = z.object({ id: z.string(), name: z.string() });
const customerSchema = z.object({ id: z.string(), name: z.string(), domain: z.string().nullable(), country: z.string().nullable() });

export const registrationCanSchema = z.object({
  edit: z.boolean(),
  archive: z.boolean(),
  /** The status moves of STATUS_MOVES this actor may make now. */
  moveTo: z.array(z.enum(REGISTRATION_STATUSES)),
  approve: z.boolean(),
  reject: z.boolean(),
  extend: z.boolean(),
});
export type RegistrationCan = z.infer<typeof registrationCanSchema>;

export const registrationSchema = z.object({
  id: z.string(),
  direction: z.enum(REGISTRATION_DIRECTIONS),
  partner: ref,
  program: ref.nullable(),
  customer: customerSchema,
  opportunity: z.object({ id: z.string(), title: z.string() }).nullable(),
  contact: ref.nullable(),
  owner: ref.nullable(),
  products: z.array(ref),
  status: z.enum(REGISTRATION_STATUSES),
  portalReference: z.string().nullable(),
  portalUrl: z.string().nullable(),
  benefit: z.string().nullable(),
  estimatedValueMinor: z.number().int().nullable(),
  currency: z.enum(DEAL_CURRENCIES).nullable(),
  expectedCloseOn: z.string().nullable(),
  submittedOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  protectedUntil: z.string().nullable(),
  extendedOn: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  decisionReason: z.string().nullable(),
  notes: z.string().nullable(),
  /** When it was filed: first to file wins by default. */
  filedAt: z.string(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  can: registrationCanSchema,
});
export type Registration = z.infer<typeof registrationSchema>;

/** Why two records are taken for the same customer. */
export const MATCHES = ['same_customer', 'domain', 'name'] as const;
export type Match = (typeof MATCHES)[number];

/** A record competing with a registration for the same customer and product: shown side by side with it. */
export const conflictSchema = z.object({
  kind: z.enum(['registration', 'opportunity']),
  id: z.string(),
  /** Registration: its partner; opportunity: its partners. */
  partners: z.array(ref),
  customer: customerSchema,
  matchedBy: z.enum(MATCHES),
  filedAt: z.string(),
  /** A registration's status; null for an opportunity. */
  status: z.enum(REGISTRATION_STATUSES).nullable(),
  /** An opportunity's stage (key and, when an administrator named it, its name). */
  stage: z.object({ key: z.string(), name: z.string().nullable() }).nullable(),
  title: z.string().nullable(),
  products: z.array(ref),
  /** The products it has in common with the registration checked. */
  commonProductIds: z.array(z.string()),
  valueMinor: z.number().int().nullable(),
  currency: z.enum(DEAL_CURRENCIES).nullable(),
  /** Filed before the registration checked: approving that one then needs a reason. */
  filedEarlier: z.boolean(),
});
export type Conflict = z.infer<typeof conflictSchema>;
export const conflictList = z.object({
  items: z.array(conflictSchema),
  /** A reason is required to approve: an active registration that conflicts was filed earlier. */
  reasonRequired: z.boolean(),
});
export type ConflictList = z.infer<typeof conflictList>;

export const REGISTRATION_SORTS = ['filedAt', 'protectedUntil', 'customer', 'partner', 'status', 'estimatedValue'] as const;

export const listRegistrationsQuery = listQuery(
  REGISTRATION_SORTS,
  {
    direction: z.enum(REGISTRATION_DIRECTIONS).optional(),
    status: csvList(z.enum(REGISTRATION_STATUSES)),
    partnerId: z.uuid().optional(),
    /** Approved registrations whose protection ends on or before this day. */
    protectedBefore: isoDay.optional(),
    archived: z.enum(['false', 'true', 'all']).default('false'),
  },
  '-filedAt',
);
export type ListRegistrationsQuery = z.infer<typeof listRegistrationsQuery>;
export const registrationPage = pageOf(registrationSchema);
