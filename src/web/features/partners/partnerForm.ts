import { LINK_KEYS, type Direction, type Importance, type PartnerStatus, type PartnerType } from '../../../shared/partners.js';
import { createPartnerBody, type CreatePartnerBody, type Partner, type UpdatePartnerBody } from '../../../shared/schemas/partner.js';
import { ApiError } from '../../api.js';

type LinkKey = (typeof LINK_KEYS)[number];

/** The form's values: text fields as strings ('' is "not recorded"), links flattened to fields. */
export interface PartnerFormValues extends Record<LinkKey, string> {
  [key: string]: unknown;
  name: string;
  legalName: string;
  website: string;
  country: string | null;
  description: string;
  logoUrl: string;
  types: PartnerType[];
  status: PartnerStatus;
  importance: Importance;
  ownerId: string | null;
  tags: string[];
  strategy: string;
  regions: string[];
  industries: string[];
  valueWeBring: string;
  valueTheyBring: string;
  directions: Direction[];
  productIds: string[];
  pricingNotes: string;
  statusNote: string;
  /** Days between contacts; '' takes the default for the partner's importance. */
  contactIntervalDays: number | string;
}

export const STATUS_NOTE_MAX = 500;

export const FIELD_LABELS: Partial<Record<keyof PartnerFormValues & string, string>> = {
  name: 'Name',
  legalName: 'Legal name',
  website: 'Website',
  country: 'Country',
  description: 'Description',
  logoUrl: 'Logo URL',
  types: 'Types',
  status: 'Status',
  importance: 'Importance',
  ownerId: 'Owner',
  tags: 'Tags',
  strategy: 'Strategy',
  regions: 'Regions',
  industries: 'Industries',
  valueWeBring: 'What we bring them',
  valueTheyBring: 'What they bring us',
  directions: 'Directions',
  productIds: 'Products',
  pricingNotes: 'Notes',
  contactIntervalDays: 'Contact interval',
  portal: 'Partner portal',
  brandGuidelines: 'Brand guidelines',
  prGuidelines: 'PR guidelines',
  priceList: 'Price list',
  statusNote: 'Note',
};

export function emptyValues(ownerId: string | null): PartnerFormValues {
  return {
    name: '',
    legalName: '',
    website: '',
    country: null,
    description: '',
    logoUrl: '',
    types: [],
    status: 'prospect',
    importance: 'standard',
    ownerId,
    tags: [],
    strategy: '',
    regions: [],
    industries: [],
    valueWeBring: '',
    valueTheyBring: '',
    directions: [],
    productIds: [],
    pricingNotes: '',
    portal: '',
    brandGuidelines: '',
    prGuidelines: '',
    priceList: '',
    statusNote: '',
    contactIntervalDays: '',
  };
}

export function valuesOf(p: Partner): PartnerFormValues {
  return {
    name: p.name,
    legalName: p.legalName ?? '',
    website: p.website ?? '',
    country: p.country,
    description: p.description ?? '',
    logoUrl: p.logoUrl ?? '',
    types: p.types,
    status: p.status,
    importance: p.importance,
    ownerId: p.owner?.id ?? null,
    tags: p.tags,
    strategy: p.strategy ?? '',
    regions: p.regions,
    industries: p.industries,
    valueWeBring: p.valueWeBring ?? '',
    valueTheyBring: p.valueTheyBring ?? '',
    directions: p.directions,
    productIds: p.products.map((x) => x.id),
    pricingNotes: p.pricingNotes ?? '',
    portal: p.links.portal ?? '',
    brandGuidelines: p.links.brandGuidelines ?? '',
    prGuidelines: p.links.prGuidelines ?? '',
    priceList: p.links.priceList ?? '',
    statusNote: '',
    contactIntervalDays: p.contactIntervalDays ?? '',
  };
}

const text = (v: string) => (v.trim() ? v.trim() : null);

/** The create body; `null` for every text left empty. */
export function toBody(v: PartnerFormValues): CreatePartnerBody {
  return {
    name: v.name.trim(),
    legalName: text(v.legalName),
    website: text(v.website),
    country: v.country || null,
    description: text(v.description),
    logoUrl: text(v.logoUrl),
    types: v.types,
    status: v.status,
    importance: v.importance,
    ownerId: v.ownerId || null,
    tags: v.tags,
    strategy: text(v.strategy),
    regions: v.regions,
    industries: v.industries,
    valueWeBring: text(v.valueWeBring),
    valueTheyBring: text(v.valueTheyBring),
    directions: v.directions,
    pricingNotes: text(v.pricingNotes),
    links: Object.fromEntries(LINK_KEYS.map((k) => [k, text(v[k])])),
    productIds: v.productIds,
    contactIntervalDays: v.contactIntervalDays === '' ? null : Number(v.contactIntervalDays),
  };
}

/** Only what changed, with the version edited; a status change carries its note. */
export function toPatch(initial: PartnerFormValues, v: PartnerFormValues, version: number): UpdatePartnerBody {
  const before = toBody(initial) as Record<string, unknown>;
  const after = toBody(v) as Record<string, unknown>;
  const patch: Record<string, unknown> = { version };
  for (const [k, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[k])) patch[k] = value;
  }
  if ('status' in patch && text(v.statusNote)) patch.statusNote = text(v.statusNote);
  return patch as UpdatePartnerBody;
}

/** `links.portal` → `portal`, `types.0` → `types`: the form field a message belongs to. */
export const fieldOf = (path: (string | number | symbol)[]) => String(path[0] === 'links' ? path[1] : (path[0] ?? ''));

/** The shared schema's verdict on the form, as messages per field. */
export function validate(v: PartnerFormValues): Partial<Record<string, string>> {
  const out: Record<string, string> = {};
  const r = createPartnerBody.safeParse(toBody(v));
  if (!r.success) {
    for (const issue of r.error.issues) {
      const f = fieldOf(issue.path);
      if (f && !out[f]) out[f] = f === 'name' && !v.name.trim() ? 'is required' : issue.message;
    }
  }
  if (v.statusNote.length > STATUS_NOTE_MAX) out.statusNote = `must be at most ${STATUS_NOTE_MAX} characters`;
  return out;
}

/** A failed save's field messages on their fields (`body.links.portal` → `portal`); the rest for above the form. */
export function serverFieldErrors(e: unknown): { fields: Record<string, string>; rest: boolean } {
  const fields: Record<string, string> = {};
  let rest = false;
  if (!(e instanceof ApiError)) return { fields, rest: true };
  for (const err of e.problem.errors ?? []) {
    const parts = err.path.replace(/^body\.?/, '').split('.');
    const f = fieldOf(parts);
    if (f && f in FIELD_LABELS) {
      if (!fields[f]) fields[f] = err.message;
    } else rest = true;
  }
  if (!e.problem.errors?.length) rest = true;
  return { fields, rest };
}
