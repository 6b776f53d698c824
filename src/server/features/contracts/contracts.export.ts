import type { tFor } from '../../i18n.js';
import type { Contract, ListContractsQuery } from '../../../shared/schemas/contract.js';
import type { Db } from '../../db/client.js';
import { allPages, dayCell, type ExportColumn } from '../../lib/table-export.js';
import { listContracts } from './contracts.service.js';

/** Digits of a currency's minor unit: CHF 2, JPY 0, BHD 3. */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The contract list's columns in the reader's language: what its rows show, and the terms behind them. */
export function contractColumns(t: ReturnType<typeof tFor>): ExportColumn<Contract>[] {
  const yesNo = (v: boolean) => (v ? t('common:state.yes') : t('common:state.no'));
  return [
    { key: 'title', header: t('contracts:field.title'), value: (c) => c.title },
    { key: 'type', header: t('contracts:field.type'), value: (c) => t(`contracts:type.${c.type}`) },
    { key: 'partner', header: t('contracts:table.partner'), value: (c) => c.partner.name },
    { key: 'status', header: t('contracts:field.status'), value: (c) => t(`contracts:status.${c.status}`) },
    { key: 'parties', header: t('contracts:field.parties'), value: (c) => c.parties.join(', ') },
    { key: 'signedOn', header: t('contracts:field.signedOn'), value: (c) => dayCell(c.signedOn) },
    { key: 'startsOn', header: t('contracts:field.startsOn'), value: (c) => dayCell(c.startsOn) },
    { key: 'endsOn', header: t('contracts:field.endsOn'), value: (c) => dayCell(c.endsOn) },
    { key: 'currentTermEnd', header: t('contracts:page.currentTermEnds'), value: (c) => dayCell(c.currentTermEnd) },
    { key: 'autoRenew', header: t('contracts:field.autoRenew'), value: (c) => yesNo(c.autoRenew) },
    { key: 'renewalTermMonths', header: t('contracts:field.renewalTermMonths'), value: (c) => c.renewalTermMonths },
    {
      key: 'noticePeriod',
      header: t('contracts:field.noticePeriod'),
      value: (c) => (c.noticePeriodCount !== null && c.noticePeriodUnit ? t(`contracts:period.${c.noticePeriodUnit}`, { count: c.noticePeriodCount }) : null),
    },
    { key: 'noticeDeadline', header: t('contracts:export.noticeDeadline'), value: (c) => dayCell(c.noticeDeadline) },
    // In major units as a number (12500.5 for CHF 12 500.50), so a spreadsheet can add them up.
    { key: 'value', header: t('contracts:field.value'), value: (c) => (c.valueMinor !== null && c.currency ? c.valueMinor / 10 ** minorDigits(c.currency) : null) },
    { key: 'currency', header: t('contracts:field.currency'), value: (c) => c.currency },
    { key: 'owner', header: t('contracts:field.owner'), value: (c) => c.owner?.name ?? '' },
    { key: 'clauses', header: t('contracts:field.clauses'), value: (c) => c.clauses.map((k) => t(`contracts:clause.${k}`)).join(', ') },
    { key: 'archived', header: t('contracts:field.archived'), value: (c) => yesNo(c.archivedAt !== null) },
  ];
}

/** Every contract the list's filters match, in its order, read through the list's own query a page at a time. */
export async function* exportContracts(db: Db, q: Omit<ListContractsQuery, 'page' | 'pageSize'>, now: Date = new Date()): AsyncGenerator<Contract> {
  for await (const page of allPages((page, pageSize) => listContracts(db, { ...q, page, pageSize }, now))) yield* page;
}
