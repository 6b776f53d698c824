import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { certification, contract, levelChecklistItem, partner, partnerProgram, programLevel, riskAssessment, riskCriterion, riskScore } from '../db/schema/index.js';
import { insertRequirements } from '../features/programs/programs.requirements.js';
import { ensureStarterLevels } from '../features/programs/programs.starter.js';
import { STARTER_PROGRAM_NAMES } from '../features/certifications/certifications.starter.js';
import { ensureStarterRiskCriteria } from '../features/risk/risk.starter.js';
import { readRiskPolicy } from '../features/risk/risk.settings.js';
import { rateScores } from '../../shared/schemas/risk.js';
import { addDays, addMonths, zurichDate } from '../../shared/days.js';
import type { ContractClause, ContractType } from '../../shared/compliance.js';

export interface DemoComplianceInput {
  /** `program` and `level`: the partner's programme and the level we hold in it, linked as programmes. */
  partners: { id: string; name: string; types: string[]; importance: string; status: string; ownerId: string | null; program?: string | null; level?: string | null }[];
  assessorId: string;
  approverId: string;
  now: Date;
  random: () => number;
}

const LEGAL_ENTITY = 'Partnerhub Demo AG';

/** The main agreement a partner of each kind has with us, and the clauses such agreements usually hold. */
const MAIN_AGREEMENT: Record<string, { type: ContractType; title: string; clauses: ContractClause[] }> = {
  software_vendor: { type: 'reseller_agreement', title: 'Reseller agreement', clauses: ['confidentiality', 'return_of_assets', 'service_levels'] },
  cloud_service_provider: {
    type: 'msa',
    title: 'Master services agreement',
    clauses: ['confidentiality', 'return_of_assets', 'service_levels', 'business_continuity', 'exit_and_portability'],
  },
  distributor: { type: 'distribution_agreement', title: 'Distribution agreement', clauses: ['confidentiality', 'service_levels'] },
  consultant_reseller: { type: 'partner_agreement', title: 'Partner agreement', clauses: ['confidentiality', 'return_of_assets'] },
};

/**
 * Contracts for the partners we work with, and approved supplier risk assessments for the
 * suppliers among them (cloud providers and distributors): one falls due soon, one is overdue, so the
 * reminders and the overview have something to show.
 */
export async function seedDemoCompliance(tx: DbOrTx, input: DemoComplianceInput): Promise<{ contracts: number; assessments: number }> {
  const { now, random } = input;
  const today = zurichDate(now);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  let contracts = 0;
  let assessments = 0;

  const working = input.partners.filter((p) => p.status === 'active' || p.status === 'paused');
  for (const [i, p] of working.entries()) {
    const main = MAIN_AGREEMENT[p.types[0]!]!;
    const startsOn = addMonths(today, -int(6, 40));
    // The first few renew soon, so the notice deadlines and their alerts show in the demo.
    const endsOn = i < 3 ? addMonths(today, int(2, 4)) : addMonths(startsOn, 36);
    const big = p.importance !== 'standard';
    const rows: (typeof contract.$inferInsert)[] = [
      {
        partnerId: p.id,
        type: main.type,
        title: `${main.title} ${p.name}`,
        parties: [LEGAL_ENTITY, p.name],
        status: 'active',
        signedOn: addDays(startsOn, -int(5, 30)),
        startsOn,
        endsOn,
        autoRenew: true,
        renewalTermMonths: 12,
        noticePeriodCount: 3,
        noticePeriodUnit: 'months',
        valueMinor: big ? int(50, 400) * 100_000 : null,
        currency: big ? 'CHF' : null,
        ownerId: p.ownerId,
        clauses: main.clauses,
      },
      {
        partnerId: p.id,
        type: 'nda',
        title: `Mutual NDA ${p.name}`,
        parties: [LEGAL_ENTITY, p.name],
        status: 'active',
        signedOn: addDays(startsOn, -int(40, 120)),
        startsOn: addDays(startsOn, -int(40, 120)),
        ownerId: p.ownerId,
        clauses: ['confidentiality', 'return_of_assets'],
      },
    ];
    if (p.types.includes('cloud_service_provider')) {
      rows.push({
        partnerId: p.id,
        type: 'dpa',
        title: `Data processing agreement ${p.name}`,
        parties: [LEGAL_ENTITY, p.name],
        status: 'active',
        signedOn: startsOn,
        startsOn,
        ownerId: p.ownerId,
        clauses: ['data_processing', 'subprocessor_approval', 'incident_notification', 'data_location'],
      });
    }
    await tx.insert(contract).values(rows);
    contracts += rows.length;
  }

  // We hold AWS Select (met today, until a certification lapses) and CNCF KCSP (short of one CKA holder).
  await ensureStarterLevels(tx, null);
  for (const [name, level, reviewInMonths] of [
    [STARTER_PROGRAM_NAMES.aws, 'Select', 4],
    [STARTER_PROGRAM_NAMES.cncf, 'KCSP', 7],
  ] as const) {
    const [program] = await tx.select().from(partnerProgram).where(eq(partnerProgram.name, name));
    if (!program || program.heldLevelId) continue;
    const [held] = await tx
      .select()
      .from(programLevel)
      .where(and(eq(programLevel.programId, program.id), eq(programLevel.name, level)));
    if (!held) continue;
    await tx
      .update(partnerProgram)
      .set({ heldLevelId: held.id, heldSince: addMonths(today, reviewInMonths - 12), nextReviewOn: addMonths(today, reviewInMonths) })
      .where(eq(partnerProgram.id, program.id));
    await tx
      .update(levelChecklistItem)
      .set({ doneBy: input.approverId, doneAt: now, evidence: 'Launched opportunities recorded in the vendor portal' })
      .where(eq(levelChecklistItem.levelId, held.id));
  }

  await linkDemoProgrammes(tx, input.partners, today);

  await ensureStarterRiskCriteria(tx, null);
  const criteria = await tx.select().from(riskCriterion).where(isNull(riskCriterion.archivedAt));
  const policy = await readRiskPolicy(tx);
  const suppliers = working.filter((p) => p.types.includes('cloud_service_provider') || p.types.includes('distributor'));
  for (const [i, p] of suppliers.entries()) {
    // Cloud providers touch customer data: they score higher than distributors.
    const base = p.types.includes('cloud_service_provider') ? 1 : 0;
    const scores = criteria.map((c) => ({ criterionId: c.id, criterionName: c.name, weight: c.weight, score: Math.min(3, base + int(0, 2)) }));
    const rated = rateScores(scores, policy)!;
    // The first is overdue, the second falls due within the month; the rest are on schedule.
    const months = policy.reviewMonths[rated.rating];
    const assessedOn = i === 0 ? addDays(addMonths(today, -months), -20) : i === 1 ? addDays(addMonths(today, -months), 20) : addMonths(today, -int(1, Math.max(1, months - 3)));
    const nextReviewOn = addMonths(assessedOn, months);
    const [a] = await tx
      .insert(riskAssessment)
      .values({
        partnerId: p.id,
        status: 'approved',
        reason: 'initial',
        scope: 'Infrastructure and services we resell or run customer workloads on',
        summary: `${p.name}: ${rated.rating} risk at the last review.`,
        assessorId: input.assessorId,
        assessedOn,
        approverId: input.approverId,
        approvedAt: new Date(`${addDays(assessedOn, 2)}T09:00:00Z`),
        scorePercent: rated.scorePercent,
        rating: rated.rating,
        nextReviewOn,
      })
      .returning({ id: riskAssessment.id });
    await tx.insert(riskScore).values(scores.map((s) => ({ ...s, assessmentId: a!.id })));
    await tx.update(partner).set({ riskReviewDueOn: nextReviewOn }).where(eq(partner.id, p.id));
    assessments++;
  }
  return { contracts, assessments };
}

/**
 * Each demo partner's programme, linked, with the level we hold in it: a starter programme of that
 * name is linked (AWS, CNCF), another is created with the held level as a rung. Kubeforge's top level
 * asks for Kubernetes administrators: the CKA holdings recorded for the KCSP count for it too.
 */
async function linkDemoProgrammes(tx: DbOrTx, partners: DemoComplianceInput['partners'], today: string): Promise<void> {
  const [cka] = await tx
    .select({ id: certification.id })
    .from(certification)
    .where(and(eq(certification.examCode, 'CKA'), isNull(certification.archivedAt)))
    .limit(1);
  for (const p of partners) {
    if (!p.program) continue;
    let [program] = await tx
      .select()
      .from(partnerProgram)
      .where(and(eq(partnerProgram.name, p.program), isNull(partnerProgram.archivedAt)));
    if (program?.partnerId && program.partnerId !== p.id) continue;
    if (!program) {
      [program] = await tx
        .insert(partnerProgram)
        .values({ name: p.program, vendor: p.name, partnerId: p.id, description: `${p.name}’s partner programme.`, nextReviewOn: addMonths(today, 6) })
        .returning();
    } else if (!program.partnerId) {
      await tx.update(partnerProgram).set({ partnerId: p.id }).where(eq(partnerProgram.id, program.id));
    }
    if (!p.level || program!.heldLevelId) continue;
    let [level] = await tx
      .select()
      .from(programLevel)
      .where(and(eq(programLevel.programId, program!.id), eq(programLevel.name, p.level)));
    if (!level) {
      [level] = await tx.insert(programLevel).values({ programId: program!.id, name: p.level, rank: 1 }).returning();
      if (p.name === 'Kubeforge' && cka) {
        await insertRequirements(tx, [{ levelId: level!.id, position: 0, counts: 'people', minCount: 2, label: 'Kubernetes administrators (CKA)', certificationIds: [cka.id] }]);
      }
    }
    await tx
      .update(partnerProgram)
      .set({ heldLevelId: level!.id, heldSince: addMonths(today, -8) })
      .where(eq(partnerProgram.id, program!.id));
  }
}
