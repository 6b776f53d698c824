import { z } from 'zod';
import type { DealCurrency, DealPartnerRole } from '../../../shared/deals.js';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { createOpportunityBody, updateOpportunityBody, type Opportunity } from '../../../shared/schemas/opportunity.js';
import { i18n } from '../../i18n.js';
import { majorToMinor, minorToMajor } from '../../lib/format.js';

export interface PartnerRow {
  partnerId: string | null;
  partner: PartnerSummary | null;
  role: DealPartnerRole;
}

export interface OpportunityValues extends Record<string, unknown> {
  title: string;
  /** An existing customer (picked) or a new one (name, domain, country typed here). */
  customerMode: 'existing' | 'new';
  customerId: string | null;
  customerName: string;
  customerDomain: string;
  customerCountry: string | null;
  /** Only when adding: an existing deal's partners change on its page. */
  partners: PartnerRow[];
  productIds: string[];
  currency: DealCurrency;
  /** Amounts in major units as typed (12500.50); sent as minor units. */
  oneOff: number | string;
  mrr: number | string;
  /** Only when adding: an existing deal moves on the board or its page. */
  stage: string | null;
  expectedCloseOn: string | null;
  ownerId: string | null;
  nextStep: string;
  nextStepDueOn: string | null;
  lostReason: string;
  notes: string;
}

/** A new deal's partner role when nobody has said otherwise. */
export const DEFAULT_ROLE: DealPartnerRole = 'co_sell';

export function valuesOf(o: Opportunity | null, defaults: { ownerId: string; partner?: PartnerSummary | null; stage?: string | null }): OpportunityValues {
  if (!o) {
    return {
      title: '',
      customerMode: 'existing',
      customerId: null,
      customerName: '',
      customerDomain: '',
      customerCountry: null,
      partners: [{ partnerId: defaults.partner?.id ?? null, partner: defaults.partner ?? null, role: DEFAULT_ROLE }],
      productIds: [],
      currency: 'CHF',
      oneOff: '',
      mrr: '',
      stage: defaults.stage ?? null,
      expectedCloseOn: null,
      ownerId: defaults.ownerId,
      nextStep: '',
      nextStepDueOn: null,
      lostReason: '',
      notes: '',
    };
  }
  return {
    title: o.title,
    customerMode: 'existing',
    customerId: o.customer.id,
    customerName: '',
    customerDomain: '',
    customerCountry: null,
    partners: [],
    productIds: o.products.map((p) => p.id),
    currency: o.currency,
    oneOff: o.oneOffMinor ? minorToMajor(o.oneOffMinor, o.currency) : '',
    mrr: o.mrrMinor ? minorToMajor(o.mrrMinor, o.currency) : '',
    stage: o.stage.key,
    expectedCloseOn: o.expectedCloseOn,
    ownerId: o.owner?.id ?? null,
    nextStep: o.nextStep ?? '',
    nextStepDueOn: o.nextStepDueOn,
    lostReason: o.lostReason ?? '',
    notes: o.notes ?? '',
  };
}

/** The one place typed amounts become minor units: empty is 0, text that is no amount stays NaN for the schema to refuse. */
const amountOf = (v: number | string, currency: DealCurrency) => majorToMinor(v, currency) ?? 0;

const customerOf = (v: OpportunityValues) =>
  v.customerMode === 'existing' ? { id: v.customerId ?? undefined } : { name: v.customerName.trim(), domain: v.customerDomain.trim() || null, country: v.customerCountry || null };

/** The fields every form sends, as the API names them. */
function commonBody(v: OpportunityValues) {
  return {
    title: v.title.trim(),
    customer: customerOf(v),
    productIds: v.productIds,
    oneOffMinor: amountOf(v.oneOff, v.currency),
    mrrMinor: amountOf(v.mrr, v.currency),
    currency: v.currency,
    expectedCloseOn: v.expectedCloseOn ?? '',
    ownerId: v.ownerId,
    nextStep: v.nextStep.trim() || null,
    nextStepDueOn: v.nextStepDueOn,
    notes: v.notes.trim() || null,
  };
}

export const createFormSchema = z
  .custom<OpportunityValues>()
  .transform((v): z.input<typeof createOpportunityBody> => ({
    ...commonBody(v),
    partners: v.partners.map((p) => ({ partnerId: p.partnerId ?? '', role: p.role })),
    stage: v.stage ?? undefined,
    lostReason: v.lostReason.trim() || null,
  }))
  .pipe(createOpportunityBody);

/** Editing: the same fields without partners and stage (those change on the deal's page and the board). */
export const editFormSchema = z
  .custom<OpportunityValues>()
  .transform((v): Omit<z.input<typeof updateOpportunityBody>, 'version'> => ({ ...commonBody(v), lostReason: v.lostReason.trim() || null }))
  .pipe(updateOpportunityBody.omit({ version: true }));

/** A message's path in the request body → the form field that shows it. */
export function fieldOf(path: string): string {
  if (path === 'customer' || path === 'customer.id') return 'customerId';
  const m = /^customer\.(name|domain|country)$/.exec(path);
  if (m) return `customer${m[1]!.charAt(0).toUpperCase()}${m[1]!.slice(1)}`;
  if (path === 'oneOffMinor') return 'oneOff';
  if (path === 'mrrMinor') return 'mrr';
  return path;
}

/** The checks the body's schema cannot word for a person typing major units. */
export function validate(v: OpportunityValues, adding: boolean, stageKind: string | undefined) {
  const errors: Partial<Record<string, string>> = {};
  for (const field of ['oneOff', 'mrr'] as const) {
    const minor = majorToMinor(v[field], v.currency);
    if (minor !== null && (Number.isNaN(minor) || minor < 0)) errors[field] = i18n.t('deals:form.amountInvalid');
  }
  if (v.customerMode === 'existing' && !v.customerId) errors.customerId = i18n.t('deals:form.customerMissing');
  if (!v.expectedCloseOn) errors.expectedCloseOn = i18n.t('deals:form.closeMissing');
  if (stageKind === 'lost' && !v.lostReason.trim()) errors.lostReason = i18n.t('deals:lost.reasonMissing');
  if (adding) v.partners.forEach((p, i) => !p.partnerId && (errors[`partners.${i}.partnerId`] = i18n.t('deals:form.partnerMissing')));
  return errors;
}

/** The fields' names in messages ("Title is required"), in the current language. */
export const labels = () => ({
  title: i18n.t('deals:field.title'),
  customerName: i18n.t('deals:field.customerName'),
  customerDomain: i18n.t('deals:field.customerDomain'),
  customerCountry: i18n.t('deals:field.country'),
  partners: i18n.t('deals:field.partners'),
  productIds: i18n.t('deals:field.products'),
  currency: i18n.t('deals:field.currency'),
  oneOff: i18n.t('deals:field.oneOff'),
  mrr: i18n.t('deals:field.mrr'),
  stage: i18n.t('deals:field.stage'),
  expectedCloseOn: i18n.t('deals:field.expectedClose'),
  ownerId: i18n.t('deals:field.owner'),
  nextStep: i18n.t('deals:field.nextStep'),
  nextStepDueOn: i18n.t('deals:field.nextStepDue'),
  lostReason: i18n.t('deals:field.lostReason'),
  notes: i18n.t('deals:field.notes'),
});
