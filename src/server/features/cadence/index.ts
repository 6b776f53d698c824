/** What other features use of the cadence feature: import it from here, not from its files. */
export { contactDueAt, isContactOverdue } from './cadence.core.js';
export { cadenceFields, cadenceOf, overduePartnersOwnedBy, type Cadence } from './cadence.service.js';
