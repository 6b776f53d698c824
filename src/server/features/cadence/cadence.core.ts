import { sql, type SQL } from 'drizzle-orm';
import { partner } from '../../db/schema/index.js';
import { CADENCE_STATUSES, DEFAULT_CONTACT_INTERVAL_DAYS } from '../../../shared/rhythm.js';

/**
 * Contact cadence as SQL over the partner row, so lists, the partner page, reminders and digests
 * all compute "overdue for contact" the same way, and a 10,000-partner list can filter on it.
 */
const statusList = sql.join(
  CADENCE_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** Expected days between contacts: the partner's own, else the default for its importance. */
export const contactIntervalDays: SQL<number> = sql<number>`coalesce(${partner.contactIntervalDays}, case ${partner.importance} when 'strategic' then ${sql.raw(String(DEFAULT_CONTACT_INTERVAL_DAYS.strategic))} when 'key' then ${sql.raw(String(DEFAULT_CONTACT_INTERVAL_DAYS.key))} else ${sql.raw(String(DEFAULT_CONTACT_INTERVAL_DAYS.standard))} end)`;

/**
 * When the next contact is due: the interval after the last contact; a partner never contacted counts
 * from when it entered its current status. Null for partners not expected to keep the rhythm.
 */
export const contactDueAt: SQL<Date | null> = sql<Date | null>`case when ${partner.archivedAt} is null and ${partner.status} in (${statusList})
  then coalesce(${partner.lastContactAt}, ${partner.statusChangedAt}) + make_interval(days => ${contactIntervalDays}) end`;

/** True when the partner is overdue for contact at `now` (pass a frozen clock in tests). */
export const isContactOverdue = (now: Date): SQL<boolean> => sql<boolean>`coalesce(${contactDueAt} < ${now.toISOString()}::timestamptz, false)`;
