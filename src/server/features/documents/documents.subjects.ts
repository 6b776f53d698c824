import { eq, inArray } from 'drizzle-orm';
import type { DocumentSubject } from '../../../shared/compliance.js';
import type { DbOrTx } from '../../db/client.js';
import { certification, contract, partner, riskAssessment, user, userCertification } from '../../db/schema/index.js';
import type { SubjectRef } from './documents.policy.js';

/** A record documents hang off, read straight from its table (not through its feature's service). */
export interface Subject extends SubjectRef {
  id: string;
  label: string;
}

const RISK_STATUS: Record<string, string> = { draft: 'draft', approved: 'approved', superseded: 'superseded' };

async function load(tx: DbOrTx, type: DocumentSubject, ids: string[]): Promise<Subject[]> {
  if (!ids.length) return [];
  switch (type) {
    case 'partner':
      return (await tx.select({ id: partner.id, name: partner.name }).from(partner).where(inArray(partner.id, ids))).map((r) => ({
        type,
        id: r.id,
        partnerId: r.id,
        holderId: null,
        label: r.name,
      }));
    case 'contract':
      return (await tx.select({ id: contract.id, partnerId: contract.partnerId, title: contract.title }).from(contract).where(inArray(contract.id, ids))).map((r) => ({
        type,
        id: r.id,
        partnerId: r.partnerId,
        holderId: null,
        label: `Contract: ${r.title}`,
      }));
    case 'risk_assessment':
      return (
        await tx
          .select({
            id: riskAssessment.id,
            partnerId: riskAssessment.partnerId,
            status: riskAssessment.status,
            assessedOn: riskAssessment.assessedOn,
            createdAt: riskAssessment.createdAt,
          })
          .from(riskAssessment)
          .where(inArray(riskAssessment.id, ids))
      ).map((r) => ({
        type,
        id: r.id,
        partnerId: r.partnerId,
        holderId: null,
        label: `Risk assessment of ${r.assessedOn ?? r.createdAt.toISOString().slice(0, 10)} (${RISK_STATUS[r.status] ?? r.status})`,
      }));
    case 'user_certification':
      return (
        await tx
          .select({ id: userCertification.id, userId: userCertification.userId, certName: certification.name, userName: user.name })
          .from(userCertification)
          .innerJoin(certification, eq(certification.id, userCertification.certificationId))
          .innerJoin(user, eq(user.id, userCertification.userId))
          .where(inArray(userCertification.id, ids))
      ).map((r) => ({ type, id: r.id, partnerId: null, holderId: r.userId, label: `${r.certName} (${r.userName})` }));
  }
}

export async function findSubject(tx: DbOrTx, type: DocumentSubject, id: string): Promise<Subject | null> {
  return (await load(tx, type, [id]))[0] ?? null;
}

/** Subjects by `type:id`, for presenting a list of documents in as many queries as kinds of subject. */
export async function findSubjects(tx: DbOrTx, refs: { subjectType: string; subjectId: string }[]): Promise<Map<string, Subject>> {
  const byType = new Map<DocumentSubject, Set<string>>();
  for (const r of refs) byType.set(r.subjectType as DocumentSubject, (byType.get(r.subjectType as DocumentSubject) ?? new Set()).add(r.subjectId));
  const out = new Map<string, Subject>();
  for (const [type, ids] of byType) for (const s of await load(tx, type, [...ids])) out.set(`${type}:${s.id}`, s);
  return out;
}

/** A subject whose record is gone: only roles that see every record of its kind still see its files. */
export const orphan = (type: DocumentSubject, id: string, partnerId: string | null): Subject => ({ type, id, partnerId, holderId: null, label: 'A deleted record' });
