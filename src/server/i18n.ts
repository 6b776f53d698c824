import i18next, { type TFunction } from 'i18next';
import type { FastifyRequest } from 'fastify';
import en from '../shared/i18n/en/index.js';
import de from '../shared/i18n/de/index.js';
import { isLocale, pickLocale, type Locale } from '../shared/i18n/locales.js';
import { issueMessage, type IssueLike } from '../shared/i18n/issues.js';
import type { Resources } from '../shared/i18n/resources.js';

// One i18next instance for the whole process, with every language loaded at start: a request, a
// mail or a PDF picks its language per call (getFixedT), never by changing a global one.
const i18n = i18next.createInstance();
void i18n.init({
  resources: { en, de },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'de'],
  ns: Object.keys(en),
  defaultNS: 'common',
  initAsync: false,
  // Server text goes into JSON, plain-text mail and PDFs; HTML output escapes where it is built.
  interpolation: { escapeValue: false },
  returnNull: false,
});

// For keys only known at run time; typed code calls tFor(locale)('ns:key') and is checked.
const tAny = i18n.t.bind(i18n) as unknown as (key: string, options?: Record<string, unknown>) => string;

/** The translation function of a language. */
// Typed over every namespace, so a prefixed key ('email:frame.stop') is checked against its catalogue.
export const tFor = (locale: Locale): TFunction<(keyof Resources)[]> => i18n.getFixedT(locale) as TFunction<(keyof Resources)[]>;

/** A key's text in a language, by a key that is only known at run time (e.g. stored in a job). */
export const translate = (locale: Locale, key: string, values?: Record<string, unknown>): string => tAny(key, { ...values, lng: locale });

/** A field message (a zod issue or a schema's own predicate) in a language. */
export function fieldMessageIn(locale: Locale, issue: IssueLike): string {
  return issueMessage(issue, (key, values) => tAny(key, { ...values, lng: locale, ns: 'validation', keySeparator: false, nsSeparator: false }));
}

/**
 * The language of a request's answer: what the client asks for (the web app sends the user's
 * choice), else the signed-in user's own choice, else English.
 */
export function requestLocale(request: FastifyRequest): Locale {
  // A download link (an export) names the page's language itself: the browser sends its own Accept-Language.
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (isLocale(asked)) return asked;
  const header = request.headers['accept-language'];
  if (header) return pickLocale(header);
  const chosen = (request as { actor?: { locale?: unknown } | null }).actor?.locale;
  return isLocale(chosen) ? chosen : 'en';
}
