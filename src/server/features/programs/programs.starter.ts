import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { certification, levelChecklistItem, partnerProgram, programLevel } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import type { Actor } from '../../lib/policy.js';
import type { CertificationCategory, RequirementCounts } from '../../../shared/compliance.js';
import { STARTER_PROGRAM_NAMES } from '../certifications/index.js';
import { loadLadders } from './programs.evaluate.js';
import { insertRequirements } from './programs.requirements.js';
import { auditableLadder } from './programs.presenter.js';

/** Serialises concurrent starter runs, like the catalogue's. */
const STARTER_LOCK = 7_311_006;

interface StarterRequirement {
  counts: RequirementCounts;
  minCount: number;
  categories?: CertificationCategory[];
  /** Certification names of the programme's catalogue (resolved to ids; a missing one is skipped). */
  certifications?: string[];
  children?: Omit<StarterRequirement, 'children'>[];
}
interface StarterLevel {
  name: string;
  description: string;
  requirements: StarterRequirement[];
  checklist: string[];
}

const TECH = 'AWS Partner Accreditation (Technical)';
const BIZ = 'AWS Partner Accreditation (Business)';
const TECHNICAL: CertificationCategory[] = ['associate', 'professional', 'specialty'];
const PRO: CertificationCategory[] = ['professional', 'specialty'];
const accredited = (n: number, each?: number): StarterRequirement => ({
  counts: 'people',
  minCount: n,
  categories: ['accreditation'],
  children: each
    ? [
        { counts: 'people', minCount: each, certifications: [TECH] },
        { counts: 'people', minCount: each, certifications: [BIZ] },
      ]
    : [],
});
const technical = (n: number, pro?: number): StarterRequirement => ({
  counts: 'people',
  minCount: n,
  categories: TECHNICAL,
  children: pro ? [{ counts: 'people', minCount: pro, categories: PRO }] : [],
});

/** The AWS Services Path tiers (2023 tier guide, see spec/domain-facts.md) and CNCF's KCSP. Data, not code: admins edit them. */
export const STARTER_LADDERS: Record<string, StarterLevel[]> = {
  [STARTER_PROGRAM_NAMES.aws]: [
    {
      name: 'Select',
      description: 'The vendor re-checks tiers every 12 months.',
      requirements: [accredited(4, 2), { counts: 'people', minCount: 2, categories: ['foundational'] }, technical(2)],
      checklist: ['3 launched opportunities'],
    },
    {
      name: 'Advanced',
      description: 'The vendor re-checks tiers every 12 months.',
      requirements: [accredited(8), { counts: 'people', minCount: 4, categories: ['foundational'] }, technical(6, 3)],
      checklist: ['20 launched opportunities', 'Partner business plan'],
    },
    {
      name: 'Premier',
      description: 'The vendor re-checks tiers every 12 months.',
      requirements: [accredited(20, 10), { counts: 'people', minCount: 10, categories: ['foundational'] }, technical(25, 10)],
      checklist: ['50 launched opportunities', '3 technical validations', 'Executive business review'],
    },
  ],
  [STARTER_PROGRAM_NAMES.cncf]: [
    {
      name: 'KCSP',
      description: 'Kubernetes Certified Service Provider.',
      requirements: [{ counts: 'people', minCount: 3, certifications: ['Certified Kubernetes Administrator (CKA)'] }],
      checklist: [],
    },
  ],
};

/**
 * Adds the starter ladders to starter programmes (by name, not archived) that have no levels yet, in
 * the caller's transaction. Call it after ensureStarterCatalogue; running it again adds nothing, and a
 * ladder an admin has built is never touched.
 */
export async function ensureStarterLevels(tx: DbOrTx, actor: Pick<Actor, 'id' | 'name'> | null = null): Promise<{ programs: string[] }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${STARTER_LOCK})`);
  const done: string[] = [];
  for (const [name, levels] of Object.entries(STARTER_LADDERS)) {
    const [program] = await tx
      .select({ id: partnerProgram.id })
      .from(partnerProgram)
      .where(and(sql`lower(${partnerProgram.name}) = ${name.toLowerCase()}`, isNull(partnerProgram.archivedAt)));
    if (!program) continue;
    if ((await tx.select({ id: programLevel.id }).from(programLevel).where(eq(programLevel.programId, program.id)).limit(1)).length) continue;
    const wanted = [...new Set(levels.flatMap((l) => l.requirements.flatMap((r) => [...(r.certifications ?? []), ...(r.children ?? []).flatMap((c) => c.certifications ?? [])])))];
    const certs = wanted.length
      ? await tx
          .select({ id: certification.id, name: certification.name })
          .from(certification)
          .where(and(eq(certification.programId, program.id), isNull(certification.archivedAt), inArray(certification.name, wanted)))
      : [];
    const idOf = new Map(certs.map((c) => [c.name, c.id]));
    const row = (levelId: string, r: StarterRequirement, position: number, parentId: string | null) => ({
      levelId,
      parentId,
      position,
      counts: r.counts,
      minCount: r.minCount,
      categories: r.categories ?? [],
      certificationIds: (r.certifications ?? []).map((n) => idOf.get(n)).filter((id): id is string => !!id),
    });
    for (const [i, l] of levels.entries()) {
      const [level] = await tx
        .insert(programLevel)
        .values({ programId: program.id, rank: i + 1, name: l.name, description: l.description })
        .returning({ id: programLevel.id });
      for (const [position, r] of l.requirements.entries()) {
        const [parent] = await insertRequirements(tx, [row(level!.id, r, position, null)]);
        await insertRequirements(
          tx,
          (r.children ?? []).map((c, k) => row(level!.id, c, k, parent!)),
        );
      }
      if (l.checklist.length) await tx.insert(levelChecklistItem).values(l.checklist.map((title, position) => ({ levelId: level!.id, position, title })));
    }
    const ladder = (await loadLadders(tx, [program.id])).get(program.id)!;
    await recordAudit(tx, {
      actor,
      entityType: 'partner_program',
      entityId: program.id,
      action: 'update_levels',
      before: { levels: [] },
      after: { levels: auditableLadder(ladder) },
    });
    done.push(name);
  }
  return { programs: done };
}
