/** What other features use of the users feature: import it from here, not from its files. */
export { countUsers, createUser, type AuditActor } from './users.service.js';
