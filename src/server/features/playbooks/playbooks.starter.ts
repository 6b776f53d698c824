import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';
import type { StarterPlaybooksResult } from '../../../shared/schemas/playbook.js';
import { activePlaybookNames, getPlaybook, insertPlaybook, type PlaybookInput, type StepInput } from './playbooks.service.js';

/** Serialises concurrent starter runs (two admins, or setup and a button press), so none trips the unique name. */
const STARTER_LOCK = 7_311_004;

// The path every new partner takes, drawn from the issue and the company's supplier policy; each
// type adds what is particular to it. Admins edit these freely afterwards: they are data, not code.
const agreements: StepInput[] = [
  { title: 'NDA signed', description: 'Mutual NDA signed by both sides before confidential material is exchanged.', ownerRole: 'owner', dueAfterDays: 7 },
  {
    title: 'Our team roles assigned',
    description: 'Owner, sales, marketing and technical lead for this partner named on its "Our team" tab.',
    ownerRole: 'owner',
    dueAfterDays: 7,
  },
  { title: 'Key contacts known', description: 'Their partner manager, sales, presales and executive sponsor are in People, with roles.', ownerRole: 'owner', dueAfterDays: 14 },
  { title: 'Access to the partner’s portal', description: 'Accounts on their partner portal for the team members who need them.', ownerRole: 'sales', dueAfterDays: 14 },
  {
    title: 'Supplier risk assessed',
    description:
      'Assessed under the supplier security policy (ISO/IEC 27001 A.5.19–5.23): data accessed, certifications or reports, data processing terms where personal data is processed.',
    ownerRole: 'technical_lead',
    dueAfterDays: 21,
  },
  { title: 'Kickoff meeting held', description: 'Both teams meet: goals of the partnership, who does what, first joint opportunities.', ownerRole: 'owner', dueAfterDays: 21 },
  {
    title: 'Partner agreement signed',
    description: 'The partner or reseller agreement signed and filed; confidentiality and return-of-assets clauses checked.',
    ownerRole: 'owner',
    dueAfterDays: 30,
  },
];
const rhythm: StepInput[] = [
  {
    title: 'Sync meeting series set up',
    description: 'A recurring sync with their partner manager (weekly, fortnightly or monthly) on the Meetings tab.',
    ownerRole: 'owner',
    dueAfterDays: 30,
  },
  {
    title: 'Listed on our website',
    description: 'Logo and partnership text on our partners page, following their brand and PR guidelines.',
    ownerRole: 'marketing',
    dueAfterDays: 45,
  },
  { title: 'First business plan', description: 'Joint goals, target customers and first quarter’s sales and marketing initiatives agreed.', ownerRole: 'sales', dueAfterDays: 60 },
];

/** Steps in the order they fall due (a stable sort keeps the listed order among same-day steps). */
const byDue = (steps: StepInput[]) => [...steps].sort((a, b) => a.dueAfterDays - b.dueAfterDays);

export const STARTER_PLAYBOOKS: PlaybookInput[] = [
  {
    name: 'Software vendor onboarding',
    partnerType: 'software_vendor',
    description: 'For vendors whose software we resell or operate: agreements, certifications for the partner level, deal registration.',
    steps: byDue([
      ...agreements,
      {
        title: 'Certification plan',
        description: 'Which colleagues get which certifications, by when, to reach and keep the partner level.',
        ownerRole: 'technical_lead',
        dueAfterDays: 30,
      },
      {
        title: 'Deal registration access',
        description: 'Access to their deal registration tool and the rules for protected pricing known to sales.',
        ownerRole: 'sales',
        dueAfterDays: 30,
      },
      ...rhythm,
    ]),
  },
  {
    name: 'Cloud service provider onboarding',
    partnerType: 'cloud_service_provider',
    description: 'For clouds we sell through or buy from: agreements, billing, marketplace.',
    steps: byDue([
      ...agreements,
      {
        title: 'Billing account set up',
        description: 'Our billing or reseller account with them, and who at our accounting receives their invoices.',
        ownerRole: 'technical_lead',
        dueAfterDays: 21,
      },
      { title: 'Marketplace listing', description: 'Our offer listed on their marketplace, or the decision not to list it.', ownerRole: 'marketing', dueAfterDays: 60 },
      ...rhythm,
    ]),
  },
  {
    name: 'Distributor onboarding',
    partnerType: 'distributor',
    description: 'For distributors between a vendor and us: which vendors, how we order, prices.',
    steps: byDue([
      ...agreements,
      {
        title: 'Vendors they distribute for us',
        description: 'The vendors we buy through them linked as "distributor of" on the partner page.',
        ownerRole: 'sales',
        dueAfterDays: 14,
      },
      { title: 'Ordering and price list access', description: 'How we order, their price lists and discounts, and who places orders.', ownerRole: 'sales', dueAfterDays: 21 },
      ...rhythm,
    ]),
  },
  {
    name: 'Consultant & reseller onboarding',
    partnerType: 'consultant_reseller',
    description: 'For consultants and resellers who bring us business for a kickback.',
    steps: byDue([
      ...agreements,
      {
        title: 'Referral and kickback agreement signed',
        description: 'How referred deals are registered, when a kickback is due and how much.',
        ownerRole: 'owner',
        dueAfterDays: 30,
      },
      ...rhythm,
    ]),
  },
];

/**
 * Adds the starter playbooks whose names are not in use, in the caller's transaction: the first
 * administrator's setup, `partnerhub seed --demo` and the admin's "Add starter playbooks" call it.
 * Running it again adds nothing.
 */
export async function ensureStarterPlaybooks(tx: DbOrTx, actor: Pick<Actor, 'id' | 'name'> | null): Promise<{ created: string[]; skipped: string[] }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${STARTER_LOCK})`);
  const taken = await activePlaybookNames(tx);
  const created: string[] = [];
  const skipped: string[] = [];
  for (const p of STARTER_PLAYBOOKS) {
    if (taken.has(p.name.toLowerCase())) {
      skipped.push(p.name);
      continue;
    }
    created.push((await insertPlaybook(tx, p, actor)).id);
  }
  return { created, skipped };
}

export async function addStarterPlaybooks(db: Db, actor: Actor): Promise<StarterPlaybooksResult> {
  return db.transaction(async (tx) => {
    const r = await ensureStarterPlaybooks(tx, actor);
    const created = [];
    for (const id of r.created) created.push(await getPlaybook(tx, id));
    return { created, skipped: r.skipped };
  });
}
