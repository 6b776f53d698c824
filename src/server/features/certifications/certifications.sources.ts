import { and, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { certification, userCertification } from '../../db/schema/index.js';
import { registerReminderSource, type ReminderCandidate } from '../../jobs/reminder-sources.js';
import { formatDay } from '../../jobs/compose.js';
import { registerCalendarSource } from '../../lib/calendar-sources.js';
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
  return { rows, best, ev, name: (h: HoldingFacts) => names.get(h.certificationId) ?? 'A certification' };
}

const inDays = (n: number) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`);

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
  async candidates(db, _now, { today, active }) {
    const { rows, best, ev, name } = await standing(db, today, [...active]);
    const out: ReminderCandidate[] = [];
    for (const h of best) {
      const e: Evaluated = ev.get(h.id)!;
      if (h.status !== 'obtained' || e.effective === null) continue;
      const threshold = thresholdReached(e.effective, today);
      if (threshold === null) continue;
      const planned = rows.find((p) => p.status === 'planned' && p.userId === h.userId && p.certificationId === h.certificationId);
      out.push({
        userId: h.userId,
        kind: 'certification_expiring',
        title: `${name(h)} expires ${inDays(daysBetween(today, e.effective))}`,
        body: `Valid through ${formatDay(e.effective)}${planned?.targetOn ? ` · exam planned for ${formatDay(planned.targetOn)}` : ' · plan the renewal exam'}`,
        link: LINK,
        dedupeKey: `certification_expiring:${h.id}:${threshold}:${e.effective}`,
        alert: { subject: name(h), dueOn: e.effective, partner: null },
      });
    }
    return out;
  },
});

/** The user feed shows each of their certifications' expiries and their planned exams. */
registerCalendarSource({
  name: 'certifications',
  async deadlines(db, scope, now) {
    if (scope.kind !== 'user') return [];
    const { best, ev, name } = await standing(db, zurichDate(now), [scope.userId]);
    return best.flatMap((h) => {
      const e = ev.get(h.id)!;
      if (h.status === 'planned' && h.targetOn) {
        return [{ uid: `certification-exam-${h.id}@partnerhub`, date: h.targetOn, title: `Exam: ${name(h)}`, description: 'Planned certification exam', path: LINK }];
      }
      if (e.effective === null) return [];
      return [
        { uid: `certification-${h.id}@partnerhub`, date: e.effective, title: `Certification expires: ${name(h)}`, description: 'Last day it is valid; renew before.', path: LINK },
      ];
    });
  },
});
