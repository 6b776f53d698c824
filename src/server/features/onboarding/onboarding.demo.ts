import { and, eq, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { partner, task } from '../../db/schema/index.js';
import type { Actor } from '../../lib/policy.js';
import { findPlaybookWithSteps, listPlaybooks } from '../playbooks/index.js';
import { addDays, zurichDate } from '../../../shared/days.js';
import { completeWhenDone, createOnboarding } from './onboarding.service.js';

/**
 * Demo onboardings, so the Onboardings page and the partners' tabs have something to show: every
 * partner in status onboarding gets one in progress (the steps due a few days ago done), and a few
 * active partners one completed earlier, which gives the average time to active.
 */
export async function seedDemoOnboardings(tx: DbOrTx, partnerIds: string[], actor: Pick<Actor, 'id' | 'name'>, now: Date): Promise<number> {
  if (!partnerIds.length) return 0;
  const playbooks = await listPlaybooks(tx, { archived: 'false' });
  const partners = await tx.select({ id: partner.id, ownerId: partner.ownerId, status: partner.status, types: partner.types }).from(partner).where(inArray(partner.id, partnerIds));
  const today = zurichDate(now);
  let made = 0;
  let completed = 0;
  for (const [i, p] of partners.entries()) {
    const wanted = p.status === 'onboarding' || (p.status === 'active' && completed < 6);
    const choice = playbooks.find((pb) => p.types.includes(pb.partnerType));
    if (!wanted || !choice) continue;
    const pb = (await findPlaybookWithSteps(tx, choice.id))!;
    if (p.status === 'onboarding') {
      const startedOn = addDays(today, -(12 + ((i * 7) % 30)));
      const id = await createOnboarding(tx, p, pb, startedOn, actor);
      // What fell due up to three days ago is done; the rest is open, some of it overdue.
      const cutoff = addDays(today, -3);
      const due = await tx
        .select({ id: task.id, dueDate: task.dueDate })
        .from(task)
        .where(and(eq(task.onboardingId, id), lt(task.dueDate, cutoff)));
      for (const [k, t] of due.entries()) {
        if (k % 4 === 3) continue;
        await tx
          .update(task)
          .set({ status: 'done', completedAt: new Date(`${t.dueDate}T15:00:00Z`), completedBy: p.ownerId })
          .where(eq(task.id, t.id));
      }
    } else {
      const startedOn = addDays(today, -(200 + i * 11));
      const id = await createOnboarding(tx, p, pb, startedOn, actor);
      const doneAt = new Date(`${addDays(startedOn, 40 + ((i * 13) % 50))}T14:00:00Z`);
      await tx.update(task).set({ status: 'done', completedAt: doneAt, completedBy: p.ownerId }).where(eq(task.onboardingId, id));
      await completeWhenDone(tx, [id], actor, doneAt);
      completed++;
    }
    made++;
  }
  return made;
}
