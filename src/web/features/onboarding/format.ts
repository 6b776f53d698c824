import { DEFAULT_TIME_ZONE } from '../../../shared/rhythm.js';
import { formatLocale, i18n } from '../../i18n.js';

// Onboarding dates are calendar days ('YYYY-MM-DD'): shown as that day wherever the browser is,
// never shifted by its time zone, in the chosen language's format (31.12.2026 in German).

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormat = () => {
  const locale = formatLocale();
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dayFormats.set(locale, f);
  }
  return f;
};

export const formatDay = (day: string | null | undefined) => (day ? dayFormat().format(new Date(`${day}T00:00:00Z`)) : '—');

/** Today in Europe/Zurich, where the company's days begin and end. */
export const todayInZurich = () => new Intl.DateTimeFormat('en-CA', { timeZone: DEFAULT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** How long an onboarding took: "12 days", or "the same day". */
export const tookLabel = (days: number) => (days === 0 ? i18n.t('onboarding:took.sameDay') : i18n.t('onboarding:took.days', { count: days }));

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
