// The partner-levels part of `npm run bench`: evaluating every programme's ladder (every level met or
// not, gaps, the held level's forecast) over 200 colleagues and 2,000 certifications. See bench/README.md.
import { inArray, isNull } from 'drizzle-orm';
import type { Database } from '../src/server/db/client.js';
import {
  certification,
  certificationRenewal,
  levelChecklistItem,
  levelRequirement,
  partner,
  partnerProgram,
  programLevel,
  user,
  userCertification,
} from '../src/server/db/schema/index.js';
import { evaluatePrograms } from '../src/server/features/programs/programs.evaluate.js';
import { insertRequirements } from '../src/server/features/programs/programs.requirements.js';
import { addDays, addMonths, zurichDate } from '../src/shared/days.js';
import type { CertificationCategory } from '../src/shared/compliance.js';
import { fmt, log, median } from './lib.js';

const GOAL_MS = 100;
const PROGRAMS = 4;
const CERTS_PER_PROGRAM = 10;
const HOLDINGS = 2_000;
export const LEVELS_ROUNDS = Number(process.env.BENCH_LEVELS_ROUNDS ?? 50);

export interface LevelsResult {
  backend: 'pglite' | 'postgres';
  lines: string[];
}

const CATEGORIES: CertificationCategory[] = [
  'foundational',
  'associate',
  'associate',
  'professional',
  'professional',
  'specialty',
  'specialty',
  'accreditation',
  'accreditation',
  'foundational',
];
/** mulberry32: a small deterministic generator, so every run seeds the same portfolio. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
}

/**
 * Four programmes of ten certifications each (foundational to accreditation, the associates renewed by
 * a professional), each with a three-level ladder shaped like the AWS tiers ("of which" conditions,
 * a certifications count, checklist items) and linked to a partner; the active users hold 2,000
 * certifications between them, obtained over the last three years and valid three years.
 */
async function seedLevels(database: Database, today: string): Promise<void> {
  const rand = seeded(42);
  await database.db.transaction(async (tx) => {
    const users = (await tx.select({ id: user.id }).from(user).where(isNull(user.deactivatedAt))).map((u) => u.id);
    const partners = await tx
      .insert(partner)
      .values(Array.from({ length: PROGRAMS }, (_, i) => ({ name: `Levels bench vendor ${i}`, types: ['software_vendor'], status: 'active' })))
      .returning({ id: partner.id });
    const allCerts: string[] = [];
    for (let p = 0; p < PROGRAMS; p++) {
      const [program] = await tx
        .insert(partnerProgram)
        .values({ name: `Levels bench programme ${p}`, vendor: `Vendor ${p}`, partnerId: partners[p]!.id, nextReviewOn: addDays(today, 100 + p) })
        .returning({ id: partnerProgram.id });
      const certs = await tx
        .insert(certification)
        .values(
          CATEGORIES.slice(0, CERTS_PER_PROGRAM).map((category, i) => ({
            programId: program!.id,
            name: `Bench certification ${p}-${i}`,
            issuer: `Vendor ${p}`,
            category,
            validityMonths: 36,
          })),
        )
        .returning({ id: certification.id, category: certification.category });
      allCerts.push(...certs.map((c) => c.id));
      const pro = certs.find((c) => c.category === 'professional')!;
      await tx.insert(certificationRenewal).values(certs.filter((c) => c.category === 'associate').map((c) => ({ certificationId: c.id, renewedById: pro.id })));
      const levels = await tx
        .insert(programLevel)
        .values(['Select', 'Advanced', 'Premier'].map((name, i) => ({ programId: program!.id, name, rank: i + 1 })))
        .returning({ id: programLevel.id, rank: programLevel.rank });
      for (const level of levels) {
        const k = level.rank;
        const [acc] = await tx
          .insert(levelRequirement)
          .values({ levelId: level.id, position: 0, counts: 'people', minCount: 4 * k, categories: ['accreditation'] })
          .returning({ id: levelRequirement.id });
        const [tech] = await tx
          .insert(levelRequirement)
          .values({ levelId: level.id, position: 2, counts: 'people', minCount: 10 * k, categories: ['associate', 'professional', 'specialty'] })
          .returning({ id: levelRequirement.id });
        await insertRequirements(tx, [
          { levelId: level.id, parentId: acc!.id, position: 0, counts: 'people', minCount: 2 * k, certificationIds: [certs[7]!.id] },
          { levelId: level.id, parentId: acc!.id, position: 1, counts: 'people', minCount: 2 * k, certificationIds: [certs[8]!.id] },
          { levelId: level.id, position: 1, counts: 'people', minCount: 5 * k, categories: ['foundational'] },
          { levelId: level.id, parentId: tech!.id, position: 0, counts: 'people', minCount: 4 * k, categories: ['professional', 'specialty'] },
          { levelId: level.id, position: 3, counts: 'certifications', minCount: 30 * k, certificationIds: certs.slice(1, 7).map((c) => c.id) },
        ]);
        await tx.insert(levelChecklistItem).values({ levelId: level.id, title: `${10 * k} launched opportunities`, ...(k === 1 ? { doneAt: new Date(), evidence: 'bench' } : {}) });
      }
      await tx
        .update(partnerProgram)
        .set({ heldLevelId: levels[0]!.id })
        .where(inArray(partnerProgram.id, [program!.id]));
    }
    const holdings = Array.from({ length: HOLDINGS }, () => {
      const obtainedOn = addDays(today, -rand(3 * 365));
      return { userId: users[rand(users.length)]!, certificationId: allCerts[rand(allCerts.length)]!, status: 'obtained', obtainedOn, expiresOn: addMonths(obtainedOn, 36) };
    });
    await tx.insert(userCertification).values(holdings);
  });
  if (database.kind === 'postgres')
    for (const t of ['partner_program', 'program_level', 'level_requirement', 'level_checklist_item', 'certification', 'certification_renewal', 'user_certification'])
      await database.query(`analyze ${t}`);
}

export async function benchLevels({ backend, database }: { backend: 'pglite' | 'postgres'; database: Database }): Promise<LevelsResult> {
  const today = zurichDate(new Date());
  log(`${backend}: seeding partner levels…`);
  const seedStart = performance.now();
  await seedLevels(database, today);
  const seedMs = performance.now() - seedStart;
  for (let i = 0; i < 3; i++) await evaluatePrograms(database.db, today);
  const times: number[] = [];
  let result = await evaluatePrograms(database.db, today);
  // CPU time of this process (on PGlite the database too) is less skewed by other load than wall time.
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < LEVELS_ROUNDS; i++) {
    const t0 = performance.now();
    result = await evaluatePrograms(database.db, today);
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / LEVELS_ROUNDS;
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
  const met = [...result.values()].filter((e) => e.held?.met).length;
  const forecasts = [...result.values()].filter((e) => e.held?.forecast).length;
  return {
    backend,
    lines: [
      `| seed: ${PROGRAMS} programmes × ${CERTS_PER_PROGRAM} certifications, 3 levels each, ${HOLDINGS.toLocaleString('en')} certifications of 200 colleagues | — | ${fmt(seedMs)} ms | — |`,
      `| \`evaluatePrograms\`: every programme (${result.size}), every level, the held level's forecast; p50 / p95 over ${LEVELS_ROUNDS} | ${met} held levels met, ${forecasts} with a forecast; Node CPU ${cpuMs.toFixed(1)} ms per evaluation | ${median(times).toFixed(1)} / ${p95.toFixed(1)} ms | ${p95 < GOAL_MS ? 'goal met' : 'goal missed'} (< ${GOAL_MS} ms) |`,
    ],
  };
}
