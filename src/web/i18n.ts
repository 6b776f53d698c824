import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { intlLocale, isLocale, pickLocale, type Locale } from '../shared/i18n/locales.js';
import { issueMessage, type IssueLike } from '../shared/i18n/issues.js';
import { WEB_NAMESPACES } from '../shared/i18n/namespaces.js';

const STORAGE_KEY = 'partnerhub.locale';

// Also imported by unit tests in Node, which has no navigator (before Node 21) and no document.
const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));

/** The language before anyone signs in: the last one chosen on this browser, else the browser's. */
function firstLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    /* storage blocked */
  }
  return pickLocale(browserLanguages().join(','));
}

export const i18n = i18next.createInstance();

// Each namespace is its own chunk, fetched when a page first asks for it (react-i18next suspends
// until then); the router's Suspense boundaries show the page's loader meanwhile.
i18n.use(initReactI18next).use(resourcesToBackend((lng: string, ns: string) => import(`../shared/i18n/${lng}/${ns}.ts`)));

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

/**
 * Loads the first language with the namespaces every page needs; the app renders after it. The
 * other namespaces follow in the background at once (small chunks, in parallel), so a page does not
 * wait for its words after its code: without this each page's first visit paid one more round trip.
 */
export async function initI18n() {
  await i18n.init({
    lng: firstLocale(),
    fallbackLng: 'en',
    supportedLngs: ['en', 'de'],
    ns: ['common', 'validation'],
    defaultNS: 'common',
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
    // A page that reads another namespace's words (a contract clause on the risk page) re-renders when that
    // namespace arrives, instead of keeping the fallback language's words it found first.
    react: { useSuspense: true, bindI18nStore: 'added' },
  });
  void i18n.loadNamespaces([...WEB_NAMESPACES]);
}

export const currentLocale = (): Locale => (isLocale(i18n.language) ? i18n.language : 'en');

/** Switches the language (a user's choice, or their stored one after sign-in) and remembers it on this browser. */
export async function switchLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* storage blocked */
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/** The Intl locale for dates, numbers and money in the current language. */
export const formatLocale = () => intlLocale(currentLocale(), browserLanguages());

const tAny = i18n.t.bind(i18n) as unknown as (key: string, options?: Record<string, unknown>) => string;

/** A field message (a zod issue from a form's schema) in the current language. */
export const fieldMessage = (issue: IssueLike) => issueMessage(issue, (key, values) => tAny(key, { ...values, ns: 'validation', keySeparator: false, nsSeparator: false }));
