import { z } from 'zod';
import { ROLES } from '../roles.js';
import { listQuery, pageOf } from '../list.js';
import { email, isoDateTime, personName, version } from './common.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const password = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

export const roleSchema = z.enum(ROLES);

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

export const updateUserBody = z
  .object({ name: personName.optional(), role: roleSchema.optional(), version })
  .strict();
export type UpdateUserBody = z.input<typeof updateUserBody>;

export { versionBody } from './common.js';

export const listUsersQuery = listQuery(['name', 'email', 'role', 'createdAt'] as const, {
  role: roleSchema.optional(),
  status: z.enum(['active', 'deactivated', 'all']).default('all'),
}, 'name');
export const userPage = pageOf(userSchema);

export const setupBody = z.object({ name: personName, email, password });
export const setupStatus = z.object({
  needsSetup: z.boolean(),
  sso: z.object({ enabled: z.boolean(), name: z.string().nullable() }),
});

export const meSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: roleSchema }),
  via: z.enum(['session', 'token']),
  /** Send back as the x-csrf-token header on cookie-authenticated writes. */
  csrfToken: z.string().nullable(),
});
export const updateMeBody = z.object({ name: personName }).strict();

export const setPasswordBody = z.object({ password }).strict();
