import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { partner, partnerProgram, teamAssignment, user, userCertification } from '../../db/schema/index.js';
import { formatDay } from '../../jobs/compose.js';
import { registerReminderSource, type ReminderCandidate } from '../../jobs/reminder-sources.js';
import { registerCalendarSource, type CalendarDeadline } from '../../lib/calendar-sources.js';
import { LEVEL_ALERT_DAYS } from '../../../shared/compliance.js';
import { addDays, zurichDate } from '../../../shared/days.js';
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
const atRiskTitle = (s: Standing, f: Forecast) => `${s.name}: ${s.levelName} at risk from ${formatDay(f.date)}`;
const causesText = (f: Forecast) =>
  f.causes.length
    ? `We fall below on ${formatDay(f.date)}: ${f.causes.map((c) => `${c.userName}'s ${c.certificationName} expires ${formatDay(c.expiresOn)}`).join('; ')}`
    : `We fall below on ${formatDay(f.date)}`;

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
  async candidates(db, _now, { today }) {
    const all = await standings(db, today, null);
    const due = all.flatMap((s) => {
      const out: Omit<ReminderCandidate, 'userId'>[] = [];
      const partnerOf = s.partnerId ? { id: s.partnerId, name: s.partnerName ?? '' } : null;
      const alert = s.forecast ? dueAlert(s.forecast.date, today) : null;
      if (s.forecast && alert !== null) {
        out.push({
          kind: 'level_at_risk',
          title: atRiskTitle(s, s.forecast),
          body: causesText(s.forecast),
          link: link(s),
          dedupeKey: `level_at_risk:${s.id}:${s.forecast.date}:${alert}`,
          alert: { subject: s.name, dueOn: s.forecast.date, partner: partnerOf },
        });
      }
      if (s.nextReviewOn && today >= addDays(s.nextReviewOn, -LEVEL_REVIEW_REMINDER_DAYS) && today <= s.nextReviewOn) {
        out.push({
          kind: 'level_review',
          title: `${s.name}: the vendor reviews our level on ${formatDay(s.nextReviewOn)}`,
          body: s.levelName ? `We hold ${s.levelName}.` : null,
          link: link(s),
          dedupeKey: `level_review:${s.id}:${s.nextReviewOn}`,
          alert: { subject: s.name, dueOn: s.nextReviewOn, partner: partnerOf },
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
    return due.flatMap(({ n, ownerId }) => (ownerId ? [ownerId] : fallback).map((userId) => ({ ...n, userId })));
  },
});

registerCalendarSource({
  name: 'programs',
  async deadlines(db, scope, now) {
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
          title: `${s.name}: vendor's level review`,
          description: s.levelName ? `We hold ${s.levelName}.` : null,
          path: link(s),
        });
      }
      const f = s.forecast;
      if (!f) continue;
      for (const a of alertDays(f.date, since(s, f))) {
        out.push({
          uid: `program-risk-${s.id}-${f.date}-${a.days}@partnerhub`,
          date: a.date,
          title: `${s.name}: ${s.levelName} at risk from ${formatDay(f.date)}`,
          description: causesText(f),
          path: link(s),
        });
      }
    }
    return out;
  },
});
