import type { DbOrTx } from '../../db/client.js';
import { levelRequirement, levelRequirementCertification } from '../../db/schema/index.js';

export type NewRequirement = Omit<typeof levelRequirement.$inferInsert, 'id'> & { certificationIds?: readonly string[] };

/** Inserts requirements of one level (or the "of which" children of one parent) with the catalogue certifications they name; returns their ids in order. */
export async function insertRequirements(tx: DbOrTx, rows: readonly NewRequirement[]): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await tx
    .insert(levelRequirement)
    .values(rows.map(({ certificationIds: _ids, ...r }) => r))
    .returning({ id: levelRequirement.id });
  const named = rows.flatMap((r, i) => [...new Set(r.certificationIds ?? [])].map((certificationId) => ({ requirementId: inserted[i]!.id, certificationId })));
  if (named.length) await tx.insert(levelRequirementCertification).values(named);
  return inserted.map((r) => r.id);
}
