import { DEFAULT_TIME_ZONE } from '../../../shared/rhythm.js';
import type { MeetingSeries } from '../../../shared/schemas/meeting.js';
import { currentLocale, formatLocale, i18n } from '../../i18n.js';
export { formatDay } from '../../lib/format.js';

// Meetings are shown at their own zone's wall-clock time (Europe/Zurich unless a series says otherwise),
// so "10:00" reads the same for everyone, wherever their device is; in the chosen language's format.
const formatters = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formattersFor(timeZone: string) {
  const locale = formatLocale();
  const key = `${locale} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
      time: new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }),
    };
    formatters.set(key, f);
  }
  return f;
}

/** "Thu, 19 Mar 2026, 10:00–11:00" in the meeting's zone, with the zone named when it is not Zurich. */
export function formatMeetingTime(startsAt: string, endsAt: string, timeZone = DEFAULT_TIME_ZONE): string {
  const f = formattersFor(timeZone);
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = f.day.format(start) === f.day.format(end);
  const text = sameDay
    ? `${f.day.format(start)}, ${f.time.format(start)}–${f.time.format(end)}`
    : `${f.day.format(start)}, ${f.time.format(start)} – ${f.day.format(end)}, ${f.time.format(end)}`;
  return timeZone === DEFAULT_TIME_ZONE ? text : `${text} (${timeZone.replace(/_/g, ' ')})`;
}

export const formatMeetingStart = (startsAt: string, timeZone = DEFAULT_TIME_ZONE) => {
  const f = formattersFor(timeZone);
  const d = new Date(startsAt);
  return `${f.day.format(d)}, ${f.time.format(d)}`;
};

/** A series' rhythm in the current language ("Every week on Thursday at 10:00 (Europe/Zurich)"), worded as the server words it in English. */
export function describeSeries(s: Pick<MeetingSeries, 'cadence' | 'rrule' | 'startLocal' | 'timeZone' | 'description'>): string {
  const start = new Date(`${s.startLocal.slice(0, 16)}:00Z`);
  const time = s.startLocal.slice(11, 16);
  const zone = s.timeZone;
  if (s.cadence === 'custom' || Number.isNaN(start.getTime())) {
    // The server words any rule, in English; other languages name the rule itself.
    return currentLocale() === 'en' ? s.description : i18n.t('meetings:rhythm.custom', { rule: s.rrule, time, zone });
  }
  const weekday = new Intl.DateTimeFormat(formatLocale(), { weekday: 'long', timeZone: 'UTC' }).format(start);
  return i18n.t(`meetings:rhythm.${s.cadence}`, { weekday, day: start.getUTCDate(), time, zone });
}

/** Today in Zurich as YYYY-MM-DD (a due date default that matches the server's calendar). */
export function todayIn(timeZone = DEFAULT_TIME_ZONE): string {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return p.slice(0, 10);
}

/** The current quarter in Zurich, e.g. 2026-Q4, and its neighbours. */
export function quarterOf(date: Date): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: DEFAULT_TIME_ZONE, year: 'numeric', month: '2-digit' }).format(date).split('-').map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}
export function shiftQuarter(quarter: string, by: number): string {
  const [y, q] = quarter.split('-Q').map(Number) as [number, number];
  const index = y * 4 + (q - 1) + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
