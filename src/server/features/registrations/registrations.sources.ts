import { and, eq, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { customer, dealRegistration, partner } from '../../db/schema/index.js';
import { registerReminderSource } from '../../jobs/reminder-sources.js';
import { formatDay } from '../../jobs/compose.js';
import { registerCalendarSource } from '../../lib/calendar-sources.js';
import { tFor } from '../../i18n.js';
import { PROTECTION_REMINDER_DAYS, type RegistrationDirection } from '../../../shared/deals.js';
import { addDays, daysBetween, zurichDate } from '../../../shared/days.js';
import type { Locale } from '../../../shared/i18n/locales.js';

/** Approved registrations of partners in use, with what a reminder or a calendar entry says. */
function approved(db: DbOrTx, where?: SQL) {
  return db
    .select({
      id: dealRegistration.id,
      direction: dealRegistration.direction,
      protectedUntil: dealRegistration.protectedUntil,
      ownerId: dealRegistration.ownerId,
      partnerId: partner.id,
      partnerName: partner.name,
      partnerOwnerId: partner.ownerId,
      customerName: customer.name,
    })
    .from(dealRegistration)
    .innerJoin(partner, eq(partner.id, dealRegistration.partnerId))
    .innerJoin(customer, eq(customer.id, dealRegistration.customerId))
    .where(and(eq(dealRegistration.status, 'approved'), isNull(dealRegistration.archivedAt), isNull(partner.archivedAt), where));
}
type Approved = Awaited<ReturnType<typeof approved>>[number];

const link = (id: string) => `/registrations/${id}`;

function words(r: Approved, locale: Locale) {
  return { t: tFor(locale), direction: r.direction as RegistrationDirection, day: formatDay(r.protectedUntil!, locale) };
}

/**
 * 14 days before an approved registration's protection ends (PROTECTION_REMINDER_DAYS), to its owner
 * (or the partner's owner when it has none or its owner left), in their language. Once per
 * registration and end of protection: an extension brings a new reminder.
 */
registerReminderSource({
  name: 'registration-protection',
  async candidates(db, _now, { today, active, localeOf }) {
    const rows = await approved(db, and(gte(dealRegistration.protectedUntil, today), lte(dealRegistration.protectedUntil, addDays(today, PROTECTION_REMINDER_DAYS))));
    return rows.flatMap((r) => {
      const userId = r.ownerId && active.has(r.ownerId) ? r.ownerId : r.partnerOwnerId;
      if (!userId) return [];
      const { t, direction, day } = words(r, localeOf(userId));
      const days = daysBetween(today, r.protectedUntil!);
      return [
        {
          userId,
          kind: 'registration_protection' as const,
          title: t('registrations:reminder.title', { customer: r.customerName, partner: r.partnerName, count: days }),
          body: t(`registrations:reminder.body.${direction}`, { day }),
          link: link(r.id),
          dedupeKey: `registration_protection:${r.id}:${r.protectedUntil}`,
          alert: { subject: r.customerName, dueOn: r.protectedUntil!, partner: { id: r.partnerId, name: r.partnerName } },
        },
      ];
    });
  },
});

/** The end of protection of approved registrations, in the partner's feed and in the feed of whoever the reminders go to. */
registerCalendarSource({
  name: 'registrations',
  async deadlines(db, scope, now, locale = 'en') {
    const rows = await approved(
      db,
      and(
        gte(dealRegistration.protectedUntil, addDays(zurichDate(now), -31)),
        scope.kind === 'partner'
          ? eq(dealRegistration.partnerId, scope.partnerId)
          : or(eq(dealRegistration.ownerId, scope.userId), and(isNull(dealRegistration.ownerId), eq(partner.ownerId, scope.userId))),
      ),
    );
    return rows.map((r) => {
      const { t, direction } = words(r, locale);
      return {
        uid: `registration-protection-${r.id}@partnerhub`,
        date: r.protectedUntil!,
        title: t('registrations:calendar.title', { customer: r.customerName, partner: r.partnerName }),
        description: t(`registrations:calendar.description.${direction}`),
        path: link(r.id),
      };
    });
  },
});
