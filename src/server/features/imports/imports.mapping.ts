import { createContactBody } from '../../../shared/schemas/contact.js';
import { createPartnerBody } from '../../../shared/schemas/partner.js';
import { CONTACT_ROLES, IMPORTANCE, PARTNER_STATUSES, PARTNER_TYPES } from '../../../shared/partners.js';
import en from '../../../shared/i18n/en/index.js';
import de from '../../../shared/i18n/de/index.js';
import { IMPORT_FIELDS, type ImportDefaults, type ImportField, type ImportKind } from '../../../shared/schemas/import.js';
import type { IssueLike } from '../../../shared/i18n/issues.js';
import type { Msg } from '../../lib/errors.js';

/** Headers compare without case, spaces or punctuation: "Company Domain Name" = "company_domain_name". */
export const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Column names of the exports people bring: HubSpot's, Salesforce's and the app's own (English and
 * German headers). The first field that names a header wins; a field is proposed for one column only.
 */
const SYNONYMS: Record<ImportKind, Partial<Record<ImportField, string[]>>> = {
  partners: {
    name: ['Company name', 'Account Name', 'Name', 'Partner', 'Firmenname', 'Firma'],
    legalName: ['Legal name', 'Legal Name', 'Rechtlicher Name', 'Firmenbezeichnung'],
    website: ['Website URL', 'Website', 'Web site', 'URL', 'Webseite'],
    domain: ['Company Domain Name', 'Domain', 'Web domain', 'Domäne'],
    country: ['Country/Region', 'Billing Country', 'Country', 'Land', 'Shipping Country'],
    description: ['Description', 'About Us', 'Beschreibung'],
    types: ['Types', 'Type', 'Partner type', 'Partner types', 'Typ', 'Typen', 'Partnertyp'],
    status: ['Status', 'Partner status'],
    importance: ['Importance', 'Wichtigkeit', 'Bedeutung'],
    tags: ['Tags', 'Schlagwörter'],
    regions: ['Regions', 'Region', 'Regionen'],
    industries: ['Industries', 'Industry', 'Branche', 'Branchen'],
  },
  contacts: {
    partner: ['Associated Company', 'Company name', 'Company', 'Account Name', 'Partner', 'Firma'],
    firstName: ['First Name', 'First name', 'Vorname'],
    lastName: ['Last Name', 'Last name', 'Nachname'],
    title: ['Job Title', 'Title', 'Funktion', 'Titel', 'Position'],
    role: ['Role', 'Rolle'],
    email: ['Email', 'E-mail', 'Email Address', 'E-Mail'],
    phone: ['Phone Number', 'Phone', 'Mobile Phone Number', 'Mobile', 'Telefon'],
    location: ['Location', 'City', 'Mailing City', 'Ort', 'Standort'],
    notes: ['Notes', 'Description', 'Notizen'],
  },
};

/** A mapping proposed from a header: each column the field its name is known for, or null. */
export function proposeMapping(kind: ImportKind, header: readonly string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  const known = Object.entries(SYNONYMS[kind]).map(([field, names]) => [field as ImportField, new Set(names.map(normaliseHeader))] as const);
  return header.map((h) => {
    const n = normaliseHeader(h);
    const hit = known.find(([field, names]) => !taken.has(field) && names.has(n));
    if (!hit) return null;
    taken.add(hit[0]);
    return hit[0];
  });
}

// -- cells to a create body ----------------------------------------------------------------------

const displayNames = ['en', 'de', 'fr', 'it'].map((l) => new Intl.DisplayNames([l], { type: 'region' }));
let countryByName: Map<string, string> | undefined;
/** Country names in English, German, French and Italian to ISO codes, from the runtime's ICU data. */
function countryCodeOf(value: string): string {
  if (/^[A-Za-z]{2}$/.test(value)) return value.toUpperCase();
  if (!countryByName) {
    countryByName = new Map([
      ['usa', 'US'],
      ['uk', 'GB'],
    ]);
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        for (const names of displayNames) {
          const name = names.of(code);
          if (name && name !== code) countryByName.set(name.toLowerCase(), code);
        }
      }
    }
  }
  return countryByName.get(value.toLowerCase()) ?? value;
}

const enumKey = (v: string) => v.toLowerCase().replace(/[^a-z0-9]+/g, '');
function enumOf(value: string, values: readonly string[], labels: Record<string, readonly string[]> = {}): string {
  const k = enumKey(value);
  return values.find((v) => enumKey(v) === k || labels[v]?.some((l) => enumKey(l) === k)) ?? value;
}

/** An enum's words in every language the app exports in, so a file it exported in English or German reads back. */
function wordsOf(pick: (catalogue: typeof en) => Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const catalogue of [en, de as unknown as typeof en]) for (const [value, label] of Object.entries(pick(catalogue))) (out[value] ??= []).push(label);
  return out;
}
const TYPE_WORDS = wordsOf((c) => c.partners.type);
const STATUS_WORDS = wordsOf((c) => c.partners.status);
const IMPORTANCE_WORDS = wordsOf((c) => c.partners.importance);
const ROLE_WORDS = wordsOf((c) => c.contacts.role);
const list = (value: string) =>
  value
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter(Boolean);
const withScheme = (v: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `https://${v}`);

/** The web domain of a website or domain cell, without "www.": what duplicates compare. */
export function domainOf(v: string | null | undefined): string | null {
  if (!v) return null;
  const host = v
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[:/?#].*$/, '')
    .replace(/^www\./, '');
  return host || null;
}

const LEGAL_FORMS = /\b(ag|gmbh|sa|sarl|sàrl|inc|ltd|llc|corp|corporation|co|plc|bv|nv|se|kg|oy|ab|as|limited|incorporated|company)\b\.?/g;
/** A company name without case, punctuation and legal form: "ACME Cloud AG" → "acme cloud". */
export const normaliseName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[.,&'"()/-]+/g, ' ')
    .replace(LEGAL_FORMS, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** One field's problem in a row: a zod issue (worded in the reader's language) or a catalogue message. */
export interface StoredError {
  field: string | null;
  issue?: IssueLike;
  message?: string | Msg;
}

export interface Judged {
  values: Record<string, unknown> | null;
  keys: Record<string, string | null>;
  errors: StoredError[];
}

const ISSUE_KEYS = ['code', 'message', 'origin', 'expected', 'format', 'minimum', 'maximum', 'inclusive', 'values', 'keys', 'divisor'] as const;
const storedIssue = (i: Record<string, unknown>): IssueLike => Object.fromEntries(ISSUE_KEYS.filter((k) => i[k] !== undefined).map((k) => [k, i[k]])) as IssueLike;
/** Contacts are validated before their partner is looked up; this stands in for its id. */
const SOME_PARTNER = '00000000-0000-4000-8000-000000000000';

/** The mapped fields of a row as the create body would take them, before validation. */
function rawValues(kind: ImportKind, mapping: readonly (string | null)[], cells: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  mapping.forEach((field, i) => {
    const cell = (cells[i] ?? '').trim();
    if (!field || !cell || out[field] !== undefined) return;
    switch (field) {
      case 'website':
        out.website = withScheme(cell);
        break;
      case 'domain':
        out.domain = withScheme(cell);
        break;
      case 'country':
        out.country = countryCodeOf(cell);
        break;
      case 'types':
        out.types = list(cell).map((t) => enumOf(t, PARTNER_TYPES, TYPE_WORDS));
        break;
      case 'tags':
      case 'regions':
      case 'industries':
        out[field] = list(cell);
        break;
      case 'role':
        out.role = enumOf(cell, CONTACT_ROLES, ROLE_WORDS);
        break;
      case 'status':
        out.status = enumOf(cell, PARTNER_STATUSES, STATUS_WORDS);
        break;
      case 'importance':
        out.importance = enumOf(cell, IMPORTANCE, IMPORTANCE_WORDS);
        break;
      default:
        out[field] = cell;
    }
  });
  if (kind === 'partners' && out.domain !== undefined) {
    out.website ??= out.domain;
    delete out.domain;
  }
  return out;
}

/** Validates one row with the shared create body, so an import follows the same rules as the forms. */
export function judgeRow(kind: ImportKind, mapping: readonly (string | null)[], defaults: ImportDefaults, cells: readonly string[]): Judged {
  const raw = rawValues(kind, mapping, cells);
  const errors: StoredError[] = [];
  if (kind === 'partners') {
    const body = { ...defaults, ...raw };
    const parsed = createPartnerBody.safeParse(body);
    const keys = { domain: domainOf(raw.website as string | undefined), name: typeof raw.name === 'string' ? normaliseName(raw.name) : null };
    if (!parsed.success) for (const i of parsed.error.issues) errors.push({ field: String(i.path[0] ?? '') || null, issue: storedIssue(i as never) });
    return { values: parsed.success ? (parsed.data as Record<string, unknown>) : null, keys, errors };
  }
  const { partner, ...fields } = raw;
  const parsed = createContactBody.safeParse({ ...fields, partnerId: SOME_PARTNER });
  if (!partner) errors.push({ field: 'partner', message: { key: 'imports.partnerRequired' } });
  if (!parsed.success) for (const i of parsed.error.issues) errors.push({ field: String(i.path[0] ?? '') || null, issue: storedIssue(i as never) });
  const data = parsed.success ? (({ partnerId: _, ...rest }) => rest)(parsed.data) : null;
  const fullName = [raw.firstName, raw.lastName]
    .filter((v) => typeof v === 'string')
    .join(' ')
    .toLowerCase();
  const keys = {
    email: data?.email ?? null,
    name: fullName || null,
    partner: typeof partner === 'string' ? partner.toLowerCase() : null,
    partnerName: typeof partner === 'string' ? partner : null,
  };
  return { values: errors.length ? null : (data as Record<string, unknown>), keys, errors };
}

/** The fields an update of a duplicate takes from the row: those of mapped columns, never the defaults. */
export function mappedFields(kind: ImportKind, mapping: readonly (string | null)[]): string[] {
  const fields = new Set<string>(mapping.filter((f): f is string => !!f && (IMPORT_FIELDS[kind] as readonly string[]).includes(f)));
  if (fields.delete('domain')) fields.add('website');
  fields.delete('partner');
  return [...fields];
}
