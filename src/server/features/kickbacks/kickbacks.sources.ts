/**
 * Commissions follow the deals: every change of an opportunity (create, update, stage, partners,
 * archive) recomputes the commission lines of the agreements it earns under, inside the opportunity's
 * own transaction, so a won deal and its line commit together (decision 0025).
 */
import { onOpportunityChanged } from '../opportunities/index.js';
import { recomputeOpportunity } from './kickbacks.compute.js';

onOpportunityChanged(async (tx, e) => {
  await recomputeOpportunity(tx, e.opportunityId, e.actor, e.today);
});
