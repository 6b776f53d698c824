import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/policy.js';

/** What a listener hears: which opportunity changed, who changed it, and today's day in Europe/Zurich. */
export interface OpportunityChange {
  opportunityId: string;
  actor: Actor;
  today: string;
}
export type OpportunityListener = (tx: DbOrTx, e: OpportunityChange) => Promise<void>;

const listeners: OpportunityListener[] = [];

/**
 * Registers a listener that runs inside the transaction of every change to an opportunity (create,
 * update, stage change, partner change, archive, restore), after the change: kickbacks recompute their
 * commission lines here, so opportunities never imports kickbacks. A listener that throws rolls the
 * change back. Register from a `<feature>.sources.ts` listed in features/sources.ts.
 */
export function onOpportunityChanged(listener: OpportunityListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** Runs every listener in registration order, one after the other (one transaction is one connection). */
export async function opportunityChanged(tx: DbOrTx, e: OpportunityChange): Promise<void> {
  for (const l of listeners) await l(tx, e);
}
