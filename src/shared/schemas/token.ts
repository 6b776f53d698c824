import { z } from 'zod';
import { isoDateTime } from './common.js';

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export type ApiToken = z.infer<typeof tokenSchema>;

export const createTokenBody = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export const createdTokenSchema = tokenSchema.extend({ token: z.string() });
