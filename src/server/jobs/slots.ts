import { zurichWallClock } from '../../shared/days.js';

/**
 * Slots name the period a scheduled run belongs to: one successful run per job and slot. Daily and
 * weekly slots follow the wall clock of Europe/Zurich, so a digest goes out at 07:00 local time
 * in summer and winter alike.
 */
const DIGEST_HOUR = 7;

const isoDate = (wall: Date) => wall.toISOString().slice(0, 10);

/** ISO 8601 week of a calendar date held in a Date's UTC fields, e.g. '2026-W48'. */
export function isoWeek(wall: Date): string {
  const d = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()));
  const day = d.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Hourly, in UTC (a local hour repeats when the clocks go back): '2026-11-27T09'. */
export const hourlySlot = (now: Date) => now.toISOString().slice(0, 13);

/** The day whose 07:00 Zurich most recently passed: before 07:00 it is still yesterday's slot. */
export const dailySlot = (now: Date) => isoDate(new Date(zurichWallClock(now).getTime() - DIGEST_HOUR * 3_600_000));

/** The ISO week whose Monday 07:00 Zurich most recently passed: '2026-W48'. */
export const weeklySlot = (now: Date) => isoWeek(new Date(zurichWallClock(now).getTime() - DIGEST_HOUR * 3_600_000));

/** The Zurich ISO week an instant falls in (for "once per partner per week" reminders). */
export const zurichWeek = (now: Date) => isoWeek(zurichWallClock(now));
