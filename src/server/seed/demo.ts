import { count, inArray, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Auth } from '../auth/better-auth.js';
import type { Db } from '../db/client.js';
import { activity, activityContact, activityUser, contact, partner, partnerLink, partnerProduct, partnerStatusChange, product, teamAssignment } from '../db/schema/index.js';
import { createUser, findUserByEmail } from '../features/users/users.service.js';
import { recordAudit } from '../lib/audit.js';
import { ensureStarterPlaybooks } from '../features/playbooks/playbooks.starter.js';
import { seedDemoOnboardings } from '../features/onboarding/onboarding.demo.js';
import { seedDemoCertifications } from '../features/certifications/certifications.demo.js';
import { seedDemoCompliance } from './demo-compliance.js';
import { seedDemoDeals, seedDemoKickbacks } from './demo-deals.js';
import { recomputeOpportunity } from '../features/kickbacks/index.js';
import { AppError, msg } from '../lib/errors.js';
import { PARTNER_STATUSES, type ContactRole } from '../../shared/partners.js';
import { ACTIVITY_TEMPLATES, COLLEAGUES, DEMO_PARTNERS, FIRST_NAMES, LAST_NAMES, TEAM_ROLE_FOR, TITLES } from './demo-data.js';

const SEED_ACTOR = { id: 'seed', name: 'Demo data' };
const PRODUCTS = [
  ['Managed Kubernetes', "Our managed Kubernetes service on the customer's cloud of choice"],
  ['Application Platform', 'Self-service application platform, operated by us'],
  ['Sovereign Cloud Bundle', 'Swiss-hosted platform with infrastructure from a Swiss provider'],
  ['DevOps Enablement', 'Training and coaching for delivery teams'],
  ['Backup as a Service', 'Backups of clusters and data to Swiss object storage'],
] as const;

/** A small seeded PRNG so the demo portfolio is the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

export interface SeedResult {
  partners: number;
  contacts: number;
  activities: number;
  colleagues: number;
}

/**
 * Loads the demo portfolio: partners of all four types and importance levels, their people, our
 * team's roles and a year of timeline. Refuses a database that already holds partners unless forced.
 */
export async function seedDemo(db: Db, auth: Auth, opts: { force?: boolean; now?: Date } = {}): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  const [{ n: existing }] = (await db.select({ n: count() }).from(partner)) as [{ n: number }];
  if (existing > 0 && !opts.force) {
    throw new AppError('conflict', msg('seed.notEmpty', { count: Number(existing) }));
  }
  const r = prng(20261126);

  // Colleagues: real accounts with random passwords nobody knows; an administrator can reset them.
  const colleagues: { id: string; name: string }[] = [];
  for (const c of COLLEAGUES) {
    const email = `${c.name.toLowerCase().replace(/\s+/g, '.')}@demo.example.com`;
    const found = await findUserByEmail(db, email);
    colleagues.push(
      found ? { id: found.id, name: found.name } : await createUser(db, auth, { name: c.name, email, role: c.role, password: randomBytes(24).toString('base64url') }, SEED_ACTOR),
    );
  }
  const byName = new Map(colleagues.map((c) => [c.name, c.id]));
  const petra = byName.get('Petra Partner')!;

  return db.transaction(async (tx) => {
    // A one-off load, run by an administrator: not cut off by the timeout that guards requests.
    await tx.execute(sql`set local statement_timeout = 0`);
    await ensureStarterPlaybooks(tx, SEED_ACTOR);
    const taken = new Set(
      (
        await tx
          .select({ name: partner.name })
          .from(partner)
          .where(
            inArray(
              partner.name,
              DEMO_PARTNERS.map((p) => p.name),
            ),
          )
      ).map((p) => p.name),
    );
    const products = await tx
      .insert(product)
      .values(PRODUCTS.map(([name, description]) => ({ name, description })))
      .onConflictDoNothing()
      .returning();
    const allProducts = products.length ? products : await tx.select().from(product);
    let contacts = 0;
    let activities = 0;
    const created: (typeof partner.$inferSelect)[] = [];

    for (const d of DEMO_PARTNERS) {
      if (taken.has(d.name)) continue;
      const ownerId = d.importance === 'standard' ? byName.get(r.pick(['Marc Sales', 'Tina Tech', 'Urs Marketing']))! : petra;
      const startedDaysAgo = r.int(200, 900);
      const [p] = await tx
        .insert(partner)
        .values({
          name: d.name,
          legalName: d.legalName,
          website: `https://www.${d.domain}`,
          country: d.country,
          description: d.description,
          types: d.types,
          status: d.status,
          importance: d.importance,
          ownerId,
          tags: d.tags,
          strategy: d.strategy,
          regions: d.regions,
          industries: d.industries,
          valueWeBring: d.valueWeBring,
          valueTheyBring: d.valueTheyBring,
          directions: d.directions,
          pricingNotes: d.pricingNotes ?? null,
          statusChangedAt: new Date(now.getTime() - r.int(20, 180) * 86_400_000),
          links: { portal: `https://partners.${d.domain}`, brandGuidelines: `https://www.${d.domain}/brand`, prGuidelines: `https://www.${d.domain}/press/guidelines` },
        })
        .returning();
      created.push(p!);
      await recordAudit(tx, { actor: SEED_ACTOR, entityType: 'partner', entityId: p!.id, action: 'create', after: { name: p!.name, types: p!.types, status: p!.status } });

      // Status history up to the current status, dated along the way.
      const path =
        d.status === 'paused'
          ? ['prospect', 'onboarding', 'active', 'paused']
          : d.status === 'offboarded'
            ? ['prospect', 'onboarding', 'active', 'offboarded']
            : PARTNER_STATUSES.slice(0, PARTNER_STATUSES.indexOf(d.status) + 1);
      await tx.insert(partnerStatusChange).values(
        path.map((s, i) => ({
          partnerId: p!.id,
          fromStatus: i === 0 ? null : path[i - 1]!,
          toStatus: s,
          changedBy: petra,
          changedAt: new Date(now.getTime() - (startedDaysAgo - i * Math.floor(startedDaysAgo / path.length)) * 86_400_000),
        })),
      );

      // Their people.
      const roles: ContactRole[] = [
        'partner_manager',
        'sales',
        'presales',
        ...(d.importance !== 'standard' ? (['executive_sponsor', 'marketing'] as const) : []),
        ...(r.next() < 0.5 ? (['finance'] as const) : []),
      ];
      const people = await tx
        .insert(contact)
        .values(
          roles.map((role, i) => {
            const first = r.pick(FIRST_NAMES);
            const last = r.pick(LAST_NAMES);
            return {
              partnerId: p!.id,
              firstName: first,
              lastName: last,
              role,
              title: r.pick(TITLES[role]),
              email: `${first}.${last}`.toLowerCase().replace(/ü/g, 'ue') + `@${d.domain}`,
              phone: `+41 44 ${r.int(200, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`,
              location: d.country === 'CH' ? r.pick(['Zurich', 'Bern', 'Basel', 'Geneva']) : undefined,
              influence: r.pick(['low', 'medium', 'high'] as const),
              strength: r.pick(['weak', 'neutral', 'good', 'strong'] as const),
              isPrimary: i === 0,
              leftAt: role === 'sales' && r.next() < 0.2 ? new Date(now.getTime() - r.int(30, 200) * 86_400_000).toISOString().slice(0, 10) : null,
            };
          }),
        )
        .returning();
      contacts += people.length;

      // Our team on this partner.
      const team = Object.entries(TEAM_ROLE_FOR).filter(([name]) => (name === 'Petra Partner' ? d.importance !== 'standard' : r.next() < 0.6));
      const assignments = team.flatMap(([name, teamRoles]) =>
        teamRoles.filter((role) => role !== 'owner' || byName.get(name) === ownerId).map((role) => ({ partnerId: p!.id, userId: byName.get(name)!, role })),
      );
      if (ownerId !== petra) assignments.push({ partnerId: p!.id, userId: ownerId, role: 'owner' });
      if (assignments.length) await tx.insert(teamAssignment).values(assignments).onConflictDoNothing();

      // A year of timeline, denser for bigger partners.
      const entries = d.status === 'prospect' ? 3 : d.importance === 'strategic' ? 26 : d.importance === 'key' ? 14 : 6;
      const current = people.filter((c) => !c.leftAt);
      for (let i = 0; i < entries; i++) {
        const t = ACTIVITY_TEMPLATES[(i + r.int(0, 9)) % ACTIVITY_TEMPLATES.length]!;
        const daysAgo = Math.round(((i + r.next()) / entries) * 365);
        const [a] = await tx
          .insert(activity)
          .values({
            partnerId: p!.id,
            kind: t.kind,
            occurredAt: new Date(now.getTime() - daysAgo * 86_400_000 - r.int(0, 8) * 3_600_000),
            summary: t.summary,
            outcome: t.outcome ?? null,
            important: t.kind === 'event' || r.next() < 0.15,
            createdBy: ownerId,
          })
          .returning({ id: activity.id, occurredAt: activity.occurredAt });
        const who = [...new Set([ownerId, byName.get(r.pick(Object.keys(TEAM_ROLE_FOR)))!])];
        await tx.insert(activityUser).values(who.map((userId) => ({ activityId: a!.id, userId })));
        const them = current.length && t.kind !== 'note' ? [r.pick(current)] : [];
        if (them.length) await tx.insert(activityContact).values(them.map((c) => ({ activityId: a!.id, contactId: c.id })));
        activities++;
      }
      // Products and last contact.
      const mine = allProducts.filter(() => r.next() < 0.35).slice(0, 3);
      if (mine.length)
        await tx
          .insert(partnerProduct)
          .values(mine.map((x) => ({ partnerId: p!.id, productId: x.id })))
          .onConflictDoNothing();
    }

    // Distributors represent some of the vendors.
    const vendors = created.filter((p) => p.types.includes('software_vendor'));
    for (const dist of created.filter((p) => p.types.includes('distributor'))) {
      const chosen = vendors.filter(() => r.next() < 0.3).slice(0, 3);
      if (chosen.length)
        await tx
          .insert(partnerLink)
          .values(chosen.map((v) => ({ fromPartnerId: dist.id, toPartnerId: v.id, kind: 'distributor_of' })))
          .onConflictDoNothing();
    }

    // Derived "last contact" values, the same way the timeline keeps them.
    const ids = created.map((p) => p.id);
    // Started by Petra: onboardings and tasks name a real colleague as their author.
    await seedDemoOnboardings(tx, ids, { id: petra, name: 'Petra Partner' }, now);
    await seedDemoCertifications(tx, { users: colleagues, now, actor: SEED_ACTOR });
    const demoOf = new Map(DEMO_PARTNERS.map((d) => [d.name, d]));
    const partners = created.map((p) => ({ ...p, program: demoOf.get(p.name)?.program ?? null, level: demoOf.get(p.name)?.level ?? null }));
    await seedDemoCompliance(tx, { partners, assessorId: byName.get('Tina Tech')!, approverId: petra, now, random: r.next });
    const ownerIds = ['Petra Partner', 'Marc Sales', 'Tina Tech', 'Urs Marketing'].map((n) => byName.get(n)!);
    const deals = await seedDemoDeals(tx, { partners: created, products: allProducts, ownerIds, now, random: r.next });
    await seedDemoKickbacks(tx, { sourced: deals.sourced, managerId: petra, financeId: byName.get('Fabienne Finance')!, now }, (t, id, day) =>
      recomputeOpportunity(t, id, { id: petra, name: 'Petra Partner', email: 'petra.partner@demo.example.com', role: 'manager', via: 'session' }, day),
    );
    if (ids.length) {
      await tx.execute(
        sql`update partner p set last_contact_at = (select max(occurred_at) from activity a where a.partner_id = p.id and a.archived_at is null) where p.id in ${ids}`,
      );
      await tx.execute(
        sql`update contact c set last_contact_at = (select max(a.occurred_at) from activity_contact ac join activity a on a.id = ac.activity_id where ac.contact_id = c.id and a.archived_at is null) where c.partner_id in ${ids}`,
      );
    }
    return { partners: created.length, contacts, activities, colleagues: colleagues.length };
  });
}
