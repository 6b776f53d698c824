import { and, asc, count, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { dealStage, opportunity } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { staleVersion } from '../../lib/versioned.js';
import type { StageKind } from '../../../shared/deals.js';
import type { DealStage, createDealStageBody, updateDealStageBody } from '../../../shared/schemas/opportunity.js';

type Row = typeof dealStage.$inferSelect;
const STAGE = { what: msg('deals.stageWhat'), the: msg('deals.stageThe') };
const auditable = (s: Row) => ({ name: s.name, probability: s.probability, position: s.position, kind: s.kind, archivedAt: s.archivedAt?.toISOString() ?? null });

// Qualified by hand: a single-table query renders its columns unqualified, which inside the subquery would bind to its own tables.
const openCount = sql<number>`(select count(*) from opportunity o join deal_stage st on st.key = o.stage_key
  where o.stage_key = "deal_stage"."key" and o.archived_at is null and st.kind = 'open')`.mapWith(Number);

const present = (s: Row, open: number): DealStage => ({
  key: s.key,
  name: s.name,
  probability: s.probability,
  kind: s.kind as StageKind,
  position: s.position,
  archivedAt: s.archivedAt?.toISOString() ?? null,
  openOpportunities: open,
  version: s.version,
});

export async function listDealStages(db: DbOrTx, archived: 'false' | 'true' | 'all'): Promise<DealStage[]> {
  const where = archived === 'false' ? isNull(dealStage.archivedAt) : archived === 'true' ? isNotNull(dealStage.archivedAt) : undefined;
  const rows = await db.select({ s: dealStage, n: openCount }).from(dealStage).where(where).orderBy(asc(dealStage.position), asc(dealStage.key));
  return rows.map((r) => present(r.s, r.n));
}

async function getStage(db: DbOrTx, key: string): Promise<DealStage> {
  const [r] = await db.select({ s: dealStage, n: openCount }).from(dealStage).where(eq(dealStage.key, key));
  if (!r) throw notFound(STAGE.what);
  return present(r.s, r.n);
}

async function lockStage(tx: DbOrTx, key: string, version: number): Promise<Row> {
  const [s] = await tx.select().from(dealStage).where(eq(dealStage.key, key)).for('update');
  if (!s) throw notFound(STAGE.what);
  if (s.version !== version) throw staleVersion(STAGE, version, s.version);
  return s;
}

async function write(tx: DbOrTx, before: Row, changes: Partial<Row>, actor: Actor, action: string) {
  const [after] = await tx
    .update(dealStage)
    .set({ ...changes, version: sql`${dealStage.version} + 1`, updatedAt: sql`now()` })
    .where(eq(dealStage.key, before.key))
    .returning();
  await recordAudit(tx, { actor, entityType: 'deal_stage', entityId: before.key, action, before: auditable(before), after: auditable(after!) });
}

export async function createDealStage(db: Db, body: z.output<typeof createDealStageBody>, actor: Actor): Promise<DealStage> {
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(dealStage).values(body).onConflictDoNothing().returning();
    if (!row) throw fieldError('body.key', msg('deals.stageKeyTaken'), 'conflict');
    await recordAudit(tx, { actor, entityType: 'deal_stage', entityId: row.key, action: 'create', after: auditable(row) });
  });
  return getStage(db, body.key);
}

/**
 * Renames, re-weighs and reorders a stage. Its kind changes only while no opportunity is in it: a won
 * deal in a stage that became open would keep its closing day.
 */
export async function updateDealStage(db: Db, key: string, body: z.output<typeof updateDealStageBody>, actor: Actor): Promise<DealStage> {
  await db.transaction(async (tx) => {
    const before = await lockStage(tx, key, body.version);
    const { version: _v, ...fields } = body;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<Row>;
    if (changes.kind && changes.kind !== before.kind) {
      const [used] = await tx.select({ n: count() }).from(opportunity).where(eq(opportunity.stageKey, key));
      if (used!.n > 0) throw new AppError('conflict', msg('deals.stageKindInUse', { key }));
      await lastOfKind(tx, before);
    }
    await write(tx, before, changes, actor, 'update');
  });
  return getStage(db, key);
}

/** The board needs an open, a won and a lost stage: the last one of a kind stays. */
async function lastOfKind(tx: DbOrTx, s: Row) {
  const [other] = await tx
    .select({ n: count() })
    .from(dealStage)
    .where(and(eq(dealStage.kind, s.kind), isNull(dealStage.archivedAt), ne(dealStage.key, s.key)));
  if (!other!.n) throw new AppError('conflict', msg('deals.stageLastOfKind', { key: s.key }));
}

/** Archives a stage no open opportunity uses (409 naming how many do); won and lost deals keep it in their history. */
export async function setDealStageArchived(db: Db, key: string, archived: boolean, version: number, actor: Actor): Promise<DealStage> {
  await db.transaction(async (tx) => {
    const before = await lockStage(tx, key, version);
    if (!!before.archivedAt === archived) throw new AppError('conflict', msg(archived ? 'deals.stageAlreadyArchived' : 'deals.stageNotArchived'));
    if (archived) {
      await lastOfKind(tx, before);
      const [used] = await tx
        .select({ n: count() })
        .from(opportunity)
        .innerJoin(dealStage, eq(dealStage.key, opportunity.stageKey))
        .where(and(eq(opportunity.stageKey, key), isNull(opportunity.archivedAt), eq(dealStage.kind, 'open')));
      if (used!.n > 0) throw new AppError('conflict', msg('deals.stageInUse', { key, count: used!.n }));
    }
    await write(tx, before, { archivedAt: archived ? new Date() : null }, actor, archived ? 'archive' : 'restore');
  });
  return getStage(db, key);
}
