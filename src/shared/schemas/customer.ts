import { z } from 'zod';
import { listQuery, pageOf } from '../list.js';
import { NAME_MAX, version } from './common.js';
import { countryCode } from './partner.js';

/**
 * An end customer of a deal (issue 13): a light record of its own, never a partner, deduplicated by
 * its registrable domain. The server reduces `domain` to the registrable domain (shared/customers.ts,
 * public suffix list) and refuses one that has none; the web form sends what a person typed.
 */
export const DOMAIN_MAX = 253;

const customerName = z.string().trim().min(1, 'is required').max(NAME_MAX, `must be at most ${NAME_MAX} characters`);
/** A domain, a URL or an e-mail address: "www.muster.ch", "https://shop.muster.co.uk/x", "info@muster.ch". Empty is none. */
const domainText = z
  .string()
  .trim()
  .max(DOMAIN_MAX, `must be at most ${DOMAIN_MAX} characters`)
  .transform((v) => (v === '' ? null : v))
  .nullable();

export const customerFields = {
  name: customerName,
  domain: domainText,
  country: countryCode.nullable(),
};

export const createCustomerBody = z
  .object({
    name: customerFields.name,
    domain: customerFields.domain.optional(),
    country: customerFields.country.optional(),
  })
  .strict();
export type CreateCustomerBody = z.input<typeof createCustomerBody>;

export const updateCustomerBody = z
  .object({
    name: customerFields.name.optional(),
    domain: customerFields.domain.optional(),
    country: customerFields.country.optional(),
    version,
  })
  .strict();
export type UpdateCustomerBody = z.input<typeof updateCustomerBody>;

/**
 * A customer named inside another record (an opportunity, a registration): an existing one by `id`,
 * or `name` (+ domain, country) — found by its registrable domain when one exists, else created.
 */
export const customerRefBody = z
  .object({
    id: z.uuid().optional(),
    name: z.string().trim().max(NAME_MAX, `must be at most ${NAME_MAX} characters`).optional(),
    domain: customerFields.domain.optional(),
    country: customerFields.country.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.id && !c.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'is required' });
  });
export type CustomerRefBody = z.input<typeof customerRefBody>;

export const customerCanSchema = z.object({ edit: z.boolean() });
export type CustomerCan = z.infer<typeof customerCanSchema>;

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The registrable domain ("muster.ch"), or null. */
  domain: z.string().nullable(),
  /** ISO 3166-1 alpha-2, or null. */
  country: z.string().nullable(),
  /** Opportunities of this customer (archived ones included). */
  opportunityCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  can: customerCanSchema,
});
export type Customer = z.infer<typeof customerSchema>;

export const CUSTOMER_SORTS = ['name', 'domain', 'createdAt'] as const;
/** `q` matches the name (also without legal forms) or the domain. */
export const listCustomersQuery = listQuery(CUSTOMER_SORTS, {}, 'name');
export type ListCustomersQuery = z.infer<typeof listCustomersQuery>;
export const customerPage = pageOf(customerSchema);
