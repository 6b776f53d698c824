/** What other features use of kickbacks: import it from here, not from its files. */
export { kickbacksPolicy } from './kickbacks.policy.js';
export { recomputeOpportunity } from './kickbacks.compute.js';
