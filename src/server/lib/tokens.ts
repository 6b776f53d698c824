import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'ph_';

/** A new API token: 256 random bits. Only its SHA-256 is stored, which suits a secret this long. */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** CSRF token bound to one session: HMAC(secret, session id). */
export const csrfTokenFor = (secret: string, sessionId: string) => createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
