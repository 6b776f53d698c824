import type { TaskPriority, TaskStatus, TaskSubject } from '../../../shared/rhythm.js';
import { TASK_PRIORITIES, TASK_STATUSES } from '../../../shared/rhythm.js';

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };
export const TASK_STATUS_COLORS: Record<TaskStatus, string> = { open: 'blue', in_progress: 'cyan', done: 'teal', cancelled: 'gray' };
export const TASK_PRIORITY_LABELS: Record<TaskPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
export const TASK_PRIORITY_COLORS: Record<TaskPriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
export const TASK_SUBJECT_LABELS: Record<TaskSubject, string> = {
  partner: 'Partner',
  contact: 'Contact',
  meeting: 'Meeting',
  onboarding: 'Onboarding',
  risk_assessment: 'Risk assessment',
  contract: 'Contract',
};

export const TASK_STATUS_OPTIONS = TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }));
export const TASK_PRIORITY_OPTIONS = TASK_PRIORITIES.map((p) => ({ value: p, label: TASK_PRIORITY_LABELS[p] }));

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayYearFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A due date (a calendar day, yyyy-mm-dd) as "Fri 27 Nov"; with the year when it is another year's. */
export function formatDue(day: string, today?: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return today && today.slice(0, 4) !== day.slice(0, 4) ? dayYearFormat.format(d) : dayFormat.format(d);
}
