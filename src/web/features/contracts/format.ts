import { CONTRACT_CLAUSES, CONTRACT_STATUSES, CONTRACT_TYPES, type ContractClause, type ContractStatus, type ContractType, type NoticeUnit } from '../../../shared/compliance.js';
import { noticeMessage, type NoticeSummary } from '../../../shared/contracts.js';
import { i18n } from '../../i18n.js';
import { formatDay } from '../../lib/format.js';
export { formatDay, todayInZurich } from '../../lib/format.js';

// Words are read when shown (the language can change): each option's label is a getter.
const options = <V extends string>(values: readonly V[], label: (v: V) => string) =>
  values.map((value) => ({
    value,
    get label() {
      return label(value);
    },
  }));
export const contractTypeLabel = (t: ContractType) => i18n.t(`contracts:type.${t}`);
export const contractStatusLabel = (s: ContractStatus) => i18n.t(`contracts:status.${s}`);
export const clauseLabel = (c: ContractClause) => i18n.t(`contracts:clause.${c}`);
export const CONTRACT_TYPE_OPTIONS = options(CONTRACT_TYPES, contractTypeLabel);
export const CONTRACT_STATUS_OPTIONS = options(CONTRACT_STATUSES, contractStatusLabel);
export const CLAUSE_OPTIONS = options(CONTRACT_CLAUSES, clauseLabel);
export const CONTRACT_STATUS_COLORS: Record<ContractStatus, string> = { draft: 'gray', negotiation: 'yellow', active: 'teal', expired: 'orange', terminated: 'red' };
/** Deadlines this close are shown in red. */
export const NOTICE_URGENT_DAYS = 30;

/** "Renews on 31 Jan 2027 unless cancelled by 31 Oct 2026", "Ends on 30 Jun 2027", "No end date". */
export function describeContractNotice(s: NoticeSummary): string {
  const m = noticeMessage(s);
  return i18n.t(`contracts:notice.${m.key}`, { end: formatDay(m.end), deadline: formatDay(m.deadline) });
}

/** "today", "tomorrow", "in 12 days" (when notice is due); null once the deadline has passed or there is none. */
export function noticeDue(daysToNotice: number | null): string | null {
  if (daysToNotice === null || daysToNotice < 0) return null;
  if (daysToNotice === 0) return i18n.t('contracts:notice.dueToday');
  if (daysToNotice === 1) return i18n.t('contracts:notice.dueTomorrow');
  return i18n.t('contracts:notice.dueIn', { count: daysToNotice });
}

/** "3 months", "30 days", "1 month". */
export function formatPeriod(count: number | null, unit: NoticeUnit | null): string {
  if (count === null || !unit) return '—';
  return i18n.t(`contracts:period.${unit}`, { count });
}
