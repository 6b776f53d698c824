import { isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { user } from '../../db/schema/index.js';
import { reminderSources } from '../../jobs/reminder-sources.js';
import type { Actor } from '../../lib/policy.js';
import { offsetOf } from '../../lib/pagination.js';
import { zurichDate } from '../../../shared/days.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import type { Page } from '../../../shared/list.js';
import { ALERT_KINDS, type Alert, type AlertKind, type ListAlertsQuery } from '../../../shared/schemas/alert.js';
import '../sources.js';

/** Partner Managers and administrators oversee every partner: they see every due alert, not only their own. */
const SEES_ALL: readonly string[] = ['admin', 'manager'];
const isAlertKind = (k: string): k is AlertKind => (ALERT_KINDS as readonly string[]).includes(k);

/**
 * The deadline reminders that are due now, worked out exactly as the hourly reminders do (same
 * sources, same thresholds, same recipients), whether or not they have been sent yet. One alert per
 * reminder, with everyone it goes to, worded in the reader's language.
 */
export async function listAlerts(db: Db, q: ListAlertsQuery, actor: Actor, now: Date, locale: Locale = 'en'): Promise<Page<Alert>> {
  const active = new Set((await db.select({ id: user.id }).from(user).where(isNull(user.deactivatedAt))).map((u) => u.id));
  const today = zurichDate(now);
  const byKey = new Map<string, Alert>();
  for (const source of reminderSources) {
    for (const c of await source.candidates(db, now, { today, active, localeOf: () => locale })) {
      if (!active.has(c.userId) || !isAlertKind(c.kind)) continue;
      const seen = byKey.get(c.dedupeKey);
      if (seen) {
        if (!seen.recipientIds.includes(c.userId)) seen.recipientIds.push(c.userId);
        continue;
      }
      byKey.set(c.dedupeKey, {
        id: c.dedupeKey,
        kind: c.kind,
        subject: c.alert.subject,
        title: c.title,
        body: c.body ?? null,
        partner: c.alert.partner,
        dueOn: c.alert.dueOn,
        link: c.link ?? null,
        recipientIds: [c.userId],
      });
    }
  }
  const text = q.q?.toLowerCase();
  const all = [...byKey.values()].filter(
    (a) =>
      (SEES_ALL.includes(actor.role) || a.recipientIds.includes(actor.id)) &&
      (!q.kind || a.kind === q.kind) &&
      (!q.partnerId || a.partner?.id === q.partnerId) &&
      (!q.dueBefore || a.dueOn < q.dueBefore) &&
      (!text || a.subject.toLowerCase().includes(text) || a.title.toLowerCase().includes(text)),
  );
  const dir = q.sort.startsWith('-') ? -1 : 1;
  all.sort((a, b) => dir * a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
  const start = offsetOf(q);
  return { items: all.slice(start, start + q.pageSize), page: q.page, pageSize: q.pageSize, total: all.length };
}
