import type { Db } from '../db/client.js';
import type { NewNotification } from '../features/notifications/notifications.core.js';
import type { Locale } from '../../shared/i18n/locales.js';

export interface ReminderContext {
  /** Today in Zurich, 'YYYY-MM-DD'. */
  today: string;
  /** Ids of users who are not deactivated: only they get reminders. */
  active: Set<string>;
  /** The language a user reads their reminders in (their own choice; for the alerts list, the reader's). */
  localeOf(userId: string): Locale;
}

/**
 * Where the hourly reminders come from besides the built-in ones (tasks, cadence, meetings).
 * A feature with deadlines registers one in its `<feature>.sources.ts`, listed in
 * `features/sources.ts`. Candidates carry a dedupe key: a re-run adds nothing already in the inbox.
 */
export interface ReminderSource {
  name: string;
  candidates(db: Db, now: Date, ctx: ReminderContext): Promise<ReminderCandidate[]>;
}

/** What a deadline's reminder is about, for the list of due alerts (GET /api/alerts); never stored. */
export interface AlertFacts {
  /** The contract, partner, programme or certification the deadline belongs to. */
  subject: string;
  /** The deadline, 'YYYY-MM-DD'. */
  dueOn: string;
  partner: { id: string; name: string } | null;
}

export type ReminderCandidate = NewNotification & { alert: AlertFacts };

export const reminderSources: ReminderSource[] = [];

/** Adds a source, or replaces the one of the same name (a module loaded twice must not remind twice). */
export function registerReminderSource(source: ReminderSource): void {
  const i = reminderSources.findIndex((s) => s.name === source.name);
  if (i >= 0) reminderSources[i] = source;
  else reminderSources.push(source);
}
