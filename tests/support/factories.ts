// Test data straight into the database, so a feature's tests do not depend on another feature's
// routes. Each factory fills sensible defaults, takes overrides and creates missing parents.
import { activity, activityContact, contact, partner, teamAssignment } from '../../src/server/db/schema/index.js';
import type { TeamRole } from '../../src/shared/partners.js';
import type { TestApp } from './app.js';

let seq = 0;
/** Unique across test files running in parallel (pid) and within one (counter). */
export const unique = (prefix: string) => `${prefix} ${process.pid}-${Date.now().toString(36)}-${++seq}`;

export type PartnerRow = typeof partner.$inferSelect;
export type ContactRow = typeof contact.$inferSelect;
export type ActivityRow = typeof activity.$inferSelect;

export async function makePartner(t: TestApp, overrides: Partial<typeof partner.$inferInsert> = {}): Promise<PartnerRow> {
  const [row] = await t.database.db
    .insert(partner)
    .values({ name: unique('Partner'), types: ['software_vendor'], status: 'active', ...overrides })
    .returning();
  return row!;
}

/** A contact of `partnerId`, or of a new partner when none is given. */
export async function makeContact(t: TestApp, partnerId?: string | null, overrides: Partial<typeof contact.$inferInsert> = {}): Promise<ContactRow> {
  const pid = partnerId ?? (await makePartner(t)).id;
  const [row] = await t.database.db
    .insert(contact)
    .values({ firstName: 'Test', lastName: unique('Contact'), ...overrides, partnerId: pid })
    .returning();
  return row!;
}

/** A timeline entry of `partnerId` naming the given contacts. */
export async function makeActivity(
  t: TestApp,
  partnerId?: string | null,
  opts: { contactIds?: string[]; overrides?: Partial<typeof activity.$inferInsert> } = {},
): Promise<ActivityRow> {
  const pid = partnerId ?? (await makePartner(t)).id;
  const [row] = await t.database.db
    .insert(activity)
    .values({ kind: 'meeting', occurredAt: new Date(), summary: unique('Meeting'), ...opts.overrides, partnerId: pid })
    .returning();
  if (opts.contactIds?.length) await t.database.db.insert(activityContact).values(opts.contactIds.map((contactId) => ({ activityId: row!.id, contactId })));
  return row!;
}

export async function addTeamMember(t: TestApp, partnerId: string, userId: string, role: TeamRole = 'sales'): Promise<void> {
  await t.database.db.insert(teamAssignment).values({ partnerId, userId, role });
}
