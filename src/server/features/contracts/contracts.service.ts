import { and, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { contract, partner, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import { offsetOf } from '../../lib/pagination.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, updateVersioned } from '../../lib/versioned.js';
import type { NoticeUnit } from '../../../shared/compliance.js';
import { noticeSummary } from '../../../shared/contracts.js';
import { dayIn } from '../../../shared/days.js';
import type { Page } from '../../../shared/list.js';
import {
  contractRuleIssues,
  type Contract,
  type ContractRuleFields,
  type ListContractsQuery,
  type createContractBody,
  type updateContractBody,
} from '../../../shared/schemas/contract.js';
import type { z } from 'zod';
import { lockPartnerForEdit } from '../partners/index.js';
import { auditableContract, presentContract, type ContractRow } from './contracts.presenter.js';

type CreateInput = z.output<typeof createContractBody>;
type UpdateInput = z.output<typeof updateContractBody>;
const WHAT = { what: msg('contracts.what'), the: msg('contracts.the') };

/** Contracts with the names they refer to, in one statement. */
export const selectContracts = (db: DbOrTx) =>
  db
    .select({ c: contract, partnerName: partner.name, ownerName: user.name })
    .from(contract)
    .innerJoin(partner, eq(partner.id, contract.partnerId))
    .leftJoin(user, eq(user.id, contract.ownerId));

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function listFilter(q: ListContractsQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (q.partnerId) where.push(eq(contract.partnerId, q.partnerId));
  if (q.status?.length) where.push(inArray(contract.status, q.status));
  if (q.type?.length) where.push(inArray(contract.type, q.type));
  if (q.ownerId) where.push(eq(contract.ownerId, q.ownerId));
  if (q.archived === 'false') where.push(isNull(contract.archivedAt));
  if (q.archived === 'true') where.push(isNotNull(contract.archivedAt));
  if (q.noticeBefore) where.push(isNotNull(contract.endsOn), isNotNull(contract.noticePeriodCount));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(contract.title, like), ilike(partner.name, like), sql`exists (select 1 from unnest(${contract.parties}) p where p ilike ${like})`));
  }
  return and(...where);
}

// One collator for the whole sort: localeCompare with options builds a new one per comparison.
const byText = new Intl.Collator('en', { sensitivity: 'base' }).compare;

/**
 * Upcoming notice deadlines first, soonest first; then contracts without one ahead (no notice
 * period, open-ended, or the deadline has passed), by title.
 */
function comparator(sort: string, today: string): (a: Slim, b: Slim) => number {
  const dir = sort.startsWith('-') ? -1 : 1;
  const tie = (a: Slim, b: Slim) => byText(a.title, b.title) || a.id.localeCompare(b.id);
  switch (sort.replace(/^-/, '')) {
    case 'title':
      return (a, b) => dir * tie(a, b);
    case 'createdAt':
      return (a, b) => dir * a.createdAt.localeCompare(b.createdAt) || tie(a, b);
    case 'endsOn':
      return (a, b) =>
        (a.currentTermEnd === null ? 1 : 0) - (b.currentTermEnd === null ? 1 : 0) || dir * (a.currentTermEnd ?? '').localeCompare(b.currentTermEnd ?? '') || tie(a, b);
    default: {
      const ahead = (c: Slim) => (c.noticeDeadline !== null && c.noticeDeadline >= today ? c.noticeDeadline : null);
      return (a, b) => {
        const [x, y] = [ahead(a), ahead(b)];
        return (x === null ? 1 : 0) - (y === null ? 1 : 0) || dir * (x ?? '').localeCompare(y ?? '') || tie(a, b);
      };
    }
  }
}

/** What ordering and the deadline filter need: a few columns, so thousands of rows decode quickly. */
const slim = {
  id: contract.id,
  title: contract.title,
  createdAt: contract.createdAt,
  endsOn: contract.endsOn,
  autoRenew: contract.autoRenew,
  renewalTermMonths: contract.renewalTermMonths,
  noticePeriodCount: contract.noticePeriodCount,
  noticePeriodUnit: contract.noticePeriodUnit,
};
type Slim = { id: string; title: string; createdAt: string; currentTermEnd: string | null; noticeDeadline: string | null };

/**
 * The deadline of an auto-renewing contract depends on today, so it cannot be an index: the list
 * filters in SQL, computes the deadlines of the matches, filters by deadline, sorts and pages here,
 * then reads the page's contracts in full. A company has hundreds to a few thousand contracts; see
 * docs/decisions/0016-contracts.md for what this costs.
 */
export async function listContracts(db: DbOrTx, q: ListContractsQuery, now: Date = new Date()): Promise<Page<Contract>> {
  const today = dayIn(now);
  const rows = await db.select(slim).from(contract).innerJoin(partner, eq(partner.id, contract.partnerId)).where(listFilter(q));
  let keys: Slim[] = rows.map((r) => {
    const n = noticeSummary({ ...r, noticePeriodUnit: r.noticePeriodUnit as NoticeUnit | null }, today);
    return { id: r.id, title: r.title, createdAt: r.createdAt.toISOString(), currentTermEnd: n.currentTermEnd, noticeDeadline: n.noticeDeadline };
  });
  if (q.noticeBefore) keys = keys.filter((c) => c.noticeDeadline !== null && c.noticeDeadline >= today && c.noticeDeadline <= q.noticeBefore!);
  keys.sort(comparator(q.sort, today));
  const start = offsetOf(q);
  const ids = keys.slice(start, start + q.pageSize).map((k) => k.id);
  const full = ids.length ? await selectContracts(db).where(inArray(contract.id, ids)) : [];
  const byId = new Map(full.map((r) => [r.c.id, presentContract(r.c, r, today)]));
  return { items: ids.map((id) => byId.get(id)!).filter(Boolean), page: q.page, pageSize: q.pageSize, total: keys.length };
}

export async function getContract(db: DbOrTx, id: string, now: Date = new Date()): Promise<Contract> {
  const [r] = await selectContracts(db).where(eq(contract.id, id));
  if (!r) throw notFound(WHAT.what);
  return presentContract(r.c, r, dayIn(now));
}

/**
 * A contract locked for a change by the actor, its partner first (the order every partner write and
 * the merge keep): 404, then 403 when they may not edit its partner. A contract of an archived
 * partner can still be changed and archived, as before the partner guard; restoring one cannot.
 */
async function lockContract(tx: DbOrTx, id: string, actor: Actor, opts: { restoring?: boolean } = {}): Promise<ContractRow> {
  const [ref] = await tx.select({ partnerId: contract.partnerId }).from(contract).where(eq(contract.id, id));
  if (!ref) throw notFound(WHAT.what);
  await lockPartnerForEdit(tx, actor, ref.partnerId, opts.restoring ? { purpose: msg('contracts.restoringItsContracts') } : { allowArchived: true });
  const row = await lockRow(tx, contract, id, WHAT);
  // A partner merge may have moved the contract between the two reads.
  if (row.partnerId !== ref.partnerId) throw new AppError('conflict', msg('contracts.moved'));
  return row;
}

/** Owners are active colleagues; a deactivated one may stay on a contract that already has them. */
async function checkOwner(tx: DbOrTx, ownerId: string | null | undefined, current: string | null = null) {
  if (!ownerId || ownerId === current) return;
  const [u] = await tx.select({ deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, ownerId));
  if (!u || u.deactivatedAt) throw fieldError('body.ownerId', msg('contracts.ownerInactive'));
}

function checkRules(c: ContractRuleFields) {
  const issues = contractRuleIssues(c);
  if (!issues.length) return;
  // The shared schema's own predicates: worded by their text from the validation catalogue.
  throw new AppError(
    'validation_failed',
    undefined,
    issues.map((i) => ({ path: `body.${i.path}`, message: i.message, issue: { code: 'custom', message: i.message } })),
  );
}

export async function createContract(db: Db, input: CreateInput, actor: Actor, now: Date = new Date()): Promise<Contract> {
  const id = await db.transaction(async (tx) => {
    await lockPartnerForEdit(tx, actor, input.partnerId, { field: 'body.partnerId', purpose: msg('contracts.changingItsContracts') });
    await checkOwner(tx, input.ownerId);
    const [row] = await tx
      .insert(contract)
      .values({
        partnerId: input.partnerId,
        type: input.type,
        title: input.title,
        parties: input.parties,
        status: input.status,
        signedOn: input.signedOn ?? null,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        autoRenew: input.autoRenew,
        renewalTermMonths: input.renewalTermMonths ?? null,
        noticePeriodCount: input.noticePeriodCount ?? null,
        noticePeriodUnit: input.noticePeriodUnit ?? null,
        valueMinor: input.valueMinor ?? null,
        currency: input.currency ?? null,
        ownerId: input.ownerId ?? null,
        clauses: input.clauses,
        notes: input.notes ?? null,
      })
      .returning();
    await recordAudit(tx, { actor, entityType: 'contract', entityId: row!.id, action: 'create', before: null, after: auditableContract(row!) });
    return row!.id;
  });
  return getContract(db, id, now);
}

export async function updateContract(db: Db, id: string, body: UpdateInput, actor: Actor, now: Date = new Date()): Promise<Contract> {
  await db.transaction(async (tx) => {
    const before = await lockContract(tx, id, actor);
    if (before.archivedAt) throw new AppError('conflict', msg('contracts.archived'));
    const { version, ...fields } = body;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<ContractRow>;
    checkRules({ ...(before as ContractRuleFields), ...(changes as Partial<ContractRuleFields>) });
    if (changes.ownerId !== undefined) await checkOwner(tx, changes.ownerId, before.ownerId);
    const after = await updateVersioned(tx, contract, id, version, changes, WHAT);
    await recordAudit(tx, { actor, entityType: 'contract', entityId: id, action: 'update', before: auditableContract(before), after: auditableContract(after) });
  });
  return getContract(db, id, now);
}

export async function setContractArchived(db: Db, id: string, archived: boolean, version: number, actor: Actor, now: Date = new Date()): Promise<Contract> {
  await db.transaction(async (tx) => {
    const before = await lockContract(tx, id, actor, { restoring: !archived });
    const after = await updateVersioned(tx, contract, id, version, { archivedAt: archived ? sql`now()` : null } as never, WHAT);
    await recordAudit(tx, {
      actor,
      entityType: 'contract',
      entityId: id,
      action: archived ? 'archive' : 'restore',
      before: auditableContract(before),
      after: auditableContract(after),
    });
  });
  return getContract(db, id, now);
}
