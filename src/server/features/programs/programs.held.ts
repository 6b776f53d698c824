import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { partnerProgram, programLevel } from '../../db/schema/index.js';
import type { HeldLevel } from '../../../shared/schemas/partner.js';
import { evaluatePrograms } from './programs.evaluate.js';

/**
 * The levels we hold in a partner's programmes (not archived) and whether we meet them on `day`: the
 * 360° header's "Level", answered with the partner. One query when none is held; the held ones'
 * ladders are evaluated as the Programs tab does.
 */
export async function heldLevelsOf(db: DbOrTx, partnerId: string, day: string): Promise<HeldLevel[]> {
  const rows = await db
    .select({ programId: partnerProgram.id, programName: partnerProgram.name, levelId: programLevel.id, levelName: programLevel.name, rank: programLevel.rank })
    .from(partnerProgram)
    .innerJoin(programLevel, eq(programLevel.id, partnerProgram.heldLevelId))
    .where(and(eq(partnerProgram.partnerId, partnerId), isNull(partnerProgram.archivedAt), isNotNull(partnerProgram.heldLevelId)))
    .orderBy(asc(sql`lower(${partnerProgram.name})`), asc(partnerProgram.id));
  if (!rows.length) return [];
  const ev = await evaluatePrograms(db, day, rows.map((r) => r.programId));
  return rows.map((r) => ({
    programId: r.programId,
    programName: r.programName,
    level: { id: r.levelId, name: r.levelName, rank: r.rank },
    met: ev.get(r.programId)?.held?.met ?? false,
  }));
}
