import {
  DIRECTIONS,
  IMPORTANCE,
  LINK_KEYS,
  PARTNER_STATUSES,
  PARTNER_TYPES,
  type Direction,
  type Importance,
  type PartnerLinkKind,
  type PartnerStatus,
  type PartnerType,
} from '../../../shared/partners.js';
import { formatLocale, i18n } from '../../i18n.js';

type LinkKey = (typeof LINK_KEYS)[number];

// Words and colours the partner pages show for the shared enums. The enums themselves live in
// src/shared/partners.ts; their words in the partners catalogue, read when shown (the language can change).

// Other features show these words too: their namespace loads with this module, before they render.
void i18n.loadNamespaces('partners');

export const typeLabel = (t: PartnerType) => i18n.t(`partners:type.${t}`, { defaultValue: t });
export const statusLabel = (s: PartnerStatus) => i18n.t(`partners:status.${s}`, { defaultValue: s });
export const importanceLabel = (i: Importance) => i18n.t(`partners:importance.${i}`, { defaultValue: i });
export const directionLabel = (d: Direction) => i18n.t(`partners:direction.${d}`, { defaultValue: d });
export const linkLabel = (k: LinkKey) => i18n.t(`partners:link.${k}`);

/** A record whose values are looked up when read, so that existing `LABELS[value]` reads follow the language. */
function wordsOf<K extends string>(keys: readonly K[], word: (k: K) => string): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) Object.defineProperty(out, k, { get: () => word(k), enumerable: true });
  return out;
}

export const STATUS_LABELS = wordsOf(PARTNER_STATUSES, statusLabel);
export const STATUS_DESCRIPTIONS = wordsOf(PARTNER_STATUSES, (s) => i18n.t(`partners:statusDescription.${s}`));
export const STATUS_COLORS: Record<PartnerStatus, string> = {
  prospect: 'gray',
  onboarding: 'indigo',
  active: 'teal',
  paused: 'yellow',
  offboarded: 'red',
};

export const IMPORTANCE_LABELS = wordsOf(IMPORTANCE, importanceLabel);
export const IMPORTANCE_DESCRIPTIONS = wordsOf(IMPORTANCE, (i) => i18n.t(`partners:importanceDescription.${i}`));
export const IMPORTANCE_COLORS: Record<Importance, string> = { strategic: 'grape', key: 'indigo', standard: 'gray' };

export const LINK_LABELS = wordsOf(LINK_KEYS, linkLabel);

/** How a link between two partners reads from either end ("Distributor of", "Represented by"). */
export const relationLabel = (kind: PartnerLinkKind, direction: 'outgoing' | 'incoming') => i18n.t(`partners:relation.${kind}.${direction}`, { defaultValue: kind });
/** The same inside a sentence ("distributor of Kubeforge"). */
export const relationInSentence = (kind: PartnerLinkKind, direction: 'outgoing' | 'incoming') => i18n.t(`partners:relationInSentence.${kind}.${direction}`, { defaultValue: kind });

const options =
  <V extends string>(values: readonly V[], label: (v: V) => string) =>
  () =>
    values.map((value) => ({ value, label: label(value) }));
export const typeOptions = options(PARTNER_TYPES, typeLabel);
export const statusOptions = options(PARTNER_STATUSES, statusLabel);
export const importanceOptions = options(IMPORTANCE, importanceLabel);
export const directionOptions = options(DIRECTIONS, directionLabel);
/** For other features' pickers: each label is read when shown. */
export const TYPE_OPTIONS = PARTNER_TYPES.map((value) => ({
  value,
  get label() {
    return typeLabel(value);
  },
}));

const regionNames = new Map<string, Intl.DisplayNames | null>();
function regionNamesIn(locale: string) {
  if (!regionNames.has(locale)) regionNames.set(locale, typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(locale, { type: 'region' }) : null);
  return regionNames.get(locale)!;
}

/** "CH" → "Switzerland" in the chosen language. */
export const countryLabel = (code: string | null | undefined) => {
  if (!code) return '';
  try {
    return regionNamesIn(formatLocale())?.of(code) ?? code;
  } catch {
    return code;
  }
};

const countries = new Map<string, { value: string; label: string }[]>();
/** Every ISO 3166-1 country the browser knows a name for, sorted by that name in the chosen language. */
export function countryOptions() {
  const locale = formatLocale();
  const known = countries.get(locale);
  if (known) return known;
  const out: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = countryLabel(code);
      // Unknown codes come back unchanged; "EU", "UN", "ZZ"… are not countries.
      if (name && name !== code && !NOT_COUNTRIES.has(code)) out.push({ value: code, label: name });
    }
  }
  out.sort((x, y) => x.label.localeCompare(y.label, locale));
  countries.set(locale, out);
  return out;
}
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA', 'CQ']);
