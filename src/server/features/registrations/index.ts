/** What other parts of the app use of the registrations feature: import it from here, not from its files. */
export { expireRegistrations } from './registrations.decide.js';
export { registrationsRoutes } from './registrations.routes.js';
