import Bowser from 'bowser';
import type { session } from '../../db/schema/index.js';
import type { UserSession } from '../../../shared/schemas/session.js';

type Row = typeof session.$inferSelect;

const UNKNOWN = 'Unknown device';
const MAX_LENGTH = 80;

/**
 * Browser and system in plain words ("Firefox 128 on Windows", "Safari 17 on iPhone"). Operating
 * system versions are left out: browsers freeze them in the user agent (every Mac says 10.15.7,
 * Windows 11 says 10), so a version there would mislead more than help.
 */
export function describeUserAgent(userAgent: string | null): string {
  const ua = userAgent?.trim();
  if (!ua) return UNKNOWN;
  const parsed = Bowser.parse(ua);
  const browser = parsed.browser.name ? [parsed.browser.name, parsed.browser.version?.split('.')[0]].filter(Boolean).join(' ') : '';
  const system = parsed.platform.model ?? parsed.os.name ?? '';
  if (browser) return system ? `${browser} on ${system}` : browser;
  // Not a browser (curl, a script's HTTP library): its first product token, as it names itself.
  const product = (ua.split(/\s+/)[0] ?? '').replace(/\//, ' ').replace(/[^\p{L}\p{N} ._+-]/gu, '');
  return product ? product.slice(0, MAX_LENGTH) : UNKNOWN;
}

/** A session row as the API shows it: never the token. */
export const presentSession = (row: Row, currentSessionId: string | undefined): UserSession => ({
  id: row.id,
  device: describeUserAgent(row.userAgent),
  ipAddress: row.ipAddress || null,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.updatedAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  current: row.id === currentSessionId,
});
