import { CONTRACT_CLAUSES, CONTRACT_STATUSES, CONTRACT_TYPES, type ContractStatus } from '../../../shared/compliance.js';
import { describeNotice, noticeDueText, type NoticeSummary } from '../../../shared/contracts.js';
import { dayIn } from '../../../shared/days.js';
import { CONTRACT_STATUS_LABELS, CONTRACT_TYPE_LABELS } from '../../../shared/schemas/contract.js';
import { CLAUSE_LABELS } from '../../../shared/schemas/risk.js';

export const CONTRACT_TYPE_OPTIONS = CONTRACT_TYPES.map((t) => ({ value: t, label: CONTRACT_TYPE_LABELS[t] }));
export const CONTRACT_STATUS_OPTIONS = CONTRACT_STATUSES.map((s) => ({ value: s, label: CONTRACT_STATUS_LABELS[s] }));
export const CLAUSE_OPTIONS = CONTRACT_CLAUSES.map((c) => ({ value: c, label: CLAUSE_LABELS[c] }));
export const CONTRACT_STATUS_COLORS: Record<ContractStatus, string> = { draft: 'gray', negotiation: 'yellow', active: 'teal', expired: 'orange', terminated: 'red' };
/** Deadlines this close are shown in red. */
export const NOTICE_URGENT_DAYS = 30;

/** Today as the server counts it (Europe/Zurich): the same day the API computed its deadlines for. */
export const todayInZurich = () => dayIn(new Date());

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** A calendar day (yyyy-mm-dd) as "31 May 2027". */
export const formatDay = (day: string | null | undefined) => (day ? dayFormat.format(new Date(`${day}T00:00:00Z`)) : '—');

export const describeContractNotice = (s: NoticeSummary) => describeNotice(s, formatDay);
export { noticeDueText };

/** Digits after the decimal point of a currency's minor unit: CHF 2, JPY 0, BHD 3. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "CHF 12,500.50" from 1250050 minor units. */
export function formatMoney(valueMinor: number | null, currency: string | null): string {
  if (valueMinor === null || !currency) return '—';
  const digits = minorDigits(currency);
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    valueMinor / 10 ** digits,
  );
}

/** A typed amount in major units as integer minor units; rounding absorbs binary fractions (0.1 + 0.2). */
export const toMinor = (amount: number, currency: string) => Math.round(amount * 10 ** minorDigits(currency));
export const fromMinor = (valueMinor: number, currency: string) => valueMinor / 10 ** minorDigits(currency);

/** "3 months", "30 days", "1 month". */
export function formatPeriod(count: number | null, unit: string | null): string {
  if (count === null || !unit) return '—';
  return `${count} ${count === 1 ? unit.replace(/s$/, '') : unit}`;
}
