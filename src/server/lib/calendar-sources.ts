import type { DbOrTx } from '../db/client.js';
import type { Locale } from '../../shared/i18n/locales.js';

/**
 * The calendar feeds' registry of deadline sources. It sits below the features: a feature with dated
 * deadlines registers here without depending on the calendar feature (which is built on meetings, and
 * so on partners), and the calendar reads every registered source.
 */

export type FeedScope = { kind: 'user'; userId: string } | { kind: 'partner'; partnerId: string };

/** One dated deadline, shown as an all-day event. */
export interface CalendarDeadline {
  /** Stable across renders, so calendar programs update the event instead of duplicating it. */
  uid: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  title: string;
  description?: string | null;
  /** A path in the web app, e.g. /partners/…; made absolute with the app's base URL. */
  path?: string | null;
}

/**
 * Where a feed's deadlines come from. Features with dated deadlines (tasks, certifications,
 * contracts, programmes, risk) register one, and every feed shows them without the calendar knowing the feature.
 */
export interface CalendarSource {
  name: string;
  /** `locale`: the reader's language, for the words around the records' own titles. */
  deadlines(db: DbOrTx, scope: FeedScope, now: Date, locale?: Locale): Promise<CalendarDeadline[]>;
}

export const calendarSources: CalendarSource[] = [];

/** Adds a source, or replaces the one of the same name (a module loaded twice must not show things twice). */
export function registerCalendarSource(source: CalendarSource): void {
  const i = calendarSources.findIndex((s) => s.name === source.name);
  if (i >= 0) calendarSources[i] = source;
  else calendarSources.push(source);
}
