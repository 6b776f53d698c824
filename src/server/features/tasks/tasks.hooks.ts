import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';

/**
 * Told, in the transaction that changed them, which onboardings had step tasks change status, leave
 * or join them; the onboarding feature follows its steps with it (completes an onboarding whose steps
 * are all done).
 */
export type OnboardingStepsListener = (tx: DbOrTx, onboardingIds: string[], actor: Pick<Actor, 'id' | 'name'>) => Promise<void>;

let onboardingSteps: OnboardingStepsListener | undefined;

/**
 * Onboarding builds on tasks (its steps are tasks), so tasks do not import it: the onboarding
 * feature registers its listener here when its routes are registered.
 */
export function onOnboardingStepsChanged(listener: OnboardingStepsListener): void {
  onboardingSteps = listener;
}

/** Called by the tasks service after step tasks changed; refuses to drop the news silently. */
export async function afterOnboardingTasksChanged(tx: DbOrTx, onboardingIds: string[], actor: Pick<Actor, 'id' | 'name'>): Promise<void> {
  if (!onboardingIds.length) return;
  if (!onboardingSteps) throw new Error('Step tasks of an onboarding changed, but no onboarding listener is registered (onOnboardingStepsChanged)');
  await onboardingSteps(tx, onboardingIds, actor);
}
