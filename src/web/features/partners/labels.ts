import {
  DIRECTION_LABELS,
  DIRECTIONS,
  IMPORTANCE,
  LINK_KEYS,
  PARTNER_STATUSES,
  PARTNER_TYPE_LABELS,
  PARTNER_TYPES,
  type Importance,
  type PartnerLinkKind,
  type PartnerStatus,
} from '../../../shared/partners.js';

// Words and colours the partner pages show for the shared enums. The enums themselves live in
// src/shared/partners.ts; the web only adds how they look.

export const STATUS_LABELS: Record<PartnerStatus, string> = {
  prospect: 'Prospect',
  onboarding: 'Onboarding',
  active: 'Active',
  paused: 'Paused',
  offboarded: 'Offboarded',
};
export const STATUS_DESCRIPTIONS: Record<PartnerStatus, string> = {
  prospect: 'We are talking; nothing is signed yet',
  onboarding: 'Contracts, certifications and set-up under way',
  active: 'We do business together',
  paused: 'On hold for now',
  offboarded: 'The partnership has ended',
};
export const STATUS_COLORS: Record<PartnerStatus, string> = {
  prospect: 'gray',
  onboarding: 'indigo',
  active: 'teal',
  paused: 'yellow',
  offboarded: 'red',
};

export const IMPORTANCE_LABELS: Record<Importance, string> = { strategic: 'Strategic', key: 'Key', standard: 'Standard' };
export const IMPORTANCE_DESCRIPTIONS: Record<Importance, string> = {
  strategic: 'A bigger partner: regular planning, quarterly get-together',
  key: 'A bigger partner: regular contact and joint initiatives',
  standard: 'Business as usual',
};
export const IMPORTANCE_COLORS: Record<Importance, string> = { strategic: 'grape', key: 'indigo', standard: 'gray' };

export const LINK_LABELS: Record<(typeof LINK_KEYS)[number], string> = {
  portal: 'Partner portal',
  brandGuidelines: 'Brand guidelines',
  prGuidelines: 'PR guidelines',
  priceList: 'Price list',
};

/** How a link between two partners reads from either end. */
export const RELATION_LABELS: Record<PartnerLinkKind, { outgoing: string; incoming: string }> = {
  distributor_of: { outgoing: 'Distributor of', incoming: 'Represented by' },
  reseller_of: { outgoing: 'Reseller of', incoming: 'Resold by' },
};

export const TYPE_OPTIONS = PARTNER_TYPES.map((t) => ({ value: t, label: PARTNER_TYPE_LABELS[t] }));
export const STATUS_OPTIONS = PARTNER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
export const IMPORTANCE_OPTIONS = IMPORTANCE.map((i) => ({ value: i, label: IMPORTANCE_LABELS[i] }));
export const DIRECTION_OPTIONS = DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }));

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'region' }) : null;

/** "CH" → "Switzerland" in the browser's language. */
export const countryLabel = (code: string | null | undefined) => {
  if (!code) return '';
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
};

let countries: { value: string; label: string }[] | null = null;
/** Every ISO 3166-1 country the browser knows a name for, sorted by that name. */
export function countryOptions() {
  if (countries) return countries;
  const out: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = countryLabel(code);
      // Unknown codes come back unchanged; "EU", "UN", "ZZ"… are not countries.
      if (name && name !== code && !NOT_COUNTRIES.has(code)) out.push({ value: code, label: name });
    }
  }
  countries = out.sort((x, y) => x.label.localeCompare(y.label));
  return countries;
}
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA', 'CQ']);
