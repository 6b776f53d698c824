import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';

/**
 * Called by the tasks service, in its transaction, after tasks that belong to onboardings changed
 * status (completed, reopened, cancelled). The onboarding feature completes an onboarding (and makes
 * the partner active) when all its steps are done.
 */
export async function afterOnboardingTasksChanged(tx: DbOrTx, onboardingIds: string[], actor: Pick<Actor, 'id' | 'name'>): Promise<void> {
  // Filled in by the onboarding feature.
  void tx;
  void onboardingIds;
  void actor;
}
