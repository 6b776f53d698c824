import { z } from 'zod';
import { ROLES } from '../roles.js';
import { listQuery, pageOf } from '../list.js';
import { email, isoDateTime, personName, version } from './common.js';
import { LOCALES } from '../i18n/locales.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const password = z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

export const roleSchema = z.enum(ROLES);
/** A user's language; null follows the browser (and English for mail). */
export const userLocale = z.enum(LOCALES).nullable();

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  active: z.boolean(),
  deactivatedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const createUserBody = z.object({
  name: personName,
  email,
  role: roleSchema.default('member'),
  password,
});
export type CreateUserBody = z.input<typeof createUserBody>;

export const updateUserBody = z.object({ name: personName.optional(), role: roleSchema.optional(), version }).strict();
export type UpdateUserBody = z.input<typeof updateUserBody>;

export { versionBody } from './common.js';

export const listUsersQuery = listQuery(
  ['name', 'email', 'role', 'createdAt'] as const,
  {
    role: roleSchema.optional(),
    status: z.enum(['active', 'deactivated', 'all']).default('all'),
  },
  'name',
);
export const userPage = pageOf(userSchema);

export const setupBody = z.object({ name: personName, email, password });
export const setupStatus = z.object({
  needsSetup: z.boolean(),
  sso: z.object({ enabled: z.boolean(), name: z.string().nullable() }),
});

/**
 * What the signed-in person may do across the app (not about one record), decided by the server's
 * policies: the web app shows pages, menu entries and buttons from it and keeps no rules of its own.
 */
export const meCanSchema = z.object({
  /** Users, roles and deactivation. */
  manageUsers: z.boolean(),
  /** Load the demo portfolio. */
  loadDemoData: z.boolean(),
  /** Read the outbox (everyone's reminders and digests). */
  readMail: z.boolean(),
  /** The product catalogue partners are linked to. */
  manageProducts: z.boolean(),
  /** Create partners (and write what hangs off the partners one may edit). */
  createPartners: z.boolean(),
  /** Archive, restore and merge partners and contacts. */
  managePartners: z.boolean(),
  /** Define programmes and ladders, tick checklist items. */
  managePrograms: z.boolean(),
  /** The certification catalogue. */
  manageCertifications: z.boolean(),
  /** Record certifications (one's own; a Partner Manager's anyone's). */
  recordCertifications: z.boolean(),
  /** The risk criteria, thresholds and required clauses. */
  configureRisk: z.boolean(),
  /** Approve a risk assessment. */
  approveRisk: z.boolean(),
  /** The onboarding playbooks. */
  managePlaybooks: z.boolean(),
  /** Create tasks and comment on them. */
  writeTasks: z.boolean(),
  /** Plan and record meetings. */
  writeMeetings: z.boolean(),
  /** Make a partner active before its onboarding is done. */
  overrideOnboarding: z.boolean(),
  /** Download a backup of everything (the way to move to another database). */
  downloadBackup: z.boolean(),
  /** Add opportunities (a member edits those they own or whose partner's team they are on: each deal's `can`). */
  writeOpportunities: z.boolean(),
  /** The deal stages (names, probabilities, order). */
  manageDealStages: z.boolean(),
  /** Read the monthly exchange rates to CHF. */
  readFxRates: z.boolean(),
  /** Set the monthly exchange rates. */
  manageFxRates: z.boolean(),
});
export type MeCan = z.infer<typeof meCanSchema>;

export const meSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: roleSchema, version: z.number().int() }),
  /** The language the user chose; null: the browser's. */
  locale: userLocale,
  can: meCanSchema,
  via: z.enum(['session', 'token']),
  /** Send back as the x-csrf-token header on cookie-authenticated writes. */
  csrfToken: z.string().nullable(),
});
/** The profile's name form. */
export const updateMeBody = z.object({ name: personName }).strict();
/**
 * PATCH /api/me: one's own name or language (null: follow the browser). `version` (the user's, from
 * GET /api/me) makes a stale write a 409; the name form, which never sent one, may still leave it out.
 */
export const patchMeBody = z.object({ name: personName.optional(), locale: userLocale.optional(), version: version.optional() }).strict();
export type PatchMeBody = z.input<typeof patchMeBody>;

export const setPasswordBody = z.object({ password }).strict();
