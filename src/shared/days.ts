/**
 * Calendar days ('YYYY-MM-DD') as the team counts them: due dates, onboarding steps, digests and
 * reminders are days in Europe/Zurich, not in UTC, and daylight-saving changes must not move them.
 * Both sides import this (no node:* or DOM).
 */
import { DEFAULT_TIME_ZONE } from './rhythm.js';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day `at` falls on in the zone; en-CA writes dates as yyyy-mm-dd. */
export function dayIn(at: Date, zone: string = DEFAULT_TIME_ZONE): string {
  let f = dayFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, f);
  }
  return f.format(at);
}

/** The calendar day `at` falls on in Europe/Zurich. */
export const zurichDate = (at: Date): string => dayIn(at);

const wallClockParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: DEFAULT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Zurich wall-clock time of an instant, as a Date whose UTC fields hold it (for calendar arithmetic and spreadsheets only). */
export function zurichWallClock(at: Date): Date {
  const p = Object.fromEntries(wallClockParts.formatToParts(at).map((x) => [x.type, x.value]));
  return new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)));
}

const utcMidnight = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/** `day` plus `days` calendar days: 2026-01-30 + 30 → 2026-03-01; leap days count. */
export const addDays = (day: string, days: number): string => new Date(utcMidnight(day) + days * 86_400_000).toISOString().slice(0, 10);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((utcMidnight(to) - utcMidnight(from)) / 86_400_000);

/** The Sunday that ends the Monday–Sunday week of `day` (the day itself when it is a Sunday). */
export function weekEndOf(day: string): string {
  const weekday = new Date(utcMidnight(day)).getUTCDay();
  return addDays(day, (7 - weekday) % 7);
}

/**
 * `day` plus `months` calendar months, clamped to the month's last day: 2024-01-31 + 1 → 2024-02-29,
 * 2027-05-31 − 3 → 2027-02-28. Negative months count back (notice deadlines).
 */
export function addMonths(day: string, months: number): string {
  return shiftMonths(day, months, false);
}

/**
 * `day` plus `months`, keeping a month's last day the last day (the end-of-month rule of contracts):
 * 2027-02-28 − 3 → 2026-11-30, 2027-02-28 + 12 → 2028-02-29, 2027-06-30 − 3 → 2027-03-31; any
 * other day as `addMonths`.
 */
export function addMonthsEndOfMonth(day: string, months: number): string {
  return shiftMonths(day, months, true);
}

function shiftMonths(day: string, months: number, keepMonthEnd: boolean): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastOf = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = lastOf(year, month);
  const target = keepMonthEnd && d === lastOf(y, m - 1) ? last : Math.min(d, last);
  return new Date(Date.UTC(year, month, target)).toISOString().slice(0, 10);
}
