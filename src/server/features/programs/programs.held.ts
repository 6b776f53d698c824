import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { partnerProgram, programLevel } from '../../db/schema/index.js';
import type { HeldLevel } from '../../../shared/schemas/partner.js';
import { evaluatePrograms } from './programs.evaluate.js';

/**
 * The levels we hold in the partners' programmes (not archived) and whether we meet them on `day`,
 * by partner: the 360° header's "Level" and the partner list's level column. One query when none is
 * held, whatever the number of partners; the held ones' ladders are evaluated together, as the
 * Programs tab does.
 */
export async function heldLevelsByPartner(db: DbOrTx, partnerIds: readonly string[], day: string): Promise<Map<string, HeldLevel[]>> {
  const out = new Map<string, HeldLevel[]>(partnerIds.map((id) => [id, []]));
  if (!partnerIds.length) return out;
  const rows = await db
    .select({
      partnerId: partnerProgram.partnerId,
      programId: partnerProgram.id,
      programName: partnerProgram.name,
      levelId: programLevel.id,
      levelName: programLevel.name,
      rank: programLevel.rank,
    })
    .from(partnerProgram)
    .innerJoin(programLevel, eq(programLevel.id, partnerProgram.heldLevelId))
    .where(and(inArray(partnerProgram.partnerId, [...partnerIds]), isNull(partnerProgram.archivedAt), isNotNull(partnerProgram.heldLevelId)))
    .orderBy(asc(sql`lower(${partnerProgram.name})`), asc(partnerProgram.id));
  if (!rows.length) return out;
  const ev = await evaluatePrograms(
    db,
    day,
    rows.map((r) => r.programId),
  );
  for (const r of rows) {
    out.get(r.partnerId!)?.push({
      programId: r.programId,
      programName: r.programName,
      level: { id: r.levelId, name: r.levelName, rank: r.rank },
      met: ev.get(r.programId)?.held?.met ?? false,
    });
  }
  return out;
}

/** The levels held in one partner's programmes (see heldLevelsByPartner). */
export async function heldLevelsOf(db: DbOrTx, partnerId: string, day: string): Promise<HeldLevel[]> {
  return (await heldLevelsByPartner(db, [partnerId], day)).get(partnerId)!;
}
