import type { contract } from '../../db/schema/index.js';
import type { ContractClause, ContractStatus, ContractType, NoticeUnit } from '../../../shared/compliance.js';
import { noticeSummary } from '../../../shared/contracts.js';
import type { Contract } from '../../../shared/schemas/contract.js';

export type ContractRow = typeof contract.$inferSelect;

export interface ContractNames {
  partnerName: string | null;
  ownerName: string | null;
}

/** `today` is the day in Europe/Zurich: the notice deadline of an auto-renewing contract moves with it. */
export function presentContract(c: ContractRow, x: ContractNames, today: string): Contract {
  const notice = noticeSummary({ ...c, noticePeriodUnit: c.noticePeriodUnit as NoticeUnit | null }, today);
  return {
    id: c.id,
    partner: { id: c.partnerId, name: x.partnerName ?? 'Removed partner' },
    type: c.type as ContractType,
    title: c.title,
    parties: c.parties,
    status: c.status as ContractStatus,
    signedOn: c.signedOn,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    autoRenew: c.autoRenew,
    renewalTermMonths: c.renewalTermMonths,
    noticePeriodCount: c.noticePeriodCount,
    noticePeriodUnit: c.noticePeriodUnit as NoticeUnit | null,
    valueMinor: c.valueMinor,
    currency: c.currency,
    owner: c.ownerId ? { id: c.ownerId, name: x.ownerName ?? 'former user' } : null,
    clauses: c.clauses as ContractClause[],
    notes: c.notes,
    noticeState: notice.state,
    currentTermEnd: notice.currentTermEnd,
    noticeDeadline: notice.noticeDeadline,
    daysToNotice: notice.daysToNotice,
    archivedAt: c.archivedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

/** What the audit trail keeps of a contract: its business fields. */
export function auditableContract(c: ContractRow) {
  const { version: _v, createdAt: _c, updatedAt: _u, id: _i, ...rest } = c;
  return { ...rest, archivedAt: c.archivedAt?.toISOString() ?? null };
}
