import { LINK_KEYS, type Direction, type Importance, type PartnerStatus, type PartnerType } from '../../../shared/partners.js';
import { z } from 'zod';
import type { SchemaForm } from '../../components/useSchemaForm.js';
import { fieldMessage, i18n } from '../../i18n.js';
import { createPartnerBody, type CreatePartnerBody, type Partner, type UpdatePartnerBody } from '../../../shared/schemas/partner.js';

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

/** The fields' names in the current language, also the words of their messages ("Name is required"). */
export const partnerFieldLabels = (): Partial<Record<keyof PartnerFormValues & string, string>> => ({
  ...i18n.t('partners:field', { returnObjects: true }),
  ...i18n.t('partners:link', { returnObjects: true }),
});

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

/** The form's schema: its values become the create body, checked by the shared schema; the parsed body is what is sent. */
export const partnerFormSchema = z.custom<PartnerFormValues>().transform(toBody).pipe(createPartnerBody);
export type PartnerBody = z.output<typeof partnerFormSchema>;

/** `links.portal` → `portal`: the form field of a message about a link. */
export const fieldOf = (path: string) => path.replace(/^links\./, '');

/** What the schema cannot check: the status note is not part of the body. */
export const validateNote = (v: PartnerFormValues) => ({
  statusNote: v.statusNote.length > STATUS_NOTE_MAX ? fieldMessage({ code: 'too_big', origin: 'string', maximum: STATUS_NOTE_MAX }) : undefined,
});

/** Only what changed between two parsed bodies, with the version edited; a status change carries its note. */
export function toPatch(before: PartnerBody, after: PartnerBody, statusNote: string, version: number): UpdatePartnerBody {
  const patch: Record<string, unknown> = { version };
  for (const [k, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[k])) patch[k] = value;
  }
  if ('status' in patch && text(statusNote)) patch.statusNote = text(statusNote);
  return patch as UpdatePartnerBody;
}

export type PartnerSchemaForm = SchemaForm<PartnerFormValues, PartnerBody>;
