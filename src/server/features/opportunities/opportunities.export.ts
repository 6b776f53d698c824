import type { tFor } from '../../i18n.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';
import { allPages, dayCell, type ExportColumn } from '../../lib/table-export.js';
import type { ListOpportunitiesQuery, Opportunity } from '../../../shared/schemas/opportunity.js';
import { listOpportunities } from './opportunities.read.js';

type T = ReturnType<typeof tFor>;
// CHF, EUR and USD all have two decimals: a spreadsheet gets major units as numbers it can add up.
const major = (minor: number) => minor / 100;

/** A stage as people read it: an administrator's own name, else the catalogue's word for a default key. */
export const stageLabel = (t: T, s: { key: string; name: string | null }) => s.name ?? t(`deals:stage.${s.key}` as 'deals:stage.qualify', { defaultValue: s.key });

/** The deal list's columns in the reader's language. */
export function opportunityColumns(t: T): ExportColumn<Opportunity>[] {
  return [
    { key: 'title', header: t('deals:field.title'), value: (o) => o.title },
    { key: 'customer', header: t('deals:field.customer'), value: (o) => o.customer.name },
    { key: 'customerDomain', header: t('deals:field.customerDomain'), value: (o) => o.customer.domain },
    { key: 'partners', header: t('deals:field.partners'), value: (o) => o.partners.map((p) => `${p.name} (${t(`deals:role.${p.role}`)})`).join(', ') },
    { key: 'products', header: t('deals:field.products'), value: (o) => o.products.map((p) => p.name).join(', ') },
    { key: 'stage', header: t('deals:field.stage'), value: (o) => stageLabel(t, o.stage) },
    { key: 'probability', header: t('deals:field.probability'), value: (o) => o.stage.probability },
    { key: 'currency', header: t('deals:field.currency'), value: (o) => o.currency },
    { key: 'oneOff', header: t('deals:field.oneOff'), value: (o) => major(o.oneOffMinor) },
    { key: 'mrr', header: t('deals:field.mrr'), value: (o) => major(o.mrrMinor) },
    { key: 'arr', header: t('deals:field.arr'), value: (o) => major(o.arrMinor) },
    { key: 'value', header: t('deals:field.value'), value: (o) => major(o.valueMinor) },
    { key: 'weighted', header: t('deals:field.weighted'), value: (o) => major(o.weightedMinor) },
    { key: 'expectedCloseOn', header: t('deals:field.expectedClose'), value: (o) => dayCell(o.expectedCloseOn) },
    { key: 'closedOn', header: t('deals:field.closedOn'), value: (o) => dayCell(o.closedOn) },
    { key: 'owner', header: t('deals:field.owner'), value: (o) => o.owner?.name ?? '' },
    { key: 'nextStep', header: t('deals:field.nextStep'), value: (o) => o.nextStep },
    { key: 'nextStepDueOn', header: t('deals:field.nextStepDue'), value: (o) => dayCell(o.nextStepDueOn) },
    { key: 'lostReason', header: t('deals:field.lostReason'), value: (o) => o.lostReason },
    { key: 'archived', header: t('deals:list.archived'), value: (o) => (o.archivedAt ? t('common:state.yes') : t('common:state.no')) },
  ];
}

/** Every deal the list's filters match, in its order, read through the list's own query a page at a time. */
export async function* exportOpportunities(db: Db, q: Omit<ListOpportunitiesQuery, 'page' | 'pageSize'>, actor: Actor): AsyncGenerator<Opportunity> {
  for await (const page of allPages((page, pageSize) => listOpportunities(db, { ...q, page, pageSize }, actor))) yield* page;
}
