import { and, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { partner, user } from '../../db/schema/index.js';
import { registerReminderSource } from '../../jobs/reminder-sources.js';
import { formatDay } from '../../jobs/compose.js';
import { zurichWeek } from '../../jobs/slots.js';
import { registerCalendarSource } from '../../lib/calendar-sources.js';
import { tFor } from '../../i18n.js';
import { addDays } from '../../../shared/days.js';
import { RISK_REVIEW_ALERT_DAYS } from '../../../shared/schemas/risk.js';

/**
 * To the partner's owner: once when the review comes within 30 days (keyed by the due date, so a
 * new date reminds again), and weekly while it is overdue.
 */
registerReminderSource({
  name: 'risk-review',
  async candidates(db, now, { today, localeOf }) {
    const rows = await db
      .select({ id: partner.id, name: partner.name, ownerId: partner.ownerId, dueOn: partner.riskReviewDueOn })
      .from(partner)
      .innerJoin(user, and(eq(user.id, partner.ownerId), isNull(user.deactivatedAt)))
      .where(and(isNull(partner.archivedAt), isNotNull(partner.riskReviewDueOn), lte(partner.riskReviewDueOn, addDays(today, RISK_REVIEW_ALERT_DAYS))));
    const week = zurichWeek(now);
    return rows.map((p) => {
      const due = p.dueOn!;
      const locale = localeOf(p.ownerId!);
      const t = tFor(locale);
      const link = `/partners/${p.id}/risk`;
      const alert = { subject: t('email:reminders.riskSubject', { name: p.name }), dueOn: due, partner: { id: p.id, name: p.name } };
      if (due < today) {
        return {
          userId: p.ownerId!,
          kind: 'risk_review_due' as const,
          title: t('email:reminders.riskOverdue', { name: p.name }),
          body: t('email:reminders.wasDue', { day: formatDay(due, locale) }),
          link,
          dedupeKey: `risk_review_overdue:${p.id}:${week}`,
          alert,
        };
      }
      return {
        userId: p.ownerId!,
        kind: 'risk_review_due' as const,
        title: t('email:reminders.riskDue', { name: p.name }),
        body: t('email:reminders.due', { day: formatDay(due, locale) }),
        link,
        dedupeKey: `risk_review_due:${p.id}:${due}`,
        alert,
      };
    });
  },
});

/** The review's due day, in the partner's feed and in its owner's. */
registerCalendarSource({
  name: 'risk-review',
  async deadlines(db, scope, _now, locale = 'en') {
    const t = tFor(locale);
    const rows = await db
      .select({ id: partner.id, name: partner.name, dueOn: partner.riskReviewDueOn })
      .from(partner)
      .where(and(isNull(partner.archivedAt), isNotNull(partner.riskReviewDueOn), scope.kind === 'user' ? eq(partner.ownerId, scope.userId) : eq(partner.id, scope.partnerId)));
    return rows.map((p) => ({
      uid: `risk-review-${p.id}@partnerhub`,
      date: p.dueOn!,
      title: t('ics:riskReview', { name: p.name }),
      description: t('ics:riskReviewText'),
      path: `/partners/${p.id}/risk`,
    }));
  },
});
