import { and, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { certification, userCertification } from '../../db/schema/index.js';
import { registerReminderSource, type ReminderCandidate } from '../../jobs/reminder-sources.js';
import { formatDay } from '../../jobs/compose.js';
import { registerCalendarSource } from '../../lib/calendar-sources.js';
import { tFor } from '../../i18n.js';
import { LEVEL_ALERT_DAYS } from '../../../shared/compliance.js';
import { daysBetween, zurichDate } from '../../../shared/days.js';
import { bestHoldings, evaluate, holdingFactColumns, renewalMap, type Evaluated, type HoldingFacts } from './certifications.core.js';

const LINK = '/certifications';

/** Each colleague's best holding per certification, evaluated: a retake or a renewal by a higher exam silences the old one. */
async function standing(db: DbOrTx, today: string, userIds?: string[]) {
  const rows = await db
    .select(holdingFactColumns)
    .from(userCertification)
    .where(and(isNull(userCertification.archivedAt), userIds ? inArray(userCertification.userId, userIds) : undefined));
  const ev = evaluate(rows, await renewalMap(db), today);
  const best = [...bestHoldings(rows, ev).values()];
  const certIds = [...new Set(best.map((h) => h.certificationId))];
  const names = new Map(
    (certIds.length ? await db.select({ id: certification.id, name: certification.name }).from(certification).where(inArray(certification.id, certIds)) : []).map((c) => [
      c.id,
      c.name,
    ]),
  );
  return { rows, best, ev, name: (h: HoldingFacts, t: ReturnType<typeof tFor>) => names.get(h.certificationId) ?? t('email:reminders.certificationUnknown') };
}

const inDays = (n: number, t: ReturnType<typeof tFor>) =>
  n === 0 ? t('email:reminders.today') : n === 1 ? t('email:reminders.tomorrow') : t('email:reminders.inDays', { count: n });

/** The tightest threshold reached: 30 days left → 30, 31–90 → 90; none before or after expiry. */
export function thresholdReached(effective: string, today: string): number | null {
  const left = daysBetween(today, effective);
  if (left < 0) return null;
  const reached = [...LEVEL_ALERT_DAYS].sort((a, b) => a - b).find((d) => left <= d);
  return reached ?? null;
}

/**
 * A colleague hears 90 and 30 days before their certification's effective expiry. The key holds the
 * holding, the threshold and the expiry: a renewal that moves the expiry arms the reminders again.
 */
registerReminderSource({
  name: 'certifications',
  async candidates(db, _now, { today, active, localeOf }) {
    const { rows, best, ev, name } = await standing(db, today, [...active]);
    const out: ReminderCandidate[] = [];
    for (const h of best) {
      const e: Evaluated = ev.get(h.id)!;
      if (h.status !== 'obtained' || e.effective === null) continue;
      const threshold = thresholdReached(e.effective, today);
      if (threshold === null) continue;
      const planned = rows.find((p) => p.status === 'planned' && p.userId === h.userId && p.certificationId === h.certificationId);
      const locale = localeOf(h.userId);
      const t = tFor(locale);
      const day = formatDay(e.effective, locale);
      out.push({
        userId: h.userId,
        kind: 'certification_expiring',
        title: t('email:reminders.certificationExpires', { name: name(h, t), when: inDays(daysBetween(today, e.effective), t) }),
        body: planned?.targetOn
          ? t('email:reminders.certificationExamPlanned', { day, exam: formatDay(planned.targetOn, locale) })
          : t('email:reminders.certificationPlanExam', { day }),
        link: LINK,
        dedupeKey: `certification_expiring:${h.id}:${threshold}:${e.effective}`,
        alert: { subject: name(h, t), dueOn: e.effective, partner: null },
      });
    }
    return out;
  },
});

/** The user feed shows each of their certifications' expiries and their planned exams. */
registerCalendarSource({
  name: 'certifications',
  async deadlines(db, scope, now, locale = 'en') {
    if (scope.kind !== 'user') return [];
    const t = tFor(locale);
    const { best, ev, name } = await standing(db, zurichDate(now), [scope.userId]);
    return best.flatMap((h) => {
      const e = ev.get(h.id)!;
      if (h.status === 'planned' && h.targetOn) {
        return [{ uid: `certification-exam-${h.id}@partnerhub`, date: h.targetOn, title: t('ics:exam', { name: name(h, t) }), description: t('ics:examText'), path: LINK }];
      }
      if (e.effective === null) return [];
      return [
        {
          uid: `certification-${h.id}@partnerhub`,
          date: e.effective,
          title: t('ics:certificationExpires', { name: name(h, t) }),
          description: t('ics:certificationExpiresText'),
          path: LINK,
        },
      ];
    });
  },
});
