import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';
import { completeWhenDone } from './onboarding.service.js';

/**
 * Called by the tasks service, in its transaction, after tasks that belong to onboardings changed
 * status (completed, reopened, cancelled). An onboarding whose steps are all done (cancelled ones
 * need no doing) completes, and its partner becomes active. `now` is for tests' frozen clocks.
 */
export async function afterOnboardingTasksChanged(tx: DbOrTx, onboardingIds: string[], actor: Pick<Actor, 'id' | 'name'>, now: Date = new Date()): Promise<void> {
  if (!onboardingIds.length) return;
  await completeWhenDone(tx, onboardingIds, actor, now);
}
