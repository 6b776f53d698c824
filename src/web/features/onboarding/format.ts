import { i18n } from '../../i18n.js';
export { formatDay, todayInZurich } from '../../lib/format.js';

// Onboarding dates are calendar days ('YYYY-MM-DD'): shown as that day wherever the browser is,
// never shifted by its time zone, in the chosen language's format (31.12.2026 in German).

/** How long an onboarding took: "12 days", or "the same day". */
export const tookLabel = (days: number) => (days === 0 ? i18n.t('onboarding:took.sameDay') : i18n.t('onboarding:took.days', { count: days }));

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
