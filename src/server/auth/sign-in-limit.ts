import { createHash } from 'node:crypto';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import type { Db } from '../db/client.js';
import { hit, refund, type Hit, type Limit } from '../lib/rate-limit.js';
import { translate } from '../i18n.js';

export const SIGN_IN_ACCOUNT_WINDOW_MS = 15 * 60_000;
const SIGN_IN_PATH = '/sign-in/email';
/** better-auth's error code of this limit's refusal: the API words it in the request's language (plugins/auth). */
export const SIGN_IN_LIMITED = 'ACCOUNT_SIGN_IN_LIMITED';

/**
 * The counter's key for an e-mail address as better-auth looks it up (lower-case). Hashed: the
 * table then holds no addresses, nor the passwords people sometimes type into the e-mail field.
 */
export const signInAccountKey = (email: string) => `sign-in:${createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')}`;

/**
 * better-auth hooks that limit failed e-mail sign-ins per account, from all client addresses
 * together (a slow password spray from many addresses at one account); better-auth's own limiter
 * counts per client address. The hooks match better-auth's endpoint, not the URL: however a client
 * spells the path, an e-mail sign-in is this endpoint.
 *
 * Every attempt is counted before the password is checked, so concurrent attempts cannot slip past
 * the limit, and one over it is refused without checking the password: the right one does not help
 * and the answer does not tell whether it was right. A successful sign-in takes its count back;
 * it does not clear the failures (docs/decisions/0017-rate-limits.md).
 */
export function signInAccountLimit(db: Db, max: number) {
  const limit: Limit = { max, windowMs: SIGN_IN_ACCOUNT_WINDOW_MS };
  // What the before hook counted, for the after hook of the same call (better-auth hands both the
  // same per-call context object).
  const counted = new WeakMap<object, Hit>();
  return {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== SIGN_IN_PATH) return;
      const email = (ctx.body as { email?: unknown } | undefined)?.email;
      // Not an address: better-auth refuses the body without checking any password.
      if (typeof email !== 'string') return;
      const attempt = await hit(db, signInAccountKey(email), limit);
      if (!attempt.allowed) {
        const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
        throw new APIError(
          'TOO_MANY_REQUESTS',
          { code: SIGN_IN_LIMITED, message: translate('en', 'errors:auth.signInLimited', { count: minutes }) },
          { 'Retry-After': String(attempt.retryAfterSeconds) },
        );
      }
      counted.set(ctx.context, attempt);
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== SIGN_IN_PATH) return;
      const attempt = counted.get(ctx.context);
      if (attempt && ctx.context.newSession) await refund(db, attempt);
    }),
  };
}
