import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { certification, partnerProgram, userCertification } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { deriveExpiry } from '../../../shared/certifications.js';
import { addDays, addMonths, zurichDate } from '../../../shared/days.js';
import { ensureStarterCatalogue, STARTER_PROGRAM_NAMES } from './certifications.starter.js';
import { auditableHolding } from './certifications.presenter.js';
import type { AuditActor } from './certifications.service.js';

type Plan = { code: string; obtainedMonthsAgo?: number; obtainedDaysAgo?: number; plannedInDays?: number; credentialId?: string };

// Who holds what in the demo team: an engineer whose CKA and Solutions Architect Associate come up for
// renewal, one planning the RHCE, the sales side with AWS business accreditations. One holding lands
// inside the 90-day window (a reminder and an orange cell), one exam is planned (a blue cell).
const PLANS: Record<string, Plan[]> = {
  'Tina Tech': [
    { code: 'CKA', obtainedMonthsAgo: 14, credentialId: 'LF-CKA-2411-0815' },
    { code: 'CKAD', obtainedMonthsAgo: 9 },
    // 36-month validity, obtained 35 months and a week ago: expires in about three weeks.
    { code: 'SAA-C03', obtainedMonthsAgo: 35, obtainedDaysAgo: 7, credentialId: 'AWS-SAA-7H2K9' },
    { code: 'CLF-C02', obtainedMonthsAgo: 40 },
    { code: 'AWS Partner Accreditation (Technical)', obtainedMonthsAgo: 20 },
  ],
  'Remo Engineer': [
    { code: 'CKA', obtainedMonthsAgo: 6 },
    { code: 'EX200', obtainedMonthsAgo: 16 },
    { code: 'EX294', plannedInDays: 45 },
    { code: 'AZ-104', obtainedMonthsAgo: 8 },
    { code: 'SAA-C03', obtainedMonthsAgo: 10 },
    { code: 'AWS Partner Accreditation (Technical)', obtainedMonthsAgo: 10 },
  ],
  'Petra Partner': [
    { code: 'AWS Partner Accreditation (Business)', obtainedMonthsAgo: 11 },
    { code: 'CLF-C02', obtainedMonthsAgo: 13 },
    { code: 'AZ-900', obtainedMonthsAgo: 30 },
  ],
  'Marc Sales': [
    { code: 'AWS Partner Accreditation (Business)', obtainedMonthsAgo: 4 },
    { code: 'AZ-900', obtainedMonthsAgo: 2 },
  ],
  'Urs Marketing': [{ code: 'AWS Partner Accreditation (Business)', obtainedMonthsAgo: 18 }],
};

/**
 * Demo certifications for the demo colleagues (matched by name; others are left alone), on the
 * starter catalogue, which it installs when missing. Running it again adds nothing already held.
 */
export async function seedDemoCertifications(tx: DbOrTx, opts: { users: { id: string; name: string }[]; now: Date; actor?: AuditActor }): Promise<number> {
  const actor = opts.actor ?? null;
  await ensureStarterCatalogue(tx, actor);
  const today = zurichDate(opts.now);
  const certs = await tx
    .select({ id: certification.id, name: certification.name, examCode: certification.examCode, validityMonths: certification.validityMonths })
    .from(certification)
    .innerJoin(partnerProgram, eq(partnerProgram.id, certification.programId))
    .where(and(inArray(partnerProgram.name, Object.values(STARTER_PROGRAM_NAMES)), isNull(certification.archivedAt), isNull(partnerProgram.archivedAt)));
  const byCode = new Map(certs.flatMap((c) => [[c.examCode ?? c.name, c] as const, [c.name, c] as const]));
  let made = 0;
  for (const u of opts.users) {
    const plans = PLANS[u.name];
    if (!plans) continue;
    const held = new Set(
      (
        await tx
          .select({ id: userCertification.certificationId })
          .from(userCertification)
          .where(and(eq(userCertification.userId, u.id), isNull(userCertification.archivedAt)))
      ).map((r) => r.id),
    );
    for (const p of plans) {
      const cert = byCode.get(p.code);
      if (!cert || held.has(cert.id)) continue;
      const obtainedOn = p.plannedInDays === undefined ? addDays(addMonths(today, -(p.obtainedMonthsAgo ?? 0)), -(p.obtainedDaysAgo ?? 0)) : null;
      const [row] = await tx
        .insert(userCertification)
        .values(
          obtainedOn
            ? {
                userId: u.id,
                certificationId: cert.id,
                status: 'obtained',
                obtainedOn,
                expiresOn: deriveExpiry(obtainedOn, cert.validityMonths),
                credentialId: p.credentialId ?? null,
              }
            : { userId: u.id, certificationId: cert.id, status: 'planned', targetOn: addDays(today, p.plannedInDays!) },
        )
        .returning();
      await recordAudit(tx, { actor, entityType: 'user_certification', entityId: row!.id, action: 'create', after: auditableHolding(row!) });
      held.add(cert.id);
      made++;
    }
  }
  return made;
}
