import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { playbook, playbookStep } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, updateVersioned } from '../../lib/versioned.js';
import type { PartnerType, TeamRole } from '../../../shared/partners.js';
import type { ListPlaybooksQuery, Playbook } from '../../../shared/schemas/playbook.js';
import { auditablePlaybook, presentPlaybook } from './playbooks.presenter.js';

const WHAT = { what: msg('playbooks.what'), the: msg('playbooks.the') };
type Row = typeof playbook.$inferSelect;
type AuditActor = Pick<Actor, 'id' | 'name'> | null;

export interface StepInput {
  title: string;
  description?: string | null;
  ownerRole: TeamRole;
  dueAfterDays: number;
}
export interface PlaybookInput {
  name: string;
  partnerType: PartnerType;
  description?: string | null;
  steps: StepInput[];
}

async function stepsOf(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, (typeof playbookStep.$inferSelect)[]>();
  const rows = await db.select().from(playbookStep).where(inArray(playbookStep.playbookId, ids)).orderBy(asc(playbookStep.position));
  const by = new Map<string, (typeof playbookStep.$inferSelect)[]>();
  for (const s of rows) by.set(s.playbookId, [...(by.get(s.playbookId) ?? []), s]);
  return by;
}

async function present(db: DbOrTx, rows: Row[]): Promise<Playbook[]> {
  const steps = await stepsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentPlaybook(r, steps.get(r.id) ?? []));
}

/** Steps as rows: their position is their place in the list. */
const stepRows = (playbookId: string, steps: StepInput[]) =>
  steps.map((s, position) => ({ playbookId, position, title: s.title, description: s.description ?? null, ownerRole: s.ownerRole, dueAfterDays: s.dueAfterDays }));

export async function listPlaybooks(db: DbOrTx, q: ListPlaybooksQuery): Promise<Playbook[]> {
  const where: SQL[] = [];
  if (q.partnerType) where.push(eq(playbook.partnerType, q.partnerType));
  if (q.archived === 'false') where.push(isNull(playbook.archivedAt));
  if (q.archived === 'true') where.push(isNotNull(playbook.archivedAt));
  const rows = await db
    .select()
    .from(playbook)
    .where(and(...where))
    .orderBy(asc(playbook.partnerType), asc(sql`lower(${playbook.name})`), asc(playbook.id));
  return present(db, rows);
}

export async function getPlaybook(db: DbOrTx, id: string): Promise<Playbook> {
  const [row] = await db.select().from(playbook).where(eq(playbook.id, id));
  if (!row) throw notFound(WHAT.what);
  return (await present(db, [row]))[0]!;
}

/** The playbook and its steps in order, for starting an onboarding; null when unknown. */
export async function findPlaybookWithSteps(db: DbOrTx, id: string) {
  const [row] = await db.select().from(playbook).where(eq(playbook.id, id));
  if (!row) return null;
  return { ...row, steps: (await stepsOf(db, [id])).get(id) ?? [] };
}

/** Names of playbooks in use, lower-cased: an archived playbook's name is free again. */
export async function activePlaybookNames(tx: DbOrTx): Promise<Set<string>> {
  return new Set((await tx.select({ name: playbook.name }).from(playbook).where(isNull(playbook.archivedAt))).map((r) => r.name.toLowerCase()));
}

async function checkNameFree(tx: DbOrTx, name: string, exceptId?: string) {
  const rows = await tx
    .select({ id: playbook.id })
    .from(playbook)
    .where(and(sql`lower(${playbook.name}) = ${name.toLowerCase()}`, isNull(playbook.archivedAt), exceptId ? sql`${playbook.id} <> ${exceptId}` : undefined));
  if (rows.length) throw fieldError('body.name', msg('playbooks.nameUsed'), 'conflict');
}

/** Inserts a playbook with its steps in the caller's transaction (the starter set uses it too). */
export async function insertPlaybook(tx: DbOrTx, input: PlaybookInput, actor: AuditActor): Promise<Row> {
  const [row] = await tx
    .insert(playbook)
    .values({ name: input.name, partnerType: input.partnerType, description: input.description ?? null })
    .returning();
  const steps = stepRows(row!.id, input.steps);
  await tx.insert(playbookStep).values(steps);
  await recordAudit(tx, { actor, entityType: 'playbook', entityId: row!.id, action: 'create', before: null, after: auditablePlaybook(row!, steps) });
  return row!;
}

export async function createPlaybook(db: Db, input: PlaybookInput, actor: Actor): Promise<Playbook> {
  return db.transaction(async (tx) => {
    await checkNameFree(tx, input.name);
    const row = await insertPlaybook(tx, input, actor);
    return (await present(tx, [row]))[0]!;
  });
}

export async function updatePlaybook(db: Db, id: string, input: Partial<PlaybookInput> & { version: number }, actor: Actor): Promise<Playbook> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, playbook, id, WHAT);
    if (before.archivedAt) throw new AppError('conflict', msg('playbooks.archived'));
    const beforeSteps = (await stepsOf(tx, [id])).get(id) ?? [];
    const { version, steps, ...fields } = input;
    if (fields.name !== undefined) await checkNameFree(tx, fields.name, id);
    const after = await updateVersioned(tx, playbook, id, version, fields, WHAT);
    let afterSteps = beforeSteps;
    if (steps) {
      // Replaced as a whole: the list the admin saved is the order. Started onboardings are not
      // affected, since their steps are tasks already.
      await tx.delete(playbookStep).where(eq(playbookStep.playbookId, id));
      afterSteps = await tx.insert(playbookStep).values(stepRows(id, steps)).returning();
    }
    await recordAudit(tx, {
      actor,
      entityType: 'playbook',
      entityId: id,
      action: 'update',
      before: auditablePlaybook(before, beforeSteps),
      after: auditablePlaybook(after, afterSteps),
    });
    return presentPlaybook(after, afterSteps);
  });
}

export async function setPlaybookArchived(db: Db, id: string, archived: boolean, version: number, actor: Actor): Promise<Playbook> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, playbook, id, WHAT);
    if (!archived && before.archivedAt) {
      await checkNameFree(tx, before.name, id).catch(() => {
        throw new AppError('conflict', msg('playbooks.nameTaken', { name: before.name }));
      });
    }
    const after = await updateVersioned(tx, playbook, id, version, { archivedAt: archived ? sql`now()` : null } as never, WHAT);
    const steps = (await stepsOf(tx, [id])).get(id) ?? [];
    await recordAudit(tx, {
      actor,
      entityType: 'playbook',
      entityId: id,
      action: archived ? 'archive' : 'restore',
      before: auditablePlaybook(before, steps),
      after: auditablePlaybook(after, steps),
    });
    return presentPlaybook(after, steps);
  });
}
