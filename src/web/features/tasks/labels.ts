import type { TaskPriority, TaskStatus, TaskSubject } from '../../../shared/rhythm.js';
import { TASK_PRIORITIES, TASK_STATUSES } from '../../../shared/rhythm.js';
import { formatLocale, i18n } from '../../i18n.js';

// The words are in the `tasks` catalogue, read when shown: the language can change.
export const taskStatusLabel = (s: TaskStatus) => i18n.t(`tasks:status.${s}`);
export const TASK_STATUS_COLORS: Record<TaskStatus, string> = { open: 'blue', in_progress: 'cyan', done: 'teal', cancelled: 'gray' };
export const taskPriorityLabel = (p: TaskPriority) => i18n.t(`tasks:priority.${p}`);
export const TASK_PRIORITY_COLORS: Record<TaskPriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
export const taskSubjectLabel = (s: TaskSubject) => i18n.t(`tasks:subject.${s}`);

export const taskStatusOptions = () => TASK_STATUSES.map((s) => ({ value: s, label: taskStatusLabel(s) }));
export const taskPriorityOptions = () => TASK_PRIORITIES.map((p) => ({ value: p, label: taskPriorityLabel(p) }));

// Short days in the reader's format, as every other date ("Fri 27 Nov" in en-GB, "Fr., 27. Nov." in de-CH).
export const dayLocale = formatLocale;
const formats = new Map<string, { day: Intl.DateTimeFormat; dayYear: Intl.DateTimeFormat }>();
function dueFormats() {
  const locale = dayLocale();
  let f = formats.get(locale);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }),
      dayYear: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    };
    formats.set(locale, f);
  }
  return f;
}

/** A due date (a calendar day, yyyy-mm-dd) as "Fri 27 Nov"; with the year when it is another year's. */
export function formatDue(day: string, today?: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return today && today.slice(0, 4) !== day.slice(0, 4) ? dueFormats().dayYear.format(d) : dueFormats().day.format(d);
}
