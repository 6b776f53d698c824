/** What other features use of the certifications feature: import it from here, not from its files. */
export { ensureStarterCatalogue, STARTER_PROGRAM_NAMES } from './certifications.starter.js';
