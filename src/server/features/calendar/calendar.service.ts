import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { calendarFeed, partner, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError, msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { hashToken } from '../../lib/tokens.js';
import type { CalendarFeed, CreatedCalendarFeed, createFeedBody } from '../../../shared/schemas/calendar.js';
import type { z } from 'zod';
import { renderFeed } from './calendar.render.js';
import { tFor } from '../../i18n.js';
import { isLocale } from '../../../shared/i18n/locales.js';

const FEED_PREFIX = 'phc_';
/** Calendar programs poll often; record use at most this often so a poll is not a write. */
const LAST_USED_EVERY_MS = 60 * 60_000;

type Row = typeof calendarFeed.$inferSelect;

const present = (f: Row, partnerName: string | null): CalendarFeed => ({
  id: f.id,
  scope: f.scope as CalendarFeed['scope'],
  partner: f.partnerId ? { id: f.partnerId, name: partnerName ?? '' } : null,
  prefix: f.prefix,
  createdAt: f.createdAt.toISOString(),
  lastUsedAt: f.lastUsedAt?.toISOString() ?? null,
  revokedAt: f.revokedAt?.toISOString() ?? null,
});

export const feedUrl = (baseUrl: string, token: string) => `${baseUrl}/api/calendar/${token}.ics`;

export async function listFeeds(db: DbOrTx, userId: string): Promise<CalendarFeed[]> {
  const rows = await db
    .select({ f: calendarFeed, partnerName: partner.name })
    .from(calendarFeed)
    .leftJoin(partner, eq(partner.id, calendarFeed.partnerId))
    .where(eq(calendarFeed.userId, userId))
    .orderBy(desc(calendarFeed.createdAt));
  return rows.map((r) => present(r.f, r.partnerName));
}

/** A new secret feed URL; like an API token, the secret (256 random bits) is shown once and only its SHA-256 is kept. */
export async function createFeed(db: Db, input: z.output<typeof createFeedBody>, actor: Actor, baseUrl: string): Promise<CreatedCalendarFeed> {
  return db.transaction(async (tx) => {
    let partnerName: string | null = null;
    if (input.scope === 'partner') {
      const [p] = await tx.select({ name: partner.name }).from(partner).where(eq(partner.id, input.partnerId!));
      if (!p) throw fieldError('body.partnerId', msg('calendar.unknownPartner'));
      partnerName = p.name;
    }
    const token = FEED_PREFIX + randomBytes(32).toString('base64url');
    const [row] = await tx
      .insert(calendarFeed)
      .values({ userId: actor.id, scope: input.scope, partnerId: input.scope === 'partner' ? input.partnerId! : null, tokenHash: hashToken(token), prefix: token.slice(0, 10) })
      .returning();
    await recordAudit(tx, {
      actor,
      entityType: 'calendar_feed',
      entityId: row!.id,
      action: 'create',
      after: { scope: row!.scope, partnerId: row!.partnerId, prefix: row!.prefix },
    });
    return { ...present(row!, partnerName), url: feedUrl(baseUrl, token) };
  });
}

export async function revokeFeed(db: Db, id: string, actor: Actor): Promise<CalendarFeed> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(calendarFeed)
      .set({ revokedAt: sql`coalesce(${calendarFeed.revokedAt}, now())` })
      .where(and(eq(calendarFeed.id, id), eq(calendarFeed.userId, actor.id)))
      .returning();
    if (!row) throw notFound(msg('calendar.feed'));
    await recordAudit(tx, { actor, entityType: 'calendar_feed', entityId: id, action: 'revoke', before: { revokedAt: null }, after: { revokedAt: row.revokedAt?.toISOString() } });
    const [p] = row.partnerId ? await tx.select({ name: partner.name }).from(partner).where(eq(partner.id, row.partnerId)) : [];
    return present(row, p?.name ?? null);
  });
}

/**
 * The feed behind a secret URL, rendered; null (404) for an unknown or revoked secret, a deactivated
 * owner, or a partner feed whose partner is gone — never saying which.
 */
export async function feedByToken(db: Db, token: string, now: Date, baseUrl: string): Promise<string | null> {
  if (!token.startsWith(FEED_PREFIX) || token.length > 100) return null;
  const [row] = await db
    .select({ f: calendarFeed, deactivatedAt: user.deactivatedAt, locale: user.locale, partnerName: partner.name })
    .from(calendarFeed)
    .innerJoin(user, eq(user.id, calendarFeed.userId))
    .leftJoin(partner, eq(partner.id, calendarFeed.partnerId))
    .where(and(eq(calendarFeed.tokenHash, hashToken(token)), isNull(calendarFeed.revokedAt)));
  if (!row || row.deactivatedAt || (row.f.scope === 'partner' && !row.partnerName)) return null;
  if (!row.f.lastUsedAt || now.getTime() - row.f.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.update(calendarFeed).set({ lastUsedAt: now }).where(eq(calendarFeed.id, row.f.id));
  }
  // Calendar programs send no session: the feed speaks its owner's language.
  const locale = isLocale(row.locale) ? row.locale : 'en';
  const t = tFor(locale);
  const name = row.f.scope === 'partner' ? t('ics:feed.partner', { partner: row.partnerName }) : t('ics:feed.mine');
  return renderFeed(db, row.f, now, { baseUrl, name, locale });
}
