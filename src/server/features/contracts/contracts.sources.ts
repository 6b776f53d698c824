import { and, eq, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contract, partner } from '../../db/schema/index.js';
import { registerReminderSource } from '../../jobs/reminder-sources.js';
import { formatDay } from '../../jobs/compose.js';
import { registerCalendarSource, type CalendarDeadline } from '../../lib/calendar-sources.js';
import { tFor } from '../../i18n.js';
import { CONTRACT_ALERT_DAYS, type ContractType, type NoticeUnit } from '../../../shared/compliance.js';
import { noticeMessage, noticeSummary, type NoticeSummary } from '../../../shared/contracts.js';
import { zurichDate } from '../../../shared/days.js';
import type { Locale } from '../../../shared/i18n/locales.js';

/**
 * Active contracts of partners in use, with what the notice rule needs. Only active ones: a draft or
 * a contract in negotiation binds nobody yet, an expired or terminated one no longer.
 */
function activeContracts(db: DbOrTx, where?: SQL) {
  return db
    .select({
      id: contract.id,
      title: contract.title,
      type: contract.type,
      partnerId: contract.partnerId,
      partnerName: partner.name,
      ownerId: contract.ownerId,
      partnerOwnerId: partner.ownerId,
      endsOn: contract.endsOn,
      autoRenew: contract.autoRenew,
      renewalTermMonths: contract.renewalTermMonths,
      noticePeriodCount: contract.noticePeriodCount,
      noticePeriodUnit: contract.noticePeriodUnit,
    })
    .from(contract)
    .innerJoin(partner, eq(partner.id, contract.partnerId))
    .where(and(eq(contract.status, 'active'), isNull(contract.archivedAt), isNull(partner.archivedAt), isNotNull(contract.endsOn), where));
}
type ActiveContract = Awaited<ReturnType<typeof activeContracts>>[number];

const summaryOf = (c: ActiveContract, today: string) => noticeSummary({ ...c, noticePeriodUnit: c.noticePeriodUnit as NoticeUnit | null }, today);

/** The contract's type and where it stands ("Reseller agreement", "Renews on … unless cancelled by …") in a language. */
function wordsFor(c: ActiveContract, s: NoticeSummary, locale: Locale) {
  const t = tFor(locale);
  const m = noticeMessage(s);
  const day = (d: string | null) => (d ? formatDay(d, locale) : '');
  return { t, type: t(`contracts:type.${c.type as ContractType}`), notice: t(`contracts:notice.${m.key}`, { end: day(m.end), deadline: day(m.deadline) }) };
}

/** The alert a contract is due for: 0 on the deadline, else the smallest of 90/30/7 days it is within. */
export function alertThreshold(daysToNotice: number): number | null {
  if (daysToNotice < 0) return null;
  if (daysToNotice === 0) return 0;
  return [...CONTRACT_ALERT_DAYS].sort((a, b) => a - b).find((d) => daysToNotice <= d) ?? null;
}

/**
 * 90, 30 and 7 days before the notice deadline and on the day, to the contract's owner (or the
 * partner's owner when the contract has none, or its owner left). Each threshold once per contract
 * and deadline: a run that was missed sends the nearest threshold late instead of nothing, and a
 * renewal's new deadline starts over.
 */
registerReminderSource({
  name: 'contract-notice',
  async candidates(db, _now, { today, active, localeOf }) {
    const rows = await activeContracts(db, isNotNull(contract.noticePeriodCount));
    return rows.flatMap((c) => {
      const s = summaryOf(c, today);
      const threshold = s.daysToNotice === null ? null : alertThreshold(s.daysToNotice);
      const userId = c.ownerId && active.has(c.ownerId) ? c.ownerId : c.partnerOwnerId;
      if (threshold === null || !userId) return [];
      const { t, type, notice } = wordsFor(c, s, localeOf(userId));
      const when = threshold === 0 ? t('email:reminders.today') : t('email:reminders.inDays', { count: s.daysToNotice! });
      return [
        {
          userId,
          kind: 'contract_notice' as const,
          title: t('email:reminders.contractNotice', { when, title: c.title, partner: c.partnerName }),
          body: t('email:reminders.contractBody', { type, notice }),
          link: `/contracts/${c.id}`,
          dedupeKey: `contract_notice:${c.id}:${s.noticeDeadline}:${threshold}`,
          alert: { subject: c.title, dueOn: s.noticeDeadline!, partner: { id: c.partnerId, name: c.partnerName } },
        },
      ];
    });
  },
});

/**
 * The notice deadline of the current term, and the end of a contract that does not renew, in the
 * partner's feed and in the feed of whoever the reminders go to.
 */
registerCalendarSource({
  name: 'contracts',
  async deadlines(db, scope, now, locale = 'en') {
    const rows = await activeContracts(
      db,
      scope.kind === 'partner' ? eq(contract.partnerId, scope.partnerId) : or(eq(contract.ownerId, scope.userId), and(isNull(contract.ownerId), eq(partner.ownerId, scope.userId))),
    );
    const today = zurichDate(now);
    return rows.flatMap((c) => {
      const s = summaryOf(c, today);
      const out: CalendarDeadline[] = [];
      const { t, type, notice } = wordsFor(c, s, locale);
      const description = t('ics:contractText', { type, partner: c.partnerName, notice });
      if (s.noticeDeadline)
        out.push({
          uid: `contract-notice-${c.id}@partnerhub`,
          date: s.noticeDeadline,
          title: t('ics:contractNotice', { title: c.title, partner: c.partnerName }),
          description,
          path: `/contracts/${c.id}`,
        });
      if (!c.autoRenew && s.currentTermEnd)
        out.push({
          uid: `contract-end-${c.id}@partnerhub`,
          date: s.currentTermEnd,
          title: t('ics:contractEnds', { title: c.title, partner: c.partnerName }),
          description,
          path: `/contracts/${c.id}`,
        });
      return out;
    });
  },
});
