/**
 * The notice rule of contracts, pure so the server (lists, reminders, calendar) and the web form's
 * live preview compute the same deadline. See docs/decisions/0016-contracts.md.
 */
import type { NoticeUnit } from './compliance.js';
import { addDays, addMonthsEndOfMonth, daysBetween } from './days.js';

export interface NoticeTerms {
  endsOn: string | null;
  autoRenew: boolean;
  renewalTermMonths: number | null;
  noticePeriodCount: number | null;
  noticePeriodUnit: NoticeUnit | null;
}

/**
 * - `open_ended`: no end date; - `ended`: the end date is past and nothing renews it;
 * - `renews`: auto-renewing, the current term ends on `currentTermEnd`; - `ends`: ends on `currentTermEnd`.
 */
export type NoticeState = 'open_ended' | 'ended' | 'renews' | 'ends';

export interface NoticeSummary {
  state: NoticeState;
  /** The end of the term that runs now (or ran last): the end date, moved on by whole renewal terms. */
  currentTermEnd: string | null;
  /** The last day notice can be given for `currentTermEnd`; null without an end date or a notice period. */
  noticeDeadline: string | null;
  /** Days from today to the deadline (negative once past). */
  daysToNotice: number | null;
}

/**
 * The last day notice can be given: the term end minus the notice period. Months follow the
 * end-of-month rule: a term ending on a month's last day has its deadline on a month's last day.
 */
export function noticeDeadlineOf(termEnd: string, count: number, unit: NoticeUnit): string {
  return unit === 'days' ? addDays(termEnd, -count) : addMonthsEndOfMonth(termEnd, -count);
}

const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/**
 * The term end `k` renewals after the original end date. Always counted from the original, never by
 * adding a term to the previous end: 31 Jan + 1 month is 28 Feb, and 28 Feb + 1 month would lose the
 * 31st. An original end on a month's last day keeps renewing to month ends: 28 Feb 2027 + 12 months
 * is 29 Feb 2028.
 */
export const termEndAfter = (endsOn: string, termMonths: number, k: number) => addMonthsEndOfMonth(endsOn, k * termMonths);

/**
 * The smallest k ≥ 0 whose term end (or, with a notice period, whose notice deadline) is today or later.
 * The search starts just below the answer: every earlier term ended at least a month before today.
 */
function currentRenewal(endsOn: string, termMonths: number, today: string, deadlineOf: (end: string) => string): number {
  let k = Math.max(0, Math.floor((monthIndex(today) - monthIndex(endsOn)) / termMonths) - 1);
  while (deadlineOf(termEndAfter(endsOn, termMonths, k)) < today) k++;
  return k;
}

export function noticeSummary(c: NoticeTerms, today: string): NoticeSummary {
  if (!c.endsOn) return { state: 'open_ended', currentTermEnd: null, noticeDeadline: null, daysToNotice: null };
  const notice = c.noticePeriodCount !== null && c.noticePeriodUnit !== null ? { count: c.noticePeriodCount, unit: c.noticePeriodUnit } : null;
  const deadlineOf = (end: string) => (notice ? noticeDeadlineOf(end, notice.count, notice.unit) : end);
  let termEnd = c.endsOn;
  if (c.autoRenew && c.renewalTermMonths && c.renewalTermMonths > 0) {
    termEnd = termEndAfter(c.endsOn, c.renewalTermMonths, currentRenewal(c.endsOn, c.renewalTermMonths, today, deadlineOf));
  }
  const noticeDeadline = notice ? deadlineOf(termEnd) : null;
  const state: NoticeState = c.autoRenew ? 'renews' : termEnd < today ? 'ended' : 'ends';
  return { state, currentTermEnd: termEnd, noticeDeadline, daysToNotice: noticeDeadline ? daysBetween(today, noticeDeadline) : null };
}

/** Which sentence says where a contract stands ("renewsUnless": "Renews on … unless cancelled by …"). */
export type NoticeKey = 'openEnded' | 'ended' | 'renewsUnless' | 'renews' | 'endsNotice' | 'ends';

/**
 * The one line a Partner Manager reads at a glance, as a catalogue key (`contracts:notice.<key>`) and
 * the days it names: "Renews on 31 Jan 2027 unless cancelled by 31 Oct 2026", "Ends on 30 Jun 2027",
 * "Ended on 31 Dec 2025", "No end date". The screens, the reminders and the calendar word it alike.
 */
export function noticeMessage(s: NoticeSummary): { key: NoticeKey; end: string | null; deadline: string | null } {
  const at = (key: NoticeKey) => ({ key, end: s.currentTermEnd, deadline: s.noticeDeadline });
  switch (s.state) {
    case 'open_ended':
      return at('openEnded');
    case 'ended':
      return at('ended');
    case 'renews':
      return at(s.noticeDeadline ? 'renewsUnless' : 'renews');
    case 'ends':
      return at(s.noticeDeadline && (s.daysToNotice ?? -1) >= 0 ? 'endsNotice' : 'ends');
  }
}
