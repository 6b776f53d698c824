/** The languages the app speaks. English is the fallback: every key exists in it first. */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/**
 * The best of our languages for an Accept-Language header (RFC 9110 §12.5.4): the highest-weighted
 * range whose primary tag we speak, `*` meaning the default; none matching gives the default.
 */
export function pickLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranges = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const { tag } of ranges) {
    if (tag === '*') return DEFAULT_LOCALE;
    const primary = tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/**
 * The Intl locale that formats dates, numbers and money for a language. German is Swiss usage
 * (31.12.2026, CHF 1’234.50). English follows the browser's own English variant when it has one
 * (an en-US browser keeps "Dec 31, 2026"), Swiss English otherwise and on the server.
 */
export function intlLocale(locale: Locale, preferred?: readonly string[]): string {
  if (locale === 'de') return 'de-CH';
  return preferred?.find((l) => /^en(-|$)/i.test(l)) ?? 'en-CH';
}
