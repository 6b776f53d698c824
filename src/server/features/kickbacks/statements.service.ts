import { and, asc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { commissionLine, commissionStatement, customer, kickbackAgreement, opportunity, partner, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import { offsetOf, orderBy } from '../../lib/pagination.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, updateVersioned } from '../../lib/versioned.js';
import { dayIn } from '../../../shared/days.js';
import type { CommissionReason, DealCurrency, KickbackBasis } from '../../../shared/deals.js';
import {
  quarterBounds,
  quarterOf,
  type CommissionLine,
  type ListStatementsQuery,
  type StatementDetail,
  type Unpaid,
  type createStatementBody,
  type payStatementBody,
} from '../../../shared/schemas/kickback.js';
import { auditableStatement, presentStatement, type StatementRow } from './kickbacks.presenter.js';
import { canManage } from './kickbacks.policy.js';

type CreateInput = z.output<typeof createStatementBody>;
type PayInput = z.output<typeof payStatementBody>;
export const STATEMENT = { what: msg('kickbacks.statementWhat'), the: msg('kickbacks.statementThe') };

const lineTotal =
  sql<number>`coalesce((select sum(${commissionLine.amountMinor}) from ${commissionLine} where ${commissionLine.statementId} = ${commissionStatement.id}), 0)::bigint`.mapWith(
    Number,
  );
const lineCount = sql<number>`(select count(*) from ${commissionLine} where ${commissionLine.statementId} = ${commissionStatement.id})::int`.mapWith(Number);

const selectStatements = (db: DbOrTx) =>
  db
    .select({ s: commissionStatement, partnerName: partner.name, approvedByName: user.name, totalMinor: lineTotal, lineCount })
    .from(commissionStatement)
    .innerJoin(partner, eq(partner.id, commissionStatement.partnerId))
    .leftJoin(user, eq(user.id, commissionStatement.approvedBy));

function listFilter(q: Omit<ListStatementsQuery, 'page' | 'pageSize' | 'sort'>): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (q.partnerId) where.push(eq(commissionStatement.partnerId, q.partnerId));
  if (q.status?.length) where.push(inArray(commissionStatement.status, q.status));
  if (q.currency) where.push(eq(commissionStatement.currency, q.currency));
  if (q.period) {
    // Statements inside the quarter (a quarter's own statement, or a shorter period within it).
    const b = quarterBounds(q.period);
    where.push(sql`${commissionStatement.periodStart} >= ${b.start}`, sql`${commissionStatement.periodEnd} <= ${b.end}`);
  }
  if (q.q) where.push(sql`${partner.name} ilike ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return and(...where);
}

export async function listStatements(db: DbOrTx, q: ListStatementsQuery, actor: Actor) {
  const filter = listFilter(q);
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int`.mapWith(Number) })
    .from(commissionStatement)
    .innerJoin(partner, eq(partner.id, commissionStatement.partnerId))
    .where(filter);
  const rows = await selectStatements(db)
    .where(filter)
    .orderBy(...orderBy(q.sort, { periodStart: commissionStatement.periodStart, total: lineTotal, createdAt: commissionStatement.createdAt }, commissionStatement.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return { items: rows.map((r) => presentStatement(r.s, r, actor)), page: q.page, pageSize: q.pageSize, total, can: { create: canManage(actor) } };
}

export async function getStatement(db: DbOrTx, id: string, actor: Actor): Promise<StatementDetail> {
  const [r] = await selectStatements(db).where(eq(commissionStatement.id, id));
  if (!r) throw notFound(STATEMENT.what);
  const lines = await db
    .select({
      l: commissionLine,
      agreementName: kickbackAgreement.name,
      basis: kickbackAgreement.basis,
      opportunityTitle: opportunity.title,
      customerId: customer.id,
      customerName: customer.name,
    })
    .from(commissionLine)
    .innerJoin(kickbackAgreement, eq(kickbackAgreement.id, commissionLine.agreementId))
    .leftJoin(opportunity, eq(opportunity.id, commissionLine.opportunityId))
    .leftJoin(customer, eq(customer.id, opportunity.customerId))
    .where(eq(commissionLine.statementId, id))
    .orderBy(asc(commissionLine.earnedOn), asc(opportunity.title), asc(commissionLine.createdAt), asc(commissionLine.id));
  return {
    ...presentStatement(r.s, r, actor),
    lines: lines.map((x): CommissionLine => ({
      id: x.l.id,
      agreement: { id: x.l.agreementId, name: x.agreementName },
      opportunity: x.l.opportunityId ? { id: x.l.opportunityId, name: x.opportunityTitle ?? '' } : null,
      customer: x.customerId ? { id: x.customerId, name: x.customerName ?? '' } : null,
      earnedOn: x.l.earnedOn,
      reason: x.l.reason as CommissionReason,
      basis: x.basis as KickbackBasis,
      basisMinor: x.l.basisMinor,
      rateBp: x.l.rateBp,
      amountMinor: x.l.amountMinor,
      currency: x.l.currency as DealCurrency,
    })),
  };
}

/**
 * A statement of a partner for a period and currency: it takes every line of that partner in that
 * currency earned up to the period's end that no statement holds yet (a late reversal of a paid
 * quarter's deal lands on the next statement; the paid one is never rewritten).
 */
export async function createStatement(db: Db, input: CreateInput, actor: Actor, now: Date = new Date()): Promise<StatementDetail> {
  const { start, end } = input.period
    ? quarterBounds(input.period)
    : input.periodStart && input.periodEnd
      ? { start: input.periodStart, end: input.periodEnd }
      : quarterBounds(quarterOf(dayIn(now)));
  const id = await db.transaction(async (tx) => {
    // The partner row's lock makes two statements of one partner wait for each other.
    const [p] = await tx.select({ id: partner.id, name: partner.name }).from(partner).where(eq(partner.id, input.partnerId)).for('no key update');
    if (!p) throw fieldError('body.partnerId', msg('partners.unknown'));
    const [existing] = await tx
      .select({ id: commissionStatement.id })
      .from(commissionStatement)
      .where(and(eq(commissionStatement.partnerId, p.id), eq(commissionStatement.periodStart, start), eq(commissionStatement.currency, input.currency)));
    if (existing) throw new AppError('conflict', msg('kickbacks.statementExists', { partner: p.name, start, end, currency: input.currency }));
    const [row] = await tx.insert(commissionStatement).values({ partnerId: p.id, periodStart: start, periodEnd: end, currency: input.currency, createdBy: actor.id }).returning();
    const taken = await tx
      .update(commissionLine)
      .set({ statementId: row!.id })
      .where(and(eq(commissionLine.partnerId, p.id), eq(commissionLine.currency, input.currency), isNull(commissionLine.statementId), lte(commissionLine.earnedOn, end)))
      .returning({ id: commissionLine.id, amountMinor: commissionLine.amountMinor });
    if (!taken.length) throw fieldError('body.partnerId', msg('kickbacks.noLines', { partner: p.name, currency: input.currency, end }));
    await recordAudit(tx, {
      actor,
      entityType: 'commission_statement',
      entityId: row!.id,
      action: 'create',
      before: null,
      after: { ...auditableStatement(row!), lines: taken.length, totalMinor: taken.reduce((s, l) => s + l.amountMinor, 0) },
    });
    return row!.id;
  });
  return getStatement(db, id, actor);
}

async function move(db: Db, id: string, version: number, actor: Actor, from: 'due' | 'approved', values: Partial<StatementRow>): Promise<StatementDetail> {
  await db.transaction(async (tx) => {
    const before = await lockRow(tx, commissionStatement, id, STATEMENT);
    if (before.status !== from)
      throw new AppError('conflict', msg(from === 'due' ? 'kickbacks.notDue' : 'kickbacks.notApproved', { status: msg(`kickbacks.status.${before.status as 'due'}`) }));
    const after = await updateVersioned(tx, commissionStatement, id, version, values, STATEMENT);
    await recordAudit(tx, {
      actor,
      entityType: 'commission_statement',
      entityId: id,
      action: from === 'due' ? 'approve' : 'pay',
      before: auditableStatement(before),
      after: auditableStatement(after),
    });
  });
  return getStatement(db, id, actor);
}

/** Finance approves a due statement for payment. */
export const approveStatement = (db: Db, id: string, version: number, actor: Actor) =>
  move(db, id, version, actor, 'due', { status: 'approved', approvedAt: sql`now()` as never, approvedBy: actor.id });

/** Finance records the payment of an approved statement. */
export const payStatement = (db: Db, id: string, body: PayInput, actor: Actor) =>
  move(db, id, body.version, actor, 'approved', { status: 'paid', paidOn: body.paidOn, paymentReference: body.paymentReference });

/** What is owed per partner and currency: on statements not yet paid (due, approved) and on lines no statement holds yet. */
export async function unpaidCommissions(db: DbOrTx): Promise<Unpaid> {
  const onStatements = await db
    .select({
      partnerId: commissionStatement.partnerId,
      partnerName: partner.name,
      currency: commissionStatement.currency,
      status: commissionStatement.status,
      statements: sql<number>`count(distinct ${commissionStatement.id})::int`.mapWith(Number),
      sum: sql<number>`coalesce(sum(${commissionLine.amountMinor}), 0)::bigint`.mapWith(Number),
    })
    .from(commissionStatement)
    .innerJoin(partner, eq(partner.id, commissionStatement.partnerId))
    .leftJoin(commissionLine, eq(commissionLine.statementId, commissionStatement.id))
    .where(inArray(commissionStatement.status, ['due', 'approved']))
    .groupBy(commissionStatement.partnerId, partner.name, commissionStatement.currency, commissionStatement.status);
  const unstated = await db
    .select({
      partnerId: commissionLine.partnerId,
      partnerName: partner.name,
      currency: commissionLine.currency,
      lines: sql<number>`count(*)::int`.mapWith(Number),
      sum: sql<number>`coalesce(sum(${commissionLine.amountMinor}), 0)::bigint`.mapWith(Number),
    })
    .from(commissionLine)
    .innerJoin(partner, eq(partner.id, commissionLine.partnerId))
    .where(isNull(commissionLine.statementId))
    .groupBy(commissionLine.partnerId, partner.name, commissionLine.currency);

  const rows = new Map<string, Unpaid['items'][number]>();
  const rowOf = (partnerId: string, partnerName: string, currency: string) => {
    const key = `${partnerId}:${currency}`;
    let r = rows.get(key);
    if (!r) {
      r = { partner: { id: partnerId, name: partnerName }, currency: currency as DealCurrency, dueMinor: 0, approvedMinor: 0, statements: 0, unstatedMinor: 0, unstatedLines: 0 };
      rows.set(key, r);
    }
    return r;
  };
  for (const s of onStatements) {
    const r = rowOf(s.partnerId, s.partnerName, s.currency);
    if (s.status === 'due') r.dueMinor += s.sum;
    else r.approvedMinor += s.sum;
    r.statements += s.statements;
  }
  for (const u of unstated) {
    // Lines that cancel out to nothing (a deal won and lost before any statement) owe nothing.
    if (u.sum === 0) continue;
    const r = rowOf(u.partnerId, u.partnerName, u.currency);
    r.unstatedMinor += u.sum;
    r.unstatedLines += u.lines;
  }
  const items = [...rows.values()].sort((a, b) => a.partner.name.localeCompare(b.partner.name, 'en', { sensitivity: 'base' }) || a.currency.localeCompare(b.currency));
  const totals = new Map<DealCurrency, Unpaid['totals'][number]>();
  for (const r of items) {
    const t = totals.get(r.currency) ?? { currency: r.currency, dueMinor: 0, approvedMinor: 0, unstatedMinor: 0 };
    t.dueMinor += r.dueMinor;
    t.approvedMinor += r.approvedMinor;
    t.unstatedMinor += r.unstatedMinor;
    totals.set(r.currency, t);
  }
  return { items, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}
