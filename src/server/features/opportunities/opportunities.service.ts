import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { dealStage, opportunity, opportunityPartner, opportunityProduct, opportunityStageChange, product, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { updateVersioned } from '../../lib/versioned.js';
import type { DealPartnerRole } from '../../../shared/deals.js';
import { dayIn } from '../../../shared/days.js';
import type { CreateOpportunityInput, OpportunityDetail, moveStageBody, updateOpportunityBody } from '../../../shared/schemas/opportunity.js';
import { resolveCustomer } from '../customers/index.js';
import { lockPartnerForEdit } from '../partners/index.js';
import { forbiddenOpportunity, lockOpportunityForEdit, mayEditOpportunity } from './opportunities.guard.js';
import { opportunityChanged } from './opportunities.hooks.js';
import { syncNextStepTask } from './opportunities.next-step.js';
import { OPPORTUNITY, auditableOpportunity, type OpportunityRow, type StageRow } from './opportunities.presenter.js';
import { getOpportunity } from './opportunities.read.js';

type UpdateInput = z.output<typeof updateOpportunityBody>;
type MoveInput = z.output<typeof moveStageBody>;

/** A stage a deal may be put in: it exists and is not archived (400 on `field` otherwise). */
export async function usableStage(tx: DbOrTx, key: string, field: string): Promise<StageRow> {
  const [s] = await tx.select().from(dealStage).where(eq(dealStage.key, key));
  if (!s) throw fieldError(field, msg('deals.stageUnknown', { key }));
  if (s.archivedAt) throw fieldError(field, msg('deals.stageArchived', { key }));
  return s;
}

async function firstOpenStage(tx: DbOrTx): Promise<StageRow> {
  const [s] = await tx
    .select()
    .from(dealStage)
    .where(and(eq(dealStage.kind, 'open'), isNull(dealStage.archivedAt)))
    .orderBy(asc(dealStage.position), asc(dealStage.key))
    .limit(1);
  if (!s) throw fieldError('body.stage', msg('deals.noOpenStage'));
  return s;
}

/** Owners are active colleagues; a deactivated one may stay on a deal that already has them. */
async function checkOwner(tx: DbOrTx, ownerId: string | null, current: string | null = null) {
  if (!ownerId || ownerId === current) return;
  const [u] = await tx.select({ deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, ownerId));
  if (!u || u.deactivatedAt) throw fieldError('body.ownerId', msg('deals.ownerInactive'));
}

async function checkProducts(tx: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return;
  const found = new Set(
    (
      await tx
        .select({ id: product.id })
        .from(product)
        .where(inArray(product.id, [...ids]))
    ).map((r) => r.id),
  );
  const i = ids.findIndex((id) => !found.has(id));
  if (i >= 0) throw fieldError(`body.productIds.${i}`, msg('deals.productUnknown'));
}

const lostReasonNeeded = (stage: StageRow, reason: string | null | undefined) => {
  if (stage.kind === 'lost' && !reason?.trim()) throw fieldError('body.lostReason', msg('deals.lostReasonRequired'));
};

const partnersOf = (tx: DbOrTx, id: string) =>
  tx.select({ partnerId: opportunityPartner.partnerId, role: opportunityPartner.role }).from(opportunityPartner).where(eq(opportunityPartner.opportunityId, id));
const productIdsOf = async (tx: DbOrTx, id: string) =>
  (await tx.select({ id: opportunityProduct.productId }).from(opportunityProduct).where(eq(opportunityProduct.opportunityId, id))).map((r) => r.id);

/** Every change ends here: the next-step task follows the deal, then the listeners (kickbacks) run in the same transaction. */
async function afterChange(tx: DbOrTx, row: OpportunityRow, actor: Actor, today: string) {
  await syncNextStepTask(tx, row, actor);
  await opportunityChanged(tx, { opportunityId: row.id, actor, today });
}

/** Dated by the app's clock, as closedOn is: the history and the closing day never disagree. */
const appendStageChange = (tx: DbOrTx, opportunityId: string, from: string | null, to: string, actor: Actor, at: Date) =>
  tx.insert(opportunityStageChange).values({ opportunityId, fromStage: from, toStage: to, at, byId: actor.id, byName: actor.name });

/**
 * Creates an opportunity inside the caller's transaction: the path of POST /api/opportunities and of
 * an approved deal registration. Partners are locked through the partner guard in id order; a member
 * may create a deal they own or one with a partner they may edit.
 */
export async function createOpportunityInTx(tx: DbOrTx, input: CreateOpportunityInput, actor: Actor, now: Date = new Date()): Promise<string> {
  const today = dayIn(now);
  const stage = input.stage ? await usableStage(tx, input.stage, 'body.stage') : await firstOpenStage(tx);
  lostReasonNeeded(stage, input.lostReason);
  const ownerId = input.ownerId === undefined ? actor.id : input.ownerId;
  await checkOwner(tx, ownerId);
  const sorted = input.partners.map((p, i) => ({ ...p, i })).sort((a, b) => a.partnerId.localeCompare(b.partnerId));
  for (const p of sorted) await lockPartnerForEdit(tx, actor, p.partnerId, { field: `body.partners.${p.i}.partnerId`, permitted: true, purpose: msg('deals.addingDeals') });
  if (
    !(await mayEditOpportunity(
      tx,
      actor,
      ownerId,
      sorted.map((p) => p.partnerId),
    ))
  )
    throw forbiddenOpportunity();
  await checkProducts(tx, input.productIds);
  const customer = await resolveCustomer(tx, input.customer, 'body.customer', actor);
  const [row] = await tx
    .insert(opportunity)
    .values({
      customerId: customer.id,
      title: input.title,
      ownerId,
      stageKey: stage.key,
      expectedCloseOn: input.expectedCloseOn,
      closedOn: stage.kind === 'open' ? null : today,
      oneOffMinor: input.oneOffMinor,
      mrrMinor: input.mrrMinor,
      currency: input.currency,
      nextStep: input.nextStep ?? null,
      nextStepDueOn: input.nextStepDueOn ?? null,
      lostReason: stage.kind === 'lost' ? input.lostReason!.trim() : null,
      notes: input.notes ?? null,
      createdBy: actor.id,
    })
    .returning();
  const id = row!.id;
  await tx.insert(opportunityPartner).values(input.partners.map((p) => ({ opportunityId: id, partnerId: p.partnerId, role: p.role })));
  if (input.productIds.length) await tx.insert(opportunityProduct).values(input.productIds.map((productId) => ({ opportunityId: id, productId })));
  await appendStageChange(tx, id, null, stage.key, actor, now);
  await recordAudit(tx, {
    actor,
    entityType: 'opportunity',
    entityId: id,
    action: 'create',
    after: auditableOpportunity(row!, { partners: input.partners, productIds: input.productIds }),
  });
  await afterChange(tx, row!, actor, today);
  return id;
}

export async function createOpportunity(db: Db, input: CreateOpportunityInput, actor: Actor, now: Date = new Date()): Promise<OpportunityDetail> {
  const id = await db.transaction((tx) => createOpportunityInTx(tx, input, actor, now));
  return getOpportunity(db, id, actor);
}

export async function updateOpportunity(db: Db, id: string, body: UpdateInput, actor: Actor, now: Date = new Date()): Promise<OpportunityDetail> {
  await db.transaction(async (tx) => {
    const { row: before } = await lockOpportunityForEdit(tx, actor, id);
    if (before.archivedAt) throw new AppError('conflict', msg('deals.archived'));
    const { version, customer: customerRef, productIds, ...fields } = body;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<OpportunityRow>;
    if (changes.ownerId !== undefined) await checkOwner(tx, changes.ownerId, before.ownerId);
    if (customerRef) changes.customerId = (await resolveCustomer(tx, customerRef, 'body.customer', actor)).id;
    if (changes.lostReason !== undefined) {
      const [stage] = await tx.select().from(dealStage).where(eq(dealStage.key, before.stageKey));
      // The reason of a lost deal can be reworded, not removed; other deals carry none.
      if (stage!.kind !== 'lost') delete changes.lostReason;
      else lostReasonNeeded(stage!, changes.lostReason);
    }
    const beforeProducts = await productIdsOf(tx, id);
    if (productIds) {
      await checkProducts(tx, productIds);
      await tx.delete(opportunityProduct).where(eq(opportunityProduct.opportunityId, id));
      if (productIds.length) await tx.insert(opportunityProduct).values(productIds.map((productId) => ({ opportunityId: id, productId })));
    }
    const after = await updateVersioned(tx, opportunity, id, version, changes, OPPORTUNITY);
    await recordAudit(tx, {
      actor,
      entityType: 'opportunity',
      entityId: id,
      action: 'update',
      before: auditableOpportunity(before, { productIds: beforeProducts }),
      after: auditableOpportunity(after, { productIds: productIds ?? beforeProducts }),
    });
    await afterChange(tx, after, actor, dayIn(now));
  });
  return getOpportunity(db, id, actor);
}

/**
 * Moves a deal to another stage: a lost stage needs a reason (400 on lostReason); won or lost sets
 * closedOn to today in Europe/Zurich, back to an open stage clears it and the lost reason; every move
 * appends a dated stage change with who made it. The same stage again changes nothing.
 */
export async function moveOpportunityStage(db: Db, id: string, body: MoveInput, actor: Actor, now: Date = new Date()): Promise<OpportunityDetail> {
  await db.transaction(async (tx) => {
    const today = dayIn(now);
    const { row: before } = await lockOpportunityForEdit(tx, actor, id);
    if (before.archivedAt) throw new AppError('conflict', msg('deals.archived'));
    const stage = await usableStage(tx, body.stage, 'body.stage');
    if (stage.key === before.stageKey) {
      if (before.version !== body.version)
        throw new AppError('version_conflict', msg('common.staleVersion', { what: OPPORTUNITY.the, sent: body.version, current: before.version }));
      return;
    }
    lostReasonNeeded(stage, body.lostReason);
    const after = await updateVersioned(
      tx,
      opportunity,
      id,
      body.version,
      { stageKey: stage.key, closedOn: stage.kind === 'open' ? null : today, lostReason: stage.kind === 'lost' ? body.lostReason!.trim() : null },
      OPPORTUNITY,
    );
    await appendStageChange(tx, id, before.stageKey, stage.key, actor, now);
    await recordAudit(tx, { actor, entityType: 'opportunity', entityId: id, action: 'stage', before: auditableOpportunity(before), after: auditableOpportunity(after) });
    await afterChange(tx, after, actor, today);
  });
  return getOpportunity(db, id, actor);
}

export async function setOpportunityArchived(db: Db, id: string, archived: boolean, version: number, actor: Actor, now: Date = new Date()): Promise<OpportunityDetail> {
  await db.transaction(async (tx) => {
    const { row: before } = await lockOpportunityForEdit(tx, actor, id);
    if (!!before.archivedAt === archived) throw new AppError('conflict', msg(archived ? 'deals.archived' : 'deals.notArchived'));
    const after = await updateVersioned(tx, opportunity, id, version, { archivedAt: archived ? sql`now()` : null } as never, OPPORTUNITY);
    await recordAudit(tx, {
      actor,
      entityType: 'opportunity',
      entityId: id,
      action: archived ? 'archive' : 'restore',
      before: auditableOpportunity(before),
      after: auditableOpportunity(after),
    });
    await afterChange(tx, after, actor, dayIn(now));
  });
  return getOpportunity(db, id, actor);
}

/** Bumps the deal's version for a change of its partners, audits it, and runs what follows every change. */
async function partnersChanged(tx: DbOrTx, id: string, before: { partnerId: string; role: string }[], actor: Actor, today: string) {
  const [row] = await tx
    .update(opportunity)
    .set({ version: sql`${opportunity.version} + 1`, updatedAt: sql`now()` })
    .where(eq(opportunity.id, id))
    .returning();
  await recordAudit(tx, {
    actor,
    entityType: 'opportunity',
    entityId: id,
    action: 'partners',
    before: { partners: auditableOpportunity(row!, { partners: before }).partners },
    after: { partners: auditableOpportunity(row!, { partners: await partnersOf(tx, id) }).partners },
  });
  await afterChange(tx, row!, actor, today);
}

/**
 * Adds a partner to a deal in the caller's transaction (a deal registration's approval adds the
 * registering partner as 'sourced'); nothing happens when the pair exists already. The caller has
 * decided that the actor may do it and holds the locks it needs.
 */
export async function addOpportunityPartner(tx: DbOrTx, opportunityId: string, partnerId: string, role: DealPartnerRole, actor: Actor, now: Date = new Date()): Promise<void> {
  const before = await partnersOf(tx, opportunityId);
  const added = await tx.insert(opportunityPartner).values({ opportunityId, partnerId, role }).onConflictDoNothing().returning();
  if (added.length) await partnersChanged(tx, opportunityId, before, actor, dayIn(now));
}

type PartnerChange = { op: 'add'; partnerId: string; role: DealPartnerRole } | { op: 'role'; partnerId: string; role: DealPartnerRole } | { op: 'remove'; partnerId: string };

/** The partner routes: add (409 when already on the deal), change the role, remove (never the last one). */
export async function changeOpportunityPartners(db: Db, id: string, change: PartnerChange, actor: Actor, now: Date = new Date()): Promise<OpportunityDetail> {
  await db.transaction(async (tx) => {
    const { row, partnerIds } = await lockOpportunityForEdit(tx, actor, id);
    if (row.archivedAt) throw new AppError('conflict', msg('deals.archived'));
    const before = await partnersOf(tx, id);
    const on = partnerIds.includes(change.partnerId);
    if (change.op === 'add') {
      if (on) throw fieldError('body.partnerId', msg('deals.partnerAlreadyOn'), 'conflict');
      await lockPartnerForEdit(tx, actor, change.partnerId, { field: 'body.partnerId', permitted: true, purpose: msg('deals.addingDeals') });
      await tx.insert(opportunityPartner).values({ opportunityId: id, partnerId: change.partnerId, role: change.role });
    } else {
      if (!on) throw new AppError('not_found', msg('deals.partnerNotOn'));
      if (change.op === 'role') {
        await tx
          .update(opportunityPartner)
          .set({ role: change.role })
          .where(and(eq(opportunityPartner.opportunityId, id), eq(opportunityPartner.partnerId, change.partnerId)));
      } else {
        if (partnerIds.length === 1) throw new AppError('conflict', msg('deals.lastPartner'));
        await tx.delete(opportunityPartner).where(and(eq(opportunityPartner.opportunityId, id), eq(opportunityPartner.partnerId, change.partnerId)));
      }
    }
    await partnersChanged(tx, id, before, actor, dayIn(now));
  });
  return getOpportunity(db, id, actor);
}
