import type { certification, partnerProgram, user } from '../../db/schema/index.js';
import type { CertificationCategory } from '../../../shared/compliance.js';
import type { Certification, UserCertification } from '../../../shared/schemas/certification.js';
import type { Evaluated, HoldingRow } from './certifications.core.js';

type CertRow = typeof certification.$inferSelect;
type ProgramRow = Pick<typeof partnerProgram.$inferSelect, 'id' | 'name'>;
type Ref = { id: string; name: string };

export interface CertificationExtras {
  program: ProgramRow;
  renewedBy: Ref[];
  renews: Ref[];
  holderCount: number;
}

const byName = (a: Ref, b: Ref) => a.name.localeCompare(b.name);

export const presentCertification = (c: CertRow, x: CertificationExtras): Certification => ({
  id: c.id,
  program: { id: x.program.id, name: x.program.name },
  name: c.name,
  examCode: c.examCode,
  issuer: c.issuer,
  category: c.category as CertificationCategory,
  validityMonths: c.validityMonths,
  description: c.description,
  url: c.url,
  renewedBy: [...x.renewedBy].sort(byName),
  renews: [...x.renews].sort(byName),
  holderCount: x.holderCount,
  archivedAt: c.archivedAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  version: c.version,
});

/** What the audit trail keeps of a catalogue entry, renewal links included. */
export function auditableCertification(c: CertRow, renewedByIds: string[]) {
  const { version: _v, createdAt: _c, updatedAt: _u, id: _i, ...rest } = c;
  return { ...rest, archivedAt: c.archivedAt?.toISOString() ?? null, renewedByIds: [...renewedByIds].sort() };
}

export interface HoldingContext {
  user: Ref;
  cert: CertRow;
  program: ProgramRow;
  createdBy: Ref | null;
  evaluated: Evaluated;
  /** Name of the certification that renewed it, when one did. */
  renewedViaName: string | null;
}

export const presentHolding = (h: HoldingRow, x: HoldingContext): UserCertification => ({
  id: h.id,
  user: x.user,
  certification: {
    id: x.cert.id,
    name: x.cert.name,
    examCode: x.cert.examCode,
    category: x.cert.category as CertificationCategory,
    validityMonths: x.cert.validityMonths,
    program: { id: x.program.id, name: x.program.name },
  },
  status: h.status as UserCertification['status'],
  obtainedOn: h.obtainedOn,
  expiresOn: h.expiresOn,
  expiryOverridden: h.expiryOverridden,
  effectiveExpiresOn: x.evaluated.effective,
  renewedVia: x.evaluated.renewedVia && x.renewedViaName ? { id: x.evaluated.renewedVia.id, name: x.renewedViaName } : null,
  state: x.evaluated.state,
  targetOn: h.targetOn,
  credentialId: h.credentialId,
  credentialUrl: h.credentialUrl,
  notes: h.notes,
  createdBy: x.createdBy,
  archivedAt: h.archivedAt?.toISOString() ?? null,
  createdAt: h.createdAt.toISOString(),
  updatedAt: h.updatedAt.toISOString(),
  version: h.version,
});

export function auditableHolding(h: HoldingRow) {
  const { version: _v, createdAt: _c, updatedAt: _u, id: _i, ...rest } = h;
  return { ...rest, archivedAt: h.archivedAt?.toISOString() ?? null };
}

export type UserRow = Pick<typeof user.$inferSelect, 'id' | 'name'>;
