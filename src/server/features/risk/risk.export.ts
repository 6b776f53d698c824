import type { tFor } from '../../i18n.js';
import type { RiskOverviewItem, RiskOverviewQuery } from '../../../shared/schemas/risk.js';
import type { DbOrTx } from '../../db/client.js';
import { dayCell, type ExportColumn } from '../../lib/table-export.js';
import { riskOverview } from './risk.read.js';

/**
 * The supplier-risk overview's columns in the reader's language, with the words of its table; the
 * badges beside a partner's name and its next review (a draft in progress, an overdue review) are
 * columns of their own, so a spreadsheet can filter on them.
 */
export function riskOverviewColumns(t: ReturnType<typeof tFor>): ExportColumn<RiskOverviewItem>[] {
  return [
    { key: 'partner', header: t('risk:overview.column.partner'), value: (i) => i.partner.name },
    { key: 'draft', header: t('risk:overview.draft'), value: (i) => (i.hasDraft ? t('common:state.yes') : t('common:state.no')) },
    { key: 'rating', header: t('risk:overview.column.rating'), value: (i) => (i.rating ? t(`risk:rating.${i.rating}`) : t('risk:notAssessed')) },
    { key: 'score', header: t('risk:overview.column.scorePercent'), value: (i) => i.scorePercent },
    { key: 'nextReview', header: t('risk:overview.column.nextReview'), value: (i) => dayCell(i.reviewDueOn) },
    { key: 'overdue', header: t('risk:badge.overdue'), value: (i) => (i.overdue ? t('common:state.yes') : t('common:state.no')) },
    { key: 'approved', header: t('risk:overview.column.approved'), value: (i) => (i.approvedAt ? new Date(i.approvedAt) : null) },
    { key: 'owner', header: t('risk:overview.column.owner'), value: (i) => i.owner?.name ?? '' },
  ];
}

/** Every partner the overview's filters match, in its order: the overview's own read, without the page's cap. */
export const exportRiskOverview = async (db: DbOrTx, q: RiskOverviewQuery, now: Date = new Date()) => (await riskOverview(db, q, now, null)).items;
