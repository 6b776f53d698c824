import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { certification, levelChecklistItem, levelRequirement, partner, partnerProgram, programLevel, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, updateVersioned } from '../../lib/versioned.js';
import type { checklistDoneBody, createProgramBody, listProgramsQuery, ProgramDetail, ProgramSummary, putLevelsBody, updateProgramBody } from '../../../shared/schemas/programs.js';
import { evaluatePrograms, loadLadders } from './programs.evaluate.js';
import { insertRequirements, type NewRequirement } from './programs.requirements.js';
import { auditableLadder, auditableProgram, presentDetail, presentSummary, type ProgramWithPartner } from './programs.presenter.js';

const WHAT = { what: msg('programs.what'), the: msg('programs.the') };
const CHECKLIST_ITEM = { what: msg('programs.checklistItem.what'), the: msg('programs.checklistItem.the') };
type Row = typeof partnerProgram.$inferSelect;

async function withPartners(db: DbOrTx, where: SQL | undefined): Promise<ProgramWithPartner[]> {
  const rows = await db
    .select({ program: partnerProgram, partnerName: partner.name })
    .from(partnerProgram)
    .leftJoin(partner, eq(partner.id, partnerProgram.partnerId))
    .where(where)
    .orderBy(asc(sql`lower(${partnerProgram.name})`), asc(partnerProgram.id));
  return rows;
}

export async function listPrograms(db: DbOrTx, q: z.output<typeof listProgramsQuery>, today: string): Promise<ProgramSummary[]> {
  const rows = await withPartners(db, q.archived === 'all' ? undefined : q.archived === 'true' ? isNotNull(partnerProgram.archivedAt) : isNull(partnerProgram.archivedAt));
  const ev = await evaluatePrograms(
    db,
    today,
    rows.map((r) => r.program.id),
  );
  return rows.map((r) => presentSummary(r, ev.get(r.program.id)!));
}

async function details(db: DbOrTx, rows: ProgramWithPartner[], today: string): Promise<ProgramDetail[]> {
  const ev = await evaluatePrograms(
    db,
    today,
    rows.map((r) => r.program.id),
  );
  const tickers = [...new Set([...ev.values()].flatMap((e) => e.ladder.levels.flatMap((l) => l.checklist.map((c) => c.doneBy).filter((id): id is string => !!id))))];
  const names = new Map((tickers.length ? await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, tickers)) : []).map((u) => [u.id, u.name]));
  return rows.map((r) => presentDetail(r, ev.get(r.program.id)!, today, names));
}

export async function getProgram(db: DbOrTx, id: string, today: string): Promise<ProgramDetail> {
  const rows = await withPartners(db, eq(partnerProgram.id, id));
  if (!rows.length) throw notFound(WHAT.what);
  return (await details(db, rows, today))[0]!;
}

/** The programmes linked to a partner (not archived), evaluated, for its Programs tab. */
export async function partnerPrograms(db: DbOrTx, partnerId: string, today: string): Promise<ProgramDetail[]> {
  const [p] = await db.select({ id: partner.id }).from(partner).where(eq(partner.id, partnerId));
  if (!p) throw notFound(msg('programs.partner'));
  return details(db, await withPartners(db, and(eq(partnerProgram.partnerId, partnerId), isNull(partnerProgram.archivedAt))), today);
}

/** The partner's and the held level's names, for the audit trail. */
async function auditable(tx: DbOrTx, p: Row) {
  const [partnerRow] = p.partnerId ? await tx.select({ name: partner.name }).from(partner).where(eq(partner.id, p.partnerId)) : [];
  const [levelRow] = p.heldLevelId ? await tx.select({ name: programLevel.name }).from(programLevel).where(eq(programLevel.id, p.heldLevelId)) : [];
  return auditableProgram(p, { partner: partnerRow?.name ?? null, level: levelRow?.name ?? null });
}

async function checkNameFree(tx: DbOrTx, name: string, exceptId?: string) {
  const rows = await tx
    .select({ id: partnerProgram.id })
    .from(partnerProgram)
    .where(and(sql`lower(${partnerProgram.name}) = ${name.toLowerCase()}`, isNull(partnerProgram.archivedAt), exceptId ? sql`${partnerProgram.id} <> ${exceptId}` : undefined));
  if (rows.length) throw fieldError('body.name', msg('programs.field.nameUsed'), 'conflict');
}

async function checkPartner(tx: DbOrTx, partnerId: string | null | undefined) {
  if (!partnerId) return;
  const [p] = await tx.select({ id: partner.id }).from(partner).where(eq(partner.id, partnerId));
  if (!p) throw fieldError('body.partnerId', msg('programs.field.unknownPartner'));
}

export async function createProgram(db: Db, input: z.output<typeof createProgramBody>, actor: Actor, today: string): Promise<ProgramDetail> {
  const id = await db.transaction(async (tx) => {
    await checkNameFree(tx, input.name);
    await checkPartner(tx, input.partnerId);
    const [row] = await tx
      .insert(partnerProgram)
      .values({
        name: input.name,
        vendor: input.vendor,
        description: input.description ?? null,
        url: input.url ?? null,
        partnerId: input.partnerId ?? null,
        nextReviewOn: input.nextReviewOn ?? null,
      })
      .returning();
    await recordAudit(tx, { actor, entityType: 'partner_program', entityId: row!.id, action: 'create', after: await auditable(tx, row!) });
    return row!.id;
  });
  return getProgram(db, id, today);
}

export async function updateProgram(db: Db, id: string, input: z.output<typeof updateProgramBody>, actor: Actor, today: string): Promise<ProgramDetail> {
  await db.transaction(async (tx) => {
    const before = await lockRow(tx, partnerProgram, id, WHAT);
    if (before.archivedAt) throw new AppError('conflict', msg('programs.archived'));
    const { version, ...fields } = input;
    if (fields.name !== undefined) await checkNameFree(tx, fields.name, id);
    await checkPartner(tx, fields.partnerId);
    if (fields.heldLevelId) {
      const [level] = await tx
        .select({ id: programLevel.id })
        .from(programLevel)
        .where(and(eq(programLevel.id, fields.heldLevelId), eq(programLevel.programId, id)));
      if (!level) throw fieldError('body.heldLevelId', msg('programs.field.notALevel'));
    }
    const after = await updateVersioned(tx, partnerProgram, id, version, fields, WHAT);
    await recordAudit(tx, { actor, entityType: 'partner_program', entityId: id, action: 'update', before: await auditable(tx, before), after: await auditable(tx, after) });
  });
  return getProgram(db, id, today);
}

export async function setProgramArchived(db: Db, id: string, archived: boolean, version: number, actor: Actor, today: string): Promise<ProgramDetail> {
  await db.transaction(async (tx) => {
    const before = await lockRow(tx, partnerProgram, id, WHAT);
    if (!archived && before.archivedAt) {
      await checkNameFree(tx, before.name, id).catch(() => {
        throw new AppError('conflict', msg('programs.nameTaken', { name: before.name }));
      });
    }
    const after = await updateVersioned(tx, partnerProgram, id, version, { archivedAt: archived ? sql`now()` : null } as never, WHAT);
    await recordAudit(tx, {
      actor,
      entityType: 'partner_program',
      entityId: id,
      action: archived ? 'archive' : 'restore',
      before: await auditable(tx, before),
      after: await auditable(tx, after as Row),
    });
  });
  return getProgram(db, id, today);
}

/** Ranks move in two steps so that swapping two levels never trips the (programme, rank) unique index. */
const PARKED_RANK = 100_000;

/**
 * Replaces the whole ladder in one versioned write on the programme. Levels and checklist items given
 * with their id are kept (so the held level and ticked items survive); requirements are replaced.
 */
export async function putLevels(db: Db, id: string, input: z.output<typeof putLevelsBody>, actor: Actor, today: string): Promise<ProgramDetail> {
  await db.transaction(async (tx) => {
    const before = await lockRow(tx, partnerProgram, id, WHAT);
    if (before.archivedAt) throw new AppError('conflict', msg('programs.archived'));
    const old = (await loadLadders(tx, [id])).get(id)!;
    const levelIds = new Set(old.levels.map((l) => l.row.id));
    const itemLevel = new Map(old.levels.flatMap((l) => l.checklist.map((c) => [c.id, l.row.id] as const)));
    // A requirement names catalogue certifications, of this programme or another (one CKA counts for
    // every programme naming it). An archived one only when the ladder named it already.
    const wanted = [...new Set(input.levels.flatMap((l) => l.requirements.flatMap((r) => [...r.certificationIds, ...r.children.flatMap((c) => c.certificationIds)])))];
    const named = new Set(
      [...old.certifications, ...old.named]
        .map((c) => c.id)
        .filter((cid) => old.levels.some((l) => l.requirements.some((r) => r.certificationIds.includes(cid) || r.children.some((c) => c.certificationIds.includes(cid))))),
    );
    const found = wanted.length ? await tx.select({ id: certification.id, archivedAt: certification.archivedAt }).from(certification).where(inArray(certification.id, wanted)) : [];
    const certIds = new Set(found.filter((c) => !c.archivedAt || named.has(c.id)).map((c) => c.id));
    const seenLevels = new Set<string>();
    const seenItems = new Set<string>();
    input.levels.forEach((l, i) => {
      if (l.id && (!levelIds.has(l.id) || seenLevels.has(l.id))) throw fieldError(`body.levels.${i}.id`, msg('programs.field.unknownLevel'));
      if (l.id) seenLevels.add(l.id);
      l.checklist.forEach((c, j) => {
        // An item stays with its level: a tick is evidence for that level.
        if (c.id && (!l.id || itemLevel.get(c.id) !== l.id || seenItems.has(c.id))) throw fieldError(`body.levels.${i}.checklist.${j}.id`, msg('programs.field.unknownItem'));
        if (c.id) seenItems.add(c.id);
      });
      l.requirements.forEach((r, j) => {
        const check = (ids: string[], path: string) =>
          ids.forEach((cid, k) => {
            if (!certIds.has(cid)) throw fieldError(`${path}.certificationIds.${k}`, msg('programs.field.unknownCertification'));
          });
        check(r.certificationIds, `body.levels.${i}.requirements.${j}`);
        r.children.forEach((c, k) => check(c.certificationIds, `body.levels.${i}.requirements.${j}.children.${k}`));
      });
    });
    await updateVersioned(tx, partnerProgram, id, input.version, {}, WHAT);

    const gone = [...levelIds].filter((l) => !seenLevels.has(l));
    if (gone.length) await tx.delete(programLevel).where(inArray(programLevel.id, gone));
    const goneItems = [...itemLevel.keys()].filter((c) => !seenItems.has(c));
    if (goneItems.length) await tx.delete(levelChecklistItem).where(inArray(levelChecklistItem.id, goneItems));
    if (seenLevels.size)
      await tx
        .update(programLevel)
        .set({ rank: sql`${programLevel.rank} + ${PARKED_RANK}` })
        .where(inArray(programLevel.id, [...seenLevels]));
    const keptLevels = [...seenLevels];
    if (keptLevels.length) await tx.delete(levelRequirement).where(inArray(levelRequirement.levelId, keptLevels));

    for (const [i, l] of input.levels.entries()) {
      const fields = { name: l.name, description: l.description ?? null, rank: i + 1 };
      const levelId = l.id
        ? (
            await tx
              .update(programLevel)
              .set({ ...fields, version: sql`${programLevel.version} + 1`, updatedAt: sql`now()` })
              .where(eq(programLevel.id, l.id))
              .returning({ id: programLevel.id })
          )[0]!.id
        : (
            await tx
              .insert(programLevel)
              .values({ ...fields, programId: id })
              .returning({ id: programLevel.id })
          )[0]!.id;
      for (const [position, r] of l.requirements.entries()) {
        const values = (x: typeof r | (typeof r.children)[number], pos: number, parentId: string | null): NewRequirement => ({
          levelId,
          parentId,
          position: pos,
          label: x.label || null,
          counts: x.counts,
          minCount: x.minCount,
          categories: [...new Set(x.categories)],
          certificationIds: [...new Set(x.certificationIds)],
        });
        const [parent] = await insertRequirements(tx, [values(r, position, null)]);
        await insertRequirements(
          tx,
          r.children.map((c, k) => values(c, k, parent!)),
        );
      }
      for (const [position, c] of l.checklist.entries()) {
        if (c.id)
          await tx
            .update(levelChecklistItem)
            .set({ position, title: c.title, description: c.description ?? null })
            .where(eq(levelChecklistItem.id, c.id));
        else await tx.insert(levelChecklistItem).values({ levelId, position, title: c.title, description: c.description ?? null });
      }
    }
    const after = (await loadLadders(tx, [id])).get(id)!;
    await recordAudit(tx, {
      actor,
      entityType: 'partner_program',
      entityId: id,
      action: 'update_levels',
      before: { levels: auditableLadder(old) },
      after: { levels: auditableLadder(after) },
    });
  });
  return getProgram(db, id, today);
}

/** Ticks (evidence given) or unticks a checklist item; versioned on the item. Returns its programme. */
export async function setChecklistDone(
  db: Db,
  itemId: string,
  input: z.output<typeof checklistDoneBody> | { version: number; evidence: null },
  actor: Actor,
  today: string,
): Promise<ProgramDetail> {
  const programId = await db.transaction(async (tx) => {
    const before = await lockRow(tx, levelChecklistItem, itemId, CHECKLIST_ITEM);
    const [level] = await tx
      .select({ programId: programLevel.programId, archivedAt: partnerProgram.archivedAt })
      .from(programLevel)
      .innerJoin(partnerProgram, eq(partnerProgram.id, programLevel.programId))
      .where(eq(programLevel.id, before.levelId));
    if (level!.archivedAt) throw new AppError('conflict', msg('programs.archived'));
    const done = input.evidence !== null;
    const after = await updateVersioned(
      tx,
      levelChecklistItem,
      itemId,
      input.version,
      done ? ({ doneAt: sql`now()`, doneBy: actor.id, evidence: input.evidence } as never) : { doneAt: null, doneBy: null, evidence: null },
      CHECKLIST_ITEM,
    );
    const view = (c: typeof before) => ({ title: c.title, done: c.doneAt !== null, doneBy: c.doneBy, evidence: c.evidence });
    await recordAudit(tx, { actor, entityType: 'level_checklist_item', entityId: itemId, action: done ? 'done' : 'undone', before: view(before), after: view(after) });
    return level!.programId;
  });
  return getProgram(db, programId, today);
}
