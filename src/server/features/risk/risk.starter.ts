import { inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { riskCriterion } from '../../db/schema/index.js';
import type { Actor } from '../../lib/policy.js';
import { presentCriterion } from './risk.presenter.js';
import { CRITERIA_LOCK, insertCriterion } from './risk.criteria.js';

/**
 * The supplier security policy's criteria ("Sicherheitsrichtlinie für Lieferanten", ISO/IEC 27001
 * A.5.19–5.23, FADP Art. 9, FINMA outsourcing). 0 is no risk, 3 high risk; the guidance says what the
 * ends mean. Weights favour what decides the damage (data, criticality) over paperwork. Admins change
 * them freely afterwards: they are data, not code.
 */
export const STARTER_RISK_CRITERIA: { key: string; name: string; weight: number; description: string }[] = [
  {
    key: 'data_access',
    name: 'Data access and classification',
    weight: 10,
    description: '0: no access to our or customers’ data · 3: accesses confidential or personal data of customers',
  },
  { key: 'criticality', name: 'Criticality to service delivery', weight: 9, description: '0: we deliver without them · 3: an outage stops a service our customers rely on' },
  {
    key: 'certifications',
    name: 'Security certifications',
    weight: 6,
    description: '0: current ISO 27001, SOC 2 type II or ISAE 3402 report covering the service · 3: none and no questionnaire answered',
  },
  {
    key: 'data_location',
    name: 'Data location and jurisdiction',
    weight: 7,
    description: '0: data stays in Switzerland or the EU/EEA · 3: data in a country without adequate protection or unknown',
  },
  {
    key: 'data_processing_agreement',
    name: 'Data processing agreement',
    weight: 8,
    description: '0: DPA per FADP Art. 9 / GDPR Art. 28 signed, or no personal data · 3: personal data processed without a DPA',
  },
  { key: 'subprocessors', name: 'Sub-processor transparency', weight: 5, description: '0: sub-processors listed and changes need our approval · 3: unknown sub-processors' },
  {
    key: 'confidentiality',
    name: 'Confidentiality / NDA and return of assets',
    weight: 6,
    description: '0: NDA and return-of-assets clauses signed · 3: confidential material shared without either',
  },
  {
    key: 'incident_notification',
    name: 'Incident notification',
    weight: 6,
    description: '0: contractual notice of security incidents within 72 h or less · 3: no duty to tell us',
  },
  {
    key: 'business_continuity',
    name: 'Business continuity and SLA',
    weight: 6,
    description: '0: tested continuity plan and an SLA with credits · 3: no SLA and no continuity plan',
  },
  {
    key: 'financial_stability',
    name: 'Financial stability and screening',
    weight: 4,
    description: '0: sound financials, sanctions and register checks clean · 3: distressed, or not screened',
  },
  {
    key: 'exit_portability',
    name: 'Exit and portability',
    weight: 5,
    description: '0: data returned in a standard format and deleted on exit, alternatives exist · 3: locked in, no exit terms',
  },
  { key: 'audit_rights', name: 'Audit rights', weight: 4, description: '0: we (and our customers’ auditors) may audit or get reports · 3: no audit or report rights' },
  {
    key: 'access_control',
    name: 'Access control',
    weight: 7,
    description: '0: named accounts, MFA, least privilege, access reviewed · 3: shared or standing privileged access to our systems',
  },
  {
    key: 'regulated_customers',
    name: 'Relevance for regulated customers',
    weight: 5,
    description: '0: not used for regulated customers · 3: part of a service for banks or insurers (FINMA outsourcing)',
  },
];

/**
 * Adds the starter criteria whose keys are not in the catalogue, in the caller's transaction: the
 * first administrator's setup and the admin's "Add starter criteria" call it. Running it again adds
 * nothing; an archived starter criterion stays archived.
 */
export async function ensureStarterRiskCriteria(tx: DbOrTx, actor: Pick<Actor, 'id' | 'name'> | null = null): Promise<{ created: string[]; skipped: string[] }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CRITERIA_LOCK})`);
  const taken = new Set((await tx.select({ key: riskCriterion.key }).from(riskCriterion)).map((r) => r.key));
  const created: string[] = [];
  const skipped: string[] = [];
  for (const [position, c] of STARTER_RISK_CRITERIA.entries()) {
    if (taken.has(c.key)) {
      skipped.push(c.key);
      continue;
    }
    created.push((await insertCriterion(tx, { ...c, position }, actor)).id);
  }
  return { created, skipped };
}

export async function addStarterRiskCriteria(db: Db, actor: Actor) {
  return db.transaction(async (tx) => {
    const r = await ensureStarterRiskCriteria(tx, actor);
    const rows = r.created.length ? await tx.select().from(riskCriterion).where(inArray(riskCriterion.id, r.created)) : [];
    return { created: rows.map(presentCriterion), skipped: r.skipped };
  });
}
