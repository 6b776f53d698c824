// Factories for programmes, levels and certifications, straight into the database (see factories.ts).
import { certification, partnerProgram, programLevel, userCertification } from '../../src/server/db/schema/index.js';
import type { CertificationCategory } from '../../src/shared/compliance.js';
import type { TestApp } from './app.js';
import { unique } from './factories.js';

export type ProgramRow = typeof partnerProgram.$inferSelect;
export type LevelRow = typeof programLevel.$inferSelect;
export type CertificationRow = typeof certification.$inferSelect;
export type UserCertificationRow = typeof userCertification.$inferSelect;

export async function makeProgram(t: TestApp, overrides: Partial<typeof partnerProgram.$inferInsert> = {}): Promise<ProgramRow> {
  const [row] = await t.database.db
    .insert(partnerProgram)
    .values({ name: unique('Program'), vendor: 'Test Vendor', ...overrides })
    .returning();
  return row!;
}

export async function makeLevel(t: TestApp, programId: string, rank: number, overrides: Partial<typeof programLevel.$inferInsert> = {}): Promise<LevelRow> {
  const [row] = await t.database.db
    .insert(programLevel)
    .values({ programId, rank, name: `Level ${rank}`, ...overrides })
    .returning();
  return row!;
}

/** A catalogue entry of `programId`, or of a new programme. */
export async function makeCertification(
  t: TestApp,
  programId?: string | null,
  overrides: Partial<typeof certification.$inferInsert> & { category?: CertificationCategory } = {},
): Promise<CertificationRow> {
  const pid = programId ?? (await makeProgram(t)).id;
  const [row] = await t.database.db
    .insert(certification)
    .values({ name: unique('Certification'), issuer: 'Test Vendor', category: 'associate', validityMonths: 36, ...overrides, programId: pid })
    .returning();
  return row!;
}

/** An obtained certification of `userId`; pass `expiresOn` (the factory does not derive it). */
export async function grantCertification(
  t: TestApp,
  userId: string,
  certificationId: string,
  obtainedOn: string,
  expiresOn: string | null,
  overrides: Partial<typeof userCertification.$inferInsert> = {},
): Promise<UserCertificationRow> {
  const [row] = await t.database.db
    .insert(userCertification)
    .values({ userId, certificationId, status: 'obtained', obtainedOn, expiresOn, ...overrides })
    .returning();
  return row!;
}
