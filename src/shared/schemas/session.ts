import { z } from 'zod';
import { isoDateTime } from './common.js';

/** One of the signed-in user's own sessions (a browser signed in). Never carries the session token. */
export const sessionSchema = z.object({
  id: z.string(),
  /** Browser and system in plain words, from the user agent ("Firefox 128 on Windows 10"). */
  device: z.string(),
  ipAddress: z.string().nullable(),
  createdAt: isoDateTime,
  /** When the session was last refreshed (better-auth writes it at most once a day of use). */
  lastUsedAt: isoDateTime,
  expiresAt: isoDateTime,
  /** The session making this request. */
  current: z.boolean(),
});
export type UserSession = z.infer<typeof sessionSchema>;

export const sessionListSchema = z.object({ items: z.array(sessionSchema) });
