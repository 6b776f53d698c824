import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { certification, partnerProgram } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import type { Actor } from '../../lib/policy.js';
import type { CertificationCategory } from '../../../shared/compliance.js';
import type { StarterCatalogueResult } from '../../../shared/schemas/certification.js';
import { insertCertification, type AuditActor } from './certifications.service.js';

/** Serialises concurrent starter runs (setup and a button press), so none trips the unique names. */
const STARTER_LOCK = 7_311_005;

export const STARTER_PROGRAM_NAMES = {
  aws: 'AWS Partner Network — Services Path',
  cncf: 'CNCF Kubernetes Certified Service Provider (KCSP)',
  redHat: 'Red Hat Partner Connect',
  microsoft: 'Microsoft AI Cloud Partner Program',
} as const;

interface StarterCert {
  name: string;
  examCode: string | null;
  category: CertificationCategory;
  validityMonths: number | null;
  description?: string;
  /** Names (in this programme) of certifications whose passing renews this one; listed earlier. */
  renewedBy?: string[];
}
interface StarterProgram {
  name: string;
  vendor: string;
  url: string;
  description: string;
  certifications: StarterCert[];
}

// Validity and renewal rules as the vendors publish them (see spec/domain-facts.md): AWS 3 years, a
// higher exam recertifies the lower; CNCF 24 months for certificates earned since April 2024; Red Hat
// "current" for 3 years, RHCE extends RHCSA; Microsoft role-based certifications renew yearly (a free
// online assessment), Fundamentals do not expire. Entries are data: admins edit them afterwards.
const AWS_SAA = 'AWS Certified Solutions Architect – Associate';
const AWS_DVA = 'AWS Certified Developer – Associate';
const AWS_SOA = 'AWS Certified CloudOps Engineer – Associate';
const AWS_DEA = 'AWS Certified Data Engineer – Associate';
const AWS_SAP = 'AWS Certified Solutions Architect – Professional';
const AWS_DOP = 'AWS Certified DevOps Engineer – Professional';
const unverifiedAccreditation = 'AWS Partner Central training; counts toward "AWS accredited professionals" of the tiers. Set a validity if your records show one.';

export const STARTER_CATALOGUE: StarterProgram[] = [
  {
    name: STARTER_PROGRAM_NAMES.aws,
    vendor: 'Amazon Web Services',
    url: 'https://aws.amazon.com/partners/',
    description: 'The AWS Partner Network tiers for consulting and services partners (Select, Advanced, Premier).',
    certifications: [
      { name: AWS_SAP, examCode: 'SAP-C02', category: 'professional', validityMonths: 36 },
      { name: AWS_DOP, examCode: 'DOP-C02', category: 'professional', validityMonths: 36 },
      { name: 'AWS Certified Security – Specialty', examCode: 'SCS-C02', category: 'specialty', validityMonths: 36 },
      { name: 'AWS Certified Advanced Networking – Specialty', examCode: 'ANS-C01', category: 'specialty', validityMonths: 36 },
      { name: AWS_SAA, examCode: 'SAA-C03', category: 'associate', validityMonths: 36, renewedBy: [AWS_SAP] },
      { name: AWS_DVA, examCode: 'DVA-C02', category: 'associate', validityMonths: 36, renewedBy: [AWS_DOP] },
      {
        name: AWS_SOA,
        examCode: 'SOA-C03',
        category: 'associate',
        validityMonths: 36,
        renewedBy: [AWS_DOP],
        description: 'Formerly AWS Certified SysOps Administrator – Associate (SOA-C02, retired September 2025); record either here.',
      },
      { name: AWS_DEA, examCode: 'DEA-C01', category: 'associate', validityMonths: 36 },
      {
        name: 'AWS Certified Cloud Practitioner',
        examCode: 'CLF-C02',
        category: 'foundational',
        validityMonths: 36,
        renewedBy: [AWS_SAA, AWS_DVA, AWS_SOA, AWS_DEA, AWS_SAP, AWS_DOP],
      },
      { name: 'AWS Certified AI Practitioner', examCode: 'AIF-C01', category: 'foundational', validityMonths: 36 },
      { name: 'AWS Partner Accreditation (Technical)', examCode: null, category: 'accreditation', validityMonths: null, description: unverifiedAccreditation },
      { name: 'AWS Partner Accreditation (Business)', examCode: null, category: 'accreditation', validityMonths: null, description: unverifiedAccreditation },
    ],
  },
  {
    name: STARTER_PROGRAM_NAMES.cncf,
    vendor: 'CNCF / The Linux Foundation',
    url: 'https://www.cncf.io/certification/kcsp/',
    description: 'Kubernetes Certified Service Provider: needs at least three CKA-certified employees.',
    certifications: [
      { name: 'Certified Kubernetes Administrator (CKA)', examCode: 'CKA', category: 'professional', validityMonths: 24 },
      { name: 'Certified Kubernetes Application Developer (CKAD)', examCode: 'CKAD', category: 'professional', validityMonths: 24 },
      { name: 'Certified Kubernetes Security Specialist (CKS)', examCode: 'CKS', category: 'specialty', validityMonths: 24 },
      { name: 'Kubernetes and Cloud Native Associate (KCNA)', examCode: 'KCNA', category: 'foundational', validityMonths: 24 },
      { name: 'Kubernetes and Cloud Native Security Associate (KCSA)', examCode: 'KCSA', category: 'foundational', validityMonths: 24 },
    ],
  },
  {
    name: STARTER_PROGRAM_NAMES.redHat,
    vendor: 'Red Hat',
    url: 'https://connect.redhat.com/',
    description: 'Red Hat’s partner programme (Ready, Advanced, Premier).',
    certifications: [
      { name: 'Red Hat Certified Engineer (RHCE)', examCode: 'EX294', category: 'professional', validityMonths: 36 },
      { name: 'Red Hat Certified System Administrator (RHCSA)', examCode: 'EX200', category: 'associate', validityMonths: 36, renewedBy: ['Red Hat Certified Engineer (RHCE)'] },
      { name: 'Red Hat Certified OpenShift Administrator', examCode: 'EX280', category: 'specialty', validityMonths: 36 },
    ],
  },
  {
    name: STARTER_PROGRAM_NAMES.microsoft,
    vendor: 'Microsoft',
    url: 'https://partner.microsoft.com/',
    description: 'Solutions Partner designations are earned by the partner capability score (performance, skilling, customer success).',
    certifications: [
      {
        name: 'Microsoft Certified: Azure Fundamentals',
        examCode: 'AZ-900',
        category: 'foundational',
        validityMonths: null,
        description: 'Fundamentals certifications do not expire.',
      },
      {
        name: 'Microsoft Certified: Azure Administrator Associate',
        examCode: 'AZ-104',
        category: 'associate',
        validityMonths: 12,
        description: 'Renewed yearly by a free online assessment.',
      },
      {
        name: 'Microsoft Certified: Azure Solutions Architect Expert',
        examCode: 'AZ-305',
        category: 'professional',
        validityMonths: 12,
        description: 'An expert certification; renewed yearly by a free online assessment.',
      },
      {
        name: 'Microsoft Certified: DevOps Engineer Expert',
        examCode: 'AZ-400',
        category: 'professional',
        validityMonths: 12,
        description: 'An expert certification; renewed yearly by a free online assessment.',
      },
    ],
  },
];

/**
 * Adds the starter programmes and their certifications where missing by name, in the caller's
 * transaction: the first administrator's setup, the demo seed and the admin's "Add starter
 * catalogue" call it. Running it again adds nothing; an entry an admin renamed comes back under its
 * starter name, one they archived too (names are only taken by active entries, as with playbooks).
 */
export async function ensureStarterCatalogue(tx: DbOrTx, actor: AuditActor): Promise<StarterCatalogueResult> {
  await tx.execute(sql`select pg_advisory_xact_lock(${STARTER_LOCK})`);
  const result: StarterCatalogueResult = { programs: [], certifications: [] };
  for (const p of STARTER_CATALOGUE) {
    let [program] = await tx
      .select()
      .from(partnerProgram)
      .where(and(sql`lower(${partnerProgram.name}) = ${p.name.toLowerCase()}`, isNull(partnerProgram.archivedAt)));
    if (!program) {
      [program] = await tx.insert(partnerProgram).values({ name: p.name, vendor: p.vendor, url: p.url, description: p.description }).returning();
      await recordAudit(tx, {
        actor,
        entityType: 'partner_program',
        entityId: program!.id,
        action: 'create',
        after: { name: p.name, vendor: p.vendor, url: p.url, description: p.description },
      });
      result.programs.push(p.name);
    }
    const existing = await tx
      .select({ id: certification.id, name: certification.name })
      .from(certification)
      .where(and(eq(certification.programId, program!.id), isNull(certification.archivedAt)));
    const ids = new Map(existing.map((c) => [c.name.toLowerCase(), c.id]));
    for (const c of p.certifications) {
      if (ids.has(c.name.toLowerCase())) continue;
      const renewedByIds = (c.renewedBy ?? []).map((n) => ids.get(n.toLowerCase())).filter((id): id is string => Boolean(id));
      const row = await insertCertification(
        tx,
        {
          programId: program!.id,
          name: c.name,
          examCode: c.examCode,
          issuer: p.vendor,
          category: c.category,
          validityMonths: c.validityMonths,
          description: c.description ?? null,
          renewedByIds,
        },
        actor,
      );
      ids.set(c.name.toLowerCase(), row.id);
      result.certifications.push(`${p.name}: ${c.name}`);
    }
  }
  return result;
}

export async function addStarterCatalogue(db: Db, actor: Actor): Promise<StarterCatalogueResult> {
  return db.transaction((tx) => ensureStarterCatalogue(tx, actor));
}
