import { and, asc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { riskCriterion } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, updateVersioned } from '../../lib/versioned.js';
import type { CreateRiskCriterionBody, RiskCriterion, UpdateRiskCriterionBody } from '../../../shared/schemas/risk.js';
import { auditableCriterion, presentCriterion } from './risk.presenter.js';

const WHAT = { what: msg('risk.criterion.what'), the: msg('risk.criterion.the') };
type AuditActor = Pick<Actor, 'id' | 'name'> | null;

export async function listCriteria(db: DbOrTx, archived: 'false' | 'true' | 'all' = 'false'): Promise<RiskCriterion[]> {
  const where: SQL[] = [];
  if (archived === 'false') where.push(isNull(riskCriterion.archivedAt));
  if (archived === 'true') where.push(isNotNull(riskCriterion.archivedAt));
  const rows = await db
    .select()
    .from(riskCriterion)
    .where(and(...where))
    .orderBy(asc(riskCriterion.position), asc(sql`lower(${riskCriterion.name})`), asc(riskCriterion.id));
  return rows.map(presentCriterion);
}

/** A key from the name ("Data location & jurisdiction" → data_location_jurisdiction); keys never change. */
const slug = (name: string) => {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
  return /^[a-z]/.test(s) && s.length >= 2 ? s : `criterion_${s}`.slice(0, 50);
};

async function keyTaken(tx: DbOrTx, key: string) {
  return (await tx.select({ id: riskCriterion.id }).from(riskCriterion).where(eq(riskCriterion.key, key))).length > 0;
}

export async function insertCriterion(tx: DbOrTx, input: { key: string; name: string; description?: string | null; weight: number; position: number }, actor: AuditActor) {
  const [row] = await tx
    .insert(riskCriterion)
    .values({ key: input.key, name: input.name, description: input.description ?? null, weight: input.weight, position: input.position })
    .returning();
  await recordAudit(tx, { actor, entityType: 'risk_criterion', entityId: row!.id, action: 'create', before: null, after: auditableCriterion(row!) });
  return row!;
}

export async function createCriterion(db: Db, input: CreateRiskCriterionBody, actor: Actor): Promise<RiskCriterion> {
  return db.transaction(async (tx) => {
    // Serialises key choice with other creations and the starter set.
    await tx.execute(sql`select pg_advisory_xact_lock(${CRITERIA_LOCK})`);
    let key = input.key;
    if (key) {
      if (await keyTaken(tx, key)) throw fieldError('body.key', msg('risk.field.keyUsed'), 'conflict');
    } else {
      const base = slug(input.name);
      key = base;
      for (let n = 2; await keyTaken(tx, key); n++) key = `${base}_${n}`;
    }
    const position = input.position ?? ((await tx.select({ max: sql<number | null>`max(${riskCriterion.position})` }).from(riskCriterion))[0]?.max ?? -1) + 1;
    return presentCriterion(await insertCriterion(tx, { key, name: input.name, description: input.description, weight: input.weight, position: Number(position) }, actor));
  });
}

/**
 * Drafts copied the name and weight when they started, so a change here applies to assessments
 * started afterwards; approved ones keep what they were approved with.
 */
export async function updateCriterion(db: Db, id: string, input: UpdateRiskCriterionBody, actor: Actor): Promise<RiskCriterion> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, riskCriterion, id, WHAT);
    if (before.archivedAt) throw new AppError('conflict', msg('risk.criterionArchived'));
    const { version, ...fields } = input;
    const after = await updateVersioned(tx, riskCriterion, id, version, fields, WHAT);
    await recordAudit(tx, { actor, entityType: 'risk_criterion', entityId: id, action: 'update', before: auditableCriterion(before), after: auditableCriterion(after) });
    return presentCriterion(after);
  });
}

/** Archived criteria stay in the assessments that scored them; new assessments leave them out. */
export async function setCriterionArchived(db: Db, id: string, archived: boolean, version: number, actor: Actor): Promise<RiskCriterion> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, riskCriterion, id, WHAT);
    const after = await updateVersioned(tx, riskCriterion, id, version, { archivedAt: archived ? sql`now()` : null } as never, WHAT);
    await recordAudit(tx, {
      actor,
      entityType: 'risk_criterion',
      entityId: id,
      action: archived ? 'archive' : 'restore',
      before: auditableCriterion(before),
      after: auditableCriterion(after),
    });
    return presentCriterion(after);
  });
}

export const CRITERIA_LOCK = 7_311_014;
