// Dates are shown in the browser's time zone, in the chosen language's format; the API speaks ISO 8601 UTC.
import { dayIn } from '../../shared/days.js';
import { formatLocale, i18n } from '../i18n.js';

const cache = new Map<string, { dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat; relative: Intl.RelativeTimeFormat }>();
function formats() {
  const locale = formatLocale();
  let f = cache.get(locale);
  if (!f) {
    f = {
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    };
    cache.set(locale, f);
  }
  return f;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** A calendar day ('YYYY-MM-DD') in the language's medium format ("31 May 2027", "31.05.2027"), the same in every time zone. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const locale = formatLocale();
  let f = dayFormats.get(locale);
  if (!f) dayFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return f.format(new Date(`${day}T00:00:00Z`));
}

/** Today in Europe/Zurich ('YYYY-MM-DD'), where the company's days begin and end. */
export const todayInZurich = () => dayIn(new Date());

export const formatDateTime = (iso: string | null | undefined) => (iso ? formats().dateTime.format(new Date(iso)) : '—');
export const formatDate = (iso: string | null | undefined) => (iso ? formats().date.format(new Date(iso)) : '—');

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 minutes ago", "in 2 weeks", "just now". */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return i18n.t('common:time.justNow');
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size || unit === 'minute') return formats().relative.format(Math.round(seconds / size), unit);
  }
  return formats().relative.format(seconds, 'second');
}

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('') || '?';

/** "deactivatedAt" → "Deactivated at". */
export const humanize = (field: string) => {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Digits after the decimal point of a currency's minor unit: CHF 2, JPY 0, BHD 3. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
/** An amount in integer minor units in the reader's locale with its currency code: 1250050 CHF → "CHF 12’500.50" (de-CH). */
export function formatMinor(valueMinor: number | null | undefined, currency: string | null | undefined): string {
  if (valueMinor === null || valueMinor === undefined || !currency) return '—';
  const key = `${formatLocale()}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    const digits = minorDigits(currency);
    f = new Intl.NumberFormat(formatLocale(), { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, f);
  }
  return f.format(valueMinor / 10 ** minorDigits(currency));
}

/**
 * A typed amount in major units ("1234.5", 1234.5) as integer minor units (123450), exactly: the
 * digits are shifted as text, never multiplied as a float. Null for an empty field, NaN for text that
 * is no amount or has more decimals than the currency has (the form's schema then names the field).
 */
export function majorToMinor(amount: number | string | null | undefined, currency: string): number | null {
  if (amount === null || amount === undefined) return null;
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? amount.toFixed(minorDigits(currency) + 2).replace(/0+$/, '') : 'x') : amount.trim().replace(/[’'\s_]/g, '');
  if (text === '') return null;
  const m = /^(-?)(\d*)(?:[.,](\d*))?$/.exec(text);
  const digits = minorDigits(currency);
  if (!m || (m[2] === '' && !m[3]) || (m[3] ?? '').length > digits) return Number.NaN;
  const minor = Number(`${m[2] || '0'}${(m[3] ?? '').padEnd(digits, '0')}`);
  return m[1] ? -minor : minor;
}

/** Integer minor units as the number a form's amount field shows (123450 → 1234.5). */
export const minorToMajor = (valueMinor: number, currency: string): number => valueMinor / 10 ** minorDigits(currency);
