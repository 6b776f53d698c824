import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { partner, partnerProgram, teamAssignment, user, userCertification } from '../../db/schema/index.js';
import { formatDay } from '../../jobs/compose.js';
import { registerReminderSource, type ReminderCandidate } from '../../jobs/reminder-sources.js';
import { registerCalendarSource, type CalendarDeadline } from '../../lib/calendar-sources.js';
import { tFor } from '../../i18n.js';
import { LEVEL_ALERT_DAYS } from '../../../shared/compliance.js';
import { addDays, zurichDate } from '../../../shared/days.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { evaluatePrograms } from './programs.evaluate.js';
import type { Forecast } from './levels.core.js';

/** Days before the vendor's tier review that its reminder goes out. */
export const LEVEL_REVIEW_REMINDER_DAYS = 30;

interface Standing {
  id: string;
  name: string;
  partnerId: string | null;
  partnerName: string | null;
  ownerId: string | null;
  nextReviewOn: string | null;
  createdAt: Date;
  levelName: string | null;
  forecast: Forecast | null;
}

/** Programmes (not archived; only `ids` when given) with the held level's forecast as of `today`. */
async function standings(db: DbOrTx, today: string, ids: string[] | null): Promise<Standing[]> {
  if (ids && !ids.length) return [];
  const rows = await db
    .select({
      id: partnerProgram.id,
      name: partnerProgram.name,
      partnerId: partnerProgram.partnerId,
      partnerName: partner.name,
      ownerId: partner.ownerId,
      nextReviewOn: partnerProgram.nextReviewOn,
      createdAt: partnerProgram.createdAt,
    })
    .from(partnerProgram)
    .leftJoin(partner, eq(partner.id, partnerProgram.partnerId))
    .where(and(isNull(partnerProgram.archivedAt), ids ? inArray(partnerProgram.id, ids) : undefined));
  const ev = await evaluatePrograms(
    db,
    today,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const e = ev.get(r.id);
    const held = e?.ladder.levels.find((l) => l.row.id === e.held?.levelId);
    return { ...r, levelName: held?.row.name ?? null, forecast: e?.held?.forecast ?? null };
  });
}

const link = (s: Standing) => (s.partnerId ? `/partners/${s.partnerId}/programs` : `/programs/${s.id}`);
/** The words of a programme's alerts in a language. */
function wordsIn(locale: Locale) {
  const t = tFor(locale);
  const day = (d: string) => formatDay(d, locale);
  return {
    t,
    day,
    atRisk: (s: Standing, f: Forecast) => t('email:reminders.levelAtRisk', { program: s.name, level: s.levelName, day: day(f.date) }),
    causes: (f: Forecast) =>
      f.causes.length
        ? t('email:reminders.fallBelowBecause', {
            day: day(f.date),
            causes: f.causes.map((c) => t('email:reminders.cause', { person: c.userName, certification: c.certificationName, day: day(c.expiresOn) })).join('; '),
          })
        : t('email:reminders.fallBelow', { day: day(f.date) }),
    weHold: (s: Standing) => (s.levelName ? t('email:reminders.weHold', { level: s.levelName }) : null),
  };
}

/**
 * Which alert is due today, if any: the 90-day one from 90 days before until the 30-day one takes
 * over, the 30-day one until the day itself. Someone who first hears 20 days before gets only the 30-day one.
 */
export function dueAlert(forecastDate: string, today: string): number | null {
  const thresholds = [...LEVEL_ALERT_DAYS].sort((a, b) => a - b);
  if (today >= forecastDate) return null;
  return thresholds.find((d) => today >= addDays(forecastDate, -d)) ?? null;
}

/**
 * The days the level-at-risk alerts fall on in a calendar, as the reminders send them. An alert
 * falling before the records behind it existed is not shown in the past: the one the reminders send
 * late (the tightest reached on the day they were recorded) is dated that day, an earlier one they
 * skip is left out, and none once the level is already lost.
 */
export function alertDays(forecastDate: string, recordedOn: string): { days: number; date: string }[] {
  const late = dueAlert(forecastDate, recordedOn);
  return LEVEL_ALERT_DAYS.flatMap((days) => {
    const date = addDays(forecastDate, -days);
    if (date >= recordedOn) return [{ days, date }];
    return days === late ? [{ days, date: recordedOn }] : [];
  });
}

registerReminderSource({
  name: 'programs',
  async candidates(db, _now, { today, localeOf }) {
    const all = await standings(db, today, null);
    // Worded per recipient: who hears it is only known once the fallback recipients are read.
    type Say = (w: ReturnType<typeof wordsIn>) => Pick<ReminderCandidate, 'title' | 'body'>;
    const due = all.flatMap((s) => {
      const out: (Omit<ReminderCandidate, 'userId' | 'title' | 'body'> & { say: Say })[] = [];
      const partnerOf = s.partnerId ? { id: s.partnerId, name: s.partnerName ?? '' } : null;
      const alert = s.forecast ? dueAlert(s.forecast.date, today) : null;
      const forecast = s.forecast;
      if (forecast && alert !== null) {
        out.push({
          kind: 'level_at_risk',
          say: (w) => ({ title: w.atRisk(s, forecast), body: w.causes(forecast) }),
          link: link(s),
          dedupeKey: `level_at_risk:${s.id}:${forecast.date}:${alert}`,
          alert: { subject: s.name, dueOn: forecast.date, partner: partnerOf },
        });
      }
      const reviewOn = s.nextReviewOn;
      if (reviewOn && today >= addDays(reviewOn, -LEVEL_REVIEW_REMINDER_DAYS) && today <= reviewOn) {
        out.push({
          kind: 'level_review',
          say: (w) => ({ title: w.t('email:reminders.levelReview', { program: s.name, day: w.day(reviewOn) }), body: w.weHold(s) }),
          link: link(s),
          dedupeKey: `level_review:${s.id}:${reviewOn}`,
          alert: { subject: s.name, dueOn: reviewOn, partner: partnerOf },
        });
      }
      return out.map((n) => ({ n, ownerId: s.ownerId }));
    });
    if (!due.length) return [];
    // Without a partner owner, the Partner Managers and administrators hear it.
    const fallback = due.some((d) => !d.ownerId)
      ? (
          await db
            .select({ id: user.id })
            .from(user)
            .where(and(inArray(user.role, ['admin', 'manager']), isNull(user.deactivatedAt)))
        ).map((u) => u.id)
      : [];
    return due.flatMap(({ n: { say, ...n }, ownerId }) => (ownerId ? [ownerId] : fallback).map((userId) => ({ ...n, ...say(wordsIn(localeOf(userId))), userId })));
  },
});

registerCalendarSource({
  name: 'programs',
  async deadlines(db, scope, now, locale = 'en') {
    const w = wordsIn(locale);
    const linked = await db
      .selectDistinct({ id: partnerProgram.id })
      .from(partnerProgram)
      .innerJoin(partner, eq(partner.id, partnerProgram.partnerId))
      .leftJoin(teamAssignment, eq(teamAssignment.partnerId, partner.id))
      .where(
        and(
          isNull(partnerProgram.archivedAt),
          scope.kind === 'partner' ? eq(partner.id, scope.partnerId) : or(eq(partner.ownerId, scope.userId), eq(teamAssignment.userId, scope.userId)),
        ),
      );
    const out: CalendarDeadline[] = [];
    const all = await standings(
      db,
      zurichDate(now),
      linked.map((r) => r.id),
    );
    const causeIds = [...new Set(all.flatMap((s) => s.forecast?.causes.map((c) => c.holdingId) ?? []))];
    const recorded = new Map(
      (causeIds.length
        ? await db.select({ id: userCertification.id, createdAt: userCertification.createdAt }).from(userCertification).where(inArray(userCertification.id, causeIds))
        : []
      ).map((r) => [r.id, r.createdAt]),
    );
    // The day the forecast could first be known: the programme and the certifications that cause it were all recorded.
    const since = (s: Standing, f: Forecast) => zurichDate(new Date(Math.max(s.createdAt.getTime(), ...f.causes.map((c) => recorded.get(c.holdingId)?.getTime() ?? 0))));
    for (const s of all) {
      if (s.nextReviewOn) {
        out.push({
          uid: `program-review-${s.id}-${s.nextReviewOn}@partnerhub`,
          date: s.nextReviewOn,
          title: w.t('ics:levelReview', { program: s.name }),
          description: w.weHold(s),
          path: link(s),
        });
      }
      const f = s.forecast;
      if (!f) continue;
      for (const a of alertDays(f.date, since(s, f))) {
        out.push({
          uid: `program-risk-${s.id}-${f.date}-${a.days}@partnerhub`,
          date: a.date,
          title: w.atRisk(s, f),
          description: w.causes(f),
          path: link(s),
        });
      }
    }
    return out;
  },
});
