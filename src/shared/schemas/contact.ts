import { z } from 'zod';
import { csvList, listQuery, pageOf } from '../list.js';
import { CONTACT_ROLES, LEVELS_3, STAKEHOLDER_GROUPS, STRENGTHS } from '../partners.js';
import { email, NAME_MAX, TEXT_MAX, version } from './common.js';

export { STAKEHOLDER_GROUPS, UNASSIGNED, type StakeholderGroup } from '../partners.js';

/** Exports are not paginated; past this many rows the caller must narrow the filters. */
export const CONTACT_EXPORT_MAX = 10_000;
/** "Not in the future" is judged in the company's time zone (the app's default display zone). */
export const CONTACT_TIME_ZONE = 'Europe/Zurich';

export const contactRole = z.enum(CONTACT_ROLES);
export const influence = z.enum(LEVELS_3);
export const strength = z.enum(STRENGTHS);

/**
 * Optional fields: a blank string (what an emptied form field sends) means "none". z.preprocess types
 * its input as `unknown`; the cast gives forms the real input type (the runtime and OpenAPI are the inner schema's).
 */
const blankAsNull = <T extends z.ZodType>(schema: T) =>
  (z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable()) as unknown as z.ZodNullable<T>).optional();
/** One line of text (names, titles, places): control characters would break CSV and vCard layouts. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .regex(/^\P{Cc}*$/u, 'must be a single line of text');
const optionalLine = (max = NAME_MAX) => blankAsNull(line(max));
const optionalText = (max = TEXT_MAX) => blankAsNull(z.string().trim().max(max, `must be at most ${max} characters`));
const requiredName = line(NAME_MAX).min(1, 'is required');

/** Digits, spaces, a leading +, dashes and parentheses; at least five digits (e.g. "+41 44 123 45 67"). */
export const phone = z
  .string()
  .trim()
  .min(5, 'must be at least 5 characters')
  .max(30, 'must be at most 30 characters')
  .regex(/^\+?[0-9 ()-]+$/, 'must be a phone number of digits, spaces, a leading +, - and ( )')
  .refine((v) => (v.match(/[0-9]/g) ?? []).length >= 5, 'must contain at least 5 digits');

const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
/** Today where the company is: a departure dated today or earlier has happened, a later one is announced. */
export const contactToday = () => todayIn(CONTACT_TIME_ZONE);
/** The day someone left the partner, or will leave it: until then they stay a current contact. */
export const leftAt = z.iso.date('must be a date as YYYY-MM-DD');

const contactFields = {
  firstName: requiredName,
  lastName: requiredName,
  title: optionalLine(),
  role: contactRole.nullable().optional(),
  influence: influence.nullable().optional(),
  strength: strength.nullable().optional(),
  email: blankAsNull(email),
  phone: blankAsNull(phone),
  location: optionalLine(),
  notes: optionalText(),
  isPrimary: z.boolean().optional(),
};

export const createContactBody = z.object({ partnerId: z.uuid('must be the id of a partner'), ...contactFields, isPrimary: z.boolean().default(false) }).strict();
export type CreateContactBody = z.input<typeof createContactBody>;

/** A contact stays with its partner: someone who moves company is marked as left and added anew. */
export const updateContactBody = z
  .object({
    firstName: contactFields.firstName.optional(),
    lastName: contactFields.lastName.optional(),
    title: contactFields.title,
    role: contactFields.role,
    influence: contactFields.influence,
    strength: contactFields.strength,
    email: contactFields.email,
    phone: contactFields.phone,
    location: contactFields.location,
    notes: contactFields.notes,
    isPrimary: contactFields.isPrimary,
    /** The day the person left the partner; null means they are back. */
    leftAt: leftAt.nullable().optional(),
    version,
  })
  .strict();
export type UpdateContactBody = z.input<typeof updateContactBody>;

export const contactVersionBody = z.object({ version }).strict();
export const mergeContactBody = z.object({ duplicateId: z.uuid('must be the id of a contact'), version }).strict();

const partnerRef = z.object({ id: z.string(), name: z.string() });

export const contactSummarySchema = z.object({
  id: z.string(),
  partner: partnerRef,
  firstName: z.string(),
  lastName: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  role: contactRole.nullable(),
  influence: influence.nullable(),
  strength: strength.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  location: z.string().nullable(),
  isPrimary: z.boolean(),
  lastContactAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  /** leftAt is today or earlier (company time zone); a later leftAt is a departure ahead: still current until that day. */
  hasLeft: z.boolean(),
  archivedAt: z.string().nullable(),
  /** Set when this contact was merged into another one (and archived): it cannot be restored. */
  mergedIntoId: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ContactSummary = z.infer<typeof contactSummarySchema>;

export const contactSchema = contactSummarySchema.extend({
  notes: z.string().nullable(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

/** What the signed-in caller may do with a contact, from its partner's rule (the server's policies). */
export const contactCanSchema = z.object({ edit: z.boolean(), archive: z.boolean(), restore: z.boolean(), merge: z.boolean() });
export type ContactCan = z.infer<typeof contactCanSchema>;
export const contactListItemSchema = contactSummarySchema.extend({ can: contactCanSchema });
export type ContactListItem = z.infer<typeof contactListItemSchema>;
export const contactDetailSchema = contactSchema.extend({ can: contactCanSchema });
export type ContactDetail = z.infer<typeof contactDetailSchema>;

export const CONTACT_SORTS = ['name', 'partner', 'role', 'lastContactAt', 'createdAt'] as const;

export const listContactsQuery = listQuery(
  CONTACT_SORTS,
  {
    partnerId: z.uuid('must be the id of a partner').optional(),
    /** Comma list; `unassigned` finds contacts without a role. */
    role: csvList(z.enum(STAKEHOLDER_GROUPS)),
    /** current: has not left the partner; left: has; all: both. */
    status: z.enum(['current', 'left', 'all']).default('current'),
    archived: z.enum(['false', 'true', 'all']).default('false'),
  },
  'name',
);
export type ListContactsQuery = z.infer<typeof listContactsQuery>;
export const exportContactsQuery = listContactsQuery.omit({ page: true, pageSize: true });
export type ExportContactsQuery = z.infer<typeof exportContactsQuery>;
export const contactPage = pageOf(contactListItemSchema);

export const stakeholderSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  influence: influence.nullable(),
  strength: strength.nullable(),
  isPrimary: z.boolean(),
  lastContactAt: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
});
export type Stakeholder = z.infer<typeof stakeholderSchema>;

export const stakeholderMapSchema = z.object({
  partner: partnerRef,
  /** Every role in CONTACT_ROLES order, then `unassigned`; empty groups included. */
  groups: z.array(z.object({ role: z.enum(STAKEHOLDER_GROUPS), contacts: z.array(stakeholderSchema) })),
});
export type StakeholderMap = z.infer<typeof stakeholderMapSchema>;
