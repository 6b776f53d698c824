/** What other features use of the customers feature: import it from here, not from its files. */
export { resolveCustomer, type CustomerRef, type ResolveCustomerInput } from './customers.service.js';
export { customersPolicy } from './customers.policy.js';
