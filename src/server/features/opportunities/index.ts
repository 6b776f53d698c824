/** What other features use of the opportunities feature: import it from here, not from its files. */
export { createOpportunityInTx, addOpportunityPartner } from './opportunities.service.js';
export { onOpportunityChanged, type OpportunityChange, type OpportunityListener } from './opportunities.hooks.js';
export { selectDealsForCommission, type CommissionDeal } from './opportunities.read.js';
export type { CreateOpportunityInput } from '../../../shared/schemas/opportunity.js';
