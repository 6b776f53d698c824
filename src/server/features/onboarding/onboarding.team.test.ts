import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { createTestApp, makeUser, type TestApp } from '../../../../tests/support/app.js';
import { actor, requestsAs, type Actor } from '../../../../tests/support/actors.js';
import { makePartner } from '../../../../tests/support/factories.js';
import { auditLog, notification, task } from '../../db/schema/index.js';
import type { User } from '../../../shared/schemas/user.js';

let t: TestApp;
let admin: Actor;
let manager: Actor;
let owner: User;

beforeAll(async () => {
  t = await createTestApp();
  admin = await actor(t, 'admin');
  manager = await actor(t, 'manager', { name: 'Mia Manager' });
  owner = await makeUser(t, 'member', { name: 'Olga Owner' });
});
afterAll(() => t.close());

const { post } = requestsAs(() => manager);
let seq = 0;

/** A partner owned by Olga, onboarding (started by the manager) with an owner step and three sales steps. */
async function onboardingWithSalesSteps() {
  const pb = await post(
    '/api/playbooks',
    {
      name: `Playbook ${process.pid}-${++seq}`,
      partnerType: 'software_vendor',
      steps: [
        { title: 'NDA signed', ownerRole: 'owner', dueAfterDays: 7 },
        { title: 'Kickoff meeting held', ownerRole: 'sales', dueAfterDays: 14 },
        { title: 'Pricing agreed', ownerRole: 'sales', dueAfterDays: 21 },
        { title: 'First deal registered', ownerRole: 'sales', dueAfterDays: 60 },
      ],
    },
    admin,
  );
  expect(pb.statusCode, pb.body).toBe(201);
  const p = await makePartner(t, { ownerId: owner.id, status: 'prospect' });
  const started = await post(`/api/partners/${p.id}/onboarding`, { playbookId: pb.json().id });
  expect(started.statusCode, started.body).toBe(201);
  return { partnerId: p.id, onboardingId: started.json().id as string, version: started.json().version as number };
}
const steps = async (onboardingId: string) =>
  Object.fromEntries(
    (await t.database.db.select({ title: task.title, assigneeId: task.assigneeId }).from(task).where(eq(task.onboardingId, onboardingId)).orderBy(asc(task.stepPosition))).map(
      (s) => [s.title, s.assigneeId],
    ),
  );
const addToTeam = async (partnerId: string, userId: string, role: string) => {
  const res = await post(`/api/partners/${partnerId}/team`, { userId, role });
  expect(res.statusCode, res.body).toBe(201);
};

describe('a colleague given a team role during an onboarding', () => {
  it('receives the open steps of that role that went to the owner for want of anyone in it; done steps and steps handed to someone stay', async () => {
    const { partnerId, onboardingId } = await onboardingWithSalesSteps();
    expect(Object.values(await steps(onboardingId))).toEqual([owner.id, owner.id, owner.id, owner.id]);
    // One sales step is done already, another was handed to a particular colleague.
    const helper = await makeUser(t, 'member', { name: 'Hugo Helper' });
    await t.database.db
      .update(task)
      .set({ status: 'done', completedAt: new Date() })
      .where(and(eq(task.onboardingId, onboardingId), eq(task.title, 'Kickoff meeting held')));
    await t.database.db
      .update(task)
      .set({ assigneeId: helper.id })
      .where(and(eq(task.onboardingId, onboardingId), eq(task.title, 'First deal registered')));

    const sam = await makeUser(t, 'member', { name: 'Sam Sales' });
    await addToTeam(partnerId, sam.id, 'sales');
    expect(await steps(onboardingId)).toEqual({ 'NDA signed': owner.id, 'Kickoff meeting held': owner.id, 'Pricing agreed': sam.id, 'First deal registered': helper.id });

    // Audited as a change of assignee, by the person who changed the team, and Sam hears of it.
    const [pricing] = await t.database.db
      .select({ id: task.id })
      .from(task)
      .where(and(eq(task.onboardingId, onboardingId), eq(task.title, 'Pricing agreed')));
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'task'), eq(auditLog.entityId, pricing!.id), eq(auditLog.action, 'update')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: manager.id, changes: { assigneeId: { from: owner.id, to: sam.id } } });
    const inbox = await t.database.db
      .select({ title: notification.title })
      .from(notification)
      .where(and(eq(notification.userId, sam.id), eq(notification.kind, 'task_assigned')));
    expect(inbox.map((n) => n.title)).toEqual(['Mia Manager gave you a task: Pricing agreed']);

    // A second colleague in the same role, or Sam in another one, changes nothing: Sam holds the role's steps.
    const sue = await makeUser(t, 'member');
    await addToTeam(partnerId, sue.id, 'sales');
    await addToTeam(partnerId, sam.id, 'marketing');
    expect((await steps(onboardingId))['Pricing agreed']).toBe(sam.id);
    expect(
      await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'task'), eq(auditLog.entityId, pricing!.id), eq(auditLog.action, 'update'))),
    ).toHaveLength(1);
  });

  it('leaves tasks alone when no onboarding is in progress', async () => {
    const { partnerId, onboardingId, version } = await onboardingWithSalesSteps();
    const cancel = await post(`/api/onboardings/${onboardingId}/cancel`, { version });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const before = await t.database.db.select().from(task).where(eq(task.onboardingId, onboardingId));
    await addToTeam(partnerId, (await makeUser(t, 'member')).id, 'sales');
    expect(
      await t.database.db
        .select()
        .from(task)
        .where(
          inArray(
            task.id,
            before.map((b) => b.id),
          ),
        ),
    ).toEqual(before);
  });
});
