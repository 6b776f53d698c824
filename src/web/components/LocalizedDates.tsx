import type { ReactNode } from 'react';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/de';
import { isLocale } from '../../shared/i18n/locales.js';

/**
 * The date pickers in the page's language: month and day names, and weeks from Monday (Swiss usage
 * in both languages). Re-renders when the user switches language.
 */
export function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
