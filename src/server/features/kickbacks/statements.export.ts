import type { tFor } from '../../i18n.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';
import { allPages, dayCell, type ExportColumn } from '../../lib/table-export.js';
import type { CommissionLine, ListStatementsQuery, Statement } from '../../../shared/schemas/kickback.js';
import { listStatements } from './statements.service.js';

type T = ReturnType<typeof tFor>;
// Amounts in major units as numbers (12500.5 for CHF 12 500.50), so a spreadsheet adds them up; CHF, EUR and USD all have 2 decimals.
const major = (minor: number | null) => (minor === null ? null : minor / 100);

/** The statements list's columns in the reader's language. */
export function statementColumns(t: T): ExportColumn<Statement>[] {
  return [
    { key: 'partner', header: t('kickbacks:statement.partner'), value: (s) => s.partner.name },
    { key: 'periodStart', header: t('kickbacks:statement.periodStart'), value: (s) => dayCell(s.periodStart) },
    { key: 'periodEnd', header: t('kickbacks:statement.periodEnd'), value: (s) => dayCell(s.periodEnd) },
    { key: 'status', header: t('kickbacks:statement.status'), value: (s) => t(`kickbacks:status.${s.status}`) },
    { key: 'total', header: t('kickbacks:statement.total'), value: (s) => major(s.totalMinor) },
    { key: 'currency', header: t('kickbacks:statement.currency'), value: (s) => s.currency },
    { key: 'lines', header: t('kickbacks:statement.lineCount'), value: (s) => s.lineCount },
    { key: 'paidOn', header: t('kickbacks:statement.paidOn'), value: (s) => dayCell(s.paidOn) },
    { key: 'paymentReference', header: t('kickbacks:statement.paymentReference'), value: (s) => s.paymentReference },
  ];
}

export async function* exportStatements(db: Db, q: Omit<ListStatementsQuery, 'page' | 'pageSize'>, actor: Actor): AsyncGenerator<Statement> {
  for await (const page of allPages((page, pageSize) => listStatements(db, { ...q, page, pageSize }, actor))) yield* page;
}

/** One statement's lines, as the PDF lists them. */
export function lineColumns(t: T): ExportColumn<CommissionLine>[] {
  return [
    { key: 'earnedOn', header: t('kickbacks:line.earnedOn'), value: (l) => dayCell(l.earnedOn) },
    { key: 'opportunity', header: t('kickbacks:line.opportunity'), value: (l) => l.opportunity?.name ?? t('kickbacks:line.removedDeal') },
    { key: 'customer', header: t('kickbacks:line.customer'), value: (l) => l.customer?.name ?? '' },
    { key: 'agreement', header: t('kickbacks:line.agreement'), value: (l) => l.agreement.name },
    { key: 'reason', header: t('kickbacks:line.reason'), value: (l) => t(`kickbacks:reason.${l.reason}`) },
    { key: 'basis', header: t('kickbacks:line.basis'), value: (l) => t(`kickbacks:basis.${l.basis}`) },
    { key: 'basisAmount', header: t('kickbacks:line.basisAmount'), value: (l) => major(l.basisMinor) },
    // Percent as a number (2.5 for 2.5 %).
    { key: 'rate', header: t('kickbacks:line.ratePercent'), value: (l) => (l.rateBp === null ? null : l.rateBp / 100) },
    { key: 'amount', header: t('kickbacks:line.amount'), value: (l) => major(l.amountMinor) },
    { key: 'currency', header: t('kickbacks:line.currency'), value: (l) => l.currency },
  ];
}
