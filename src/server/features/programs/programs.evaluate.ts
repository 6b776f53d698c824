import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../db/client.js';
import {
  certification,
  certificationRenewal,
  levelChecklistItem,
  levelRequirement,
  levelRequirementCertification,
  partnerProgram,
  programLevel,
  user,
  userCertification,
} from '../../db/schema/index.js';
import { effectiveExpiries } from '../../../shared/certifications.js';
import type { RequirementCounts } from '../../../shared/compliance.js';
import {
  evaluateLevel,
  forecastLevel,
  heldOnDay,
  type CoreCertification,
  type CoreHolding,
  type CoreLevel,
  type CoreRequirement,
  type Forecast,
  type LevelResult,
} from './levels.core.js';

export type LevelRow = typeof programLevel.$inferSelect;
/** A requirement with the catalogue certifications it names (level_requirement_certification). */
export type RequirementRow = typeof levelRequirement.$inferSelect & { certificationIds: string[] };
export type ChecklistRow = typeof levelChecklistItem.$inferSelect;
export type CertificationRow = Pick<typeof certification.$inferSelect, 'id' | 'programId' | 'name' | 'examCode' | 'category' | 'archivedAt'>;

/**
 * A programme's ladder as stored, levels by rank, requirements by position with their "of which"
 * children; its own certification catalogue, and the other programmes' certifications its
 * requirements name (with their programme's name).
 */
export interface Ladder {
  levels: { row: LevelRow; requirements: (RequirementRow & { children: RequirementRow[] })[]; checklist: ChecklistRow[] }[];
  certifications: CertificationRow[];
  named: (CertificationRow & { programName: string })[];
}

const emptyLadder = (): Ladder => ({ levels: [], certifications: [], named: [] });

export interface ProgramEvaluation {
  levels: Map<string, LevelResult>;
  held: { levelId: string; met: boolean; gaps: string[]; forecast: Forecast | null } | null;
  next: { levelId: string; met: boolean; gaps: string[] } | null;
}

/** Ladders of the given programmes (every programme when `programIds` is null), in six queries whatever their number. */
export async function loadLadders(db: DbOrTx, programIds: readonly string[] | null): Promise<Map<string, Ladder>> {
  const out = new Map<string, Ladder>((programIds ?? []).map((id) => [id, emptyLadder()]));
  if (programIds && !programIds.length) return out;
  const levelRows = await db
    .select()
    .from(programLevel)
    .where(programIds ? inArray(programLevel.programId, [...programIds]) : undefined)
    .orderBy(asc(programLevel.rank));
  const levelIds = levelRows.map((l) => l.id);
  const [reqRows, named, items, certs] = await readTogether(
    db,
    () => (levelIds.length ? db.select().from(levelRequirement).where(inArray(levelRequirement.levelId, levelIds)).orderBy(asc(levelRequirement.position)) : Promise.resolve([])),
    () =>
      levelIds.length
        ? db
            .select({ requirementId: levelRequirementCertification.requirementId, certificationId: levelRequirementCertification.certificationId })
            .from(levelRequirementCertification)
            .innerJoin(levelRequirement, eq(levelRequirement.id, levelRequirementCertification.requirementId))
            .where(inArray(levelRequirement.levelId, levelIds))
        : Promise.resolve([]),
    () =>
      levelIds.length ? db.select().from(levelChecklistItem).where(inArray(levelChecklistItem.levelId, levelIds)).orderBy(asc(levelChecklistItem.position)) : Promise.resolve([]),
    () =>
      db
        .select({
          id: certification.id,
          programId: certification.programId,
          name: certification.name,
          examCode: certification.examCode,
          category: certification.category,
          archivedAt: certification.archivedAt,
        })
        .from(certification)
        .where(programIds ? inArray(certification.programId, [...programIds]) : undefined)
        .orderBy(asc(certification.name)),
  );
  const ladder = (programId: string) => {
    let l = out.get(programId);
    if (!l) out.set(programId, (l = emptyLadder()));
    return l;
  };
  const namedBy = new Map<string, string[]>();
  for (const n of named) {
    const list = namedBy.get(n.requirementId);
    if (list) list.push(n.certificationId);
    else namedBy.set(n.requirementId, [n.certificationId]);
  }
  const reqs: RequirementRow[] = reqRows.map((r) => ({ ...r, certificationIds: namedBy.get(r.id) ?? [] }));
  const byLevel = new Map<string, Ladder['levels'][number]>();
  for (const row of levelRows) {
    const entry = { row, requirements: [], checklist: [] };
    byLevel.set(row.id, entry);
    ladder(row.programId).levels.push(entry);
  }
  const tops = new Map<string, RequirementRow & { children: RequirementRow[] }>();
  for (const r of reqs) if (!r.parentId) tops.set(r.id, { ...r, children: [] });
  for (const r of reqs) {
    if (r.parentId) tops.get(r.parentId)?.children.push(r);
  }
  for (const r of tops.values()) byLevel.get(r.levelId)?.requirements.push(r);
  for (const c of items) byLevel.get(c.levelId)?.checklist.push(c);
  for (const c of certs) ladder(c.programId).certifications.push(c);
  // Certifications of other programmes' catalogues that requirements name, with their programme's name.
  const namedIds = [...new Set(named.map((n) => n.certificationId))];
  if (namedIds.length) {
    const rows = await db
      .select({
        id: certification.id,
        programId: certification.programId,
        name: certification.name,
        examCode: certification.examCode,
        category: certification.category,
        archivedAt: certification.archivedAt,
        programName: partnerProgram.name,
      })
      .from(certification)
      .innerJoin(partnerProgram, eq(partnerProgram.id, certification.programId))
      .where(inArray(certification.id, namedIds))
      .orderBy(asc(certification.name));
    const byId = new Map(rows.map((c) => [c.id, c]));
    const levelProgram = new Map(levelRows.map((l) => [l.id, l.programId]));
    const reqProgram = new Map(reqs.map((r) => [r.id, levelProgram.get(r.levelId)!]));
    const seen = new Set<string>();
    for (const n of named) {
      const c = byId.get(n.certificationId);
      const programId = reqProgram.get(n.requirementId)!;
      if (!c || c.programId === programId || seen.has(`${programId}:${c.id}`)) continue;
      seen.add(`${programId}:${c.id}`);
      ladder(programId).named.push(c);
    }
  }
  return out;
}

const coreRequirement = (r: RequirementRow & { children?: RequirementRow[] }): CoreRequirement => ({
  id: r.id,
  label: r.label,
  counts: r.counts as RequirementCounts,
  minCount: r.minCount,
  categories: r.categories,
  certificationIds: r.certificationIds,
  children: (r.children ?? []).map(coreRequirement),
});

export const coreLevel = (l: Ladder['levels'][number]): CoreLevel => ({
  id: l.row.id,
  name: l.row.name,
  rank: l.row.rank,
  requirements: l.requirements.map(coreRequirement),
  checklist: l.checklist.map((c) => ({ id: c.id, title: c.title, done: c.doneAt !== null })),
});

/**
 * Obtained, not archived certifications of active colleagues, by programme, with their expiry after
 * renewals by higher exams. `certificationPrograms` maps each certification of interest to the
 * programmes it counts for (its own, and those whose requirements name it): one holding counts for
 * each of them. Holdings of other certifications are left out. Joined in memory rather than in SQL: three
 * plain reads stay fast whatever the planner's statistics say (a stale estimate once turned the join
 * into a nested loop over every user per holding).
 */
export async function loadHoldings(db: DbOrTx, certificationPrograms: ReadonlyMap<string, readonly string[]>): Promise<Map<string, CoreHolding[]>> {
  const out = new Map<string, CoreHolding[]>();
  const certIds = [...certificationPrograms.keys()];
  if (!certIds.length) return out;
  const [rows, people, renewals] = await readTogether(
    db,
    () =>
      db
        .select({
          id: userCertification.id,
          userId: userCertification.userId,
          certificationId: userCertification.certificationId,
          obtainedOn: userCertification.obtainedOn,
          expiresOn: userCertification.expiresOn,
        })
        .from(userCertification)
        .where(and(eq(userCertification.status, 'obtained'), isNull(userCertification.archivedAt), inArray(userCertification.certificationId, certIds))),
    () => db.select({ id: user.id, name: user.name }).from(user).where(isNull(user.deactivatedAt)),
    () => db.select().from(certificationRenewal).where(inArray(certificationRenewal.certificationId, certIds)),
  );
  const names = new Map(people.map((u) => [u.id, u.name]));
  const renewedBy = new Map<string, string[]>();
  for (const r of renewals) {
    const list = renewedBy.get(r.certificationId);
    if (list) list.push(r.renewedById);
    else renewedBy.set(r.certificationId, [r.renewedById]);
  }
  const holdings = rows.filter((r) => r.obtainedOn !== null && names.has(r.userId)).map((r) => ({ ...r, obtainedOn: r.obtainedOn! }));
  const expiries = effectiveExpiries(holdings, renewedBy);
  for (const h of holdings) {
    const core = {
      id: h.id,
      userId: h.userId,
      userName: names.get(h.userId)!,
      certificationId: h.certificationId,
      obtainedOn: h.obtainedOn,
      expiresOn: expiries.get(h.id) ?? null,
    };
    for (const programId of certificationPrograms.get(h.certificationId)!) {
      const list = out.get(programId);
      if (list) list.push(core);
      else out.set(programId, [core]);
    }
  }
  return out;
}

/** The certifications a ladder's requirements can count: its catalogue, and other programmes' it names (matched by id only). */
export const ladderCertifications = (ladder: Ladder): Map<string, CoreCertification> =>
  new Map<string, CoreCertification>([...ladder.certifications.map((c) => [c.id, c] as const), ...ladder.named.map((c) => [c.id, { ...c, foreign: true }] as const)]);

/** One programme's standing on `day`: every level, the held one with its forecast, and the one above it. */
export function evaluateLadder(ladder: Ladder, holdings: readonly CoreHolding[], heldLevelId: string | null, day: string): ProgramEvaluation {
  const certs = ladderCertifications(ladder);
  const today = heldOnDay(holdings, day);
  const levels = new Map<string, LevelResult>();
  const cores = ladder.levels.map(coreLevel);
  for (const level of cores) levels.set(level.id, evaluateLevel(level, today, certs));
  const heldIndex = cores.findIndex((l) => l.id === heldLevelId);
  const heldCore = cores[heldIndex];
  const held = heldCore
    ? { levelId: heldCore.id, met: levels.get(heldCore.id)!.met, gaps: levels.get(heldCore.id)!.gaps, forecast: forecastLevel(heldCore, today, certs, day) }
    : null;
  const nextCore = cores[heldIndex + 1];
  const next = nextCore ? { levelId: nextCore.id, met: levels.get(nextCore.id)!.met, gaps: levels.get(nextCore.id)!.gaps } : null;
  return { levels, held, next };
}

/**
 * Every programme's standing on `day` (the given ones, or all not archived): ladders, holdings and
 * renewals are read once and evaluated in memory. The bench times this.
 */
export async function evaluatePrograms(db: DbOrTx, day: string, programIds: readonly string[] | null = null): Promise<Map<string, ProgramEvaluation & { ladder: Ladder }>> {
  const programs = await db
    .select({ id: partnerProgram.id, heldLevelId: partnerProgram.heldLevelId })
    .from(partnerProgram)
    .where(programIds ? inArray(partnerProgram.id, [...programIds]) : isNull(partnerProgram.archivedAt));
  const ids = programs.map((p) => p.id);
  const ladders = await loadLadders(db, programIds ? ids : null);
  const certificationPrograms = new Map<string, string[]>();
  for (const [programId, l] of ladders) {
    for (const c of [...l.certifications, ...l.named]) {
      const list = certificationPrograms.get(c.id);
      if (!list) certificationPrograms.set(c.id, [programId]);
      else if (!list.includes(programId)) list.push(programId);
    }
  }
  const holdings = await loadHoldings(db, certificationPrograms);
  const out = new Map<string, ProgramEvaluation & { ladder: Ladder }>();
  for (const p of programs) {
    const ladder = ladders.get(p.id) ?? emptyLadder();
    out.set(p.id, { ...evaluateLadder(ladder, holdings.get(p.id) ?? [], p.heldLevelId, day), ladder });
  }
  return out;
}
