/** What other features use of the playbooks feature: import it from here, not from its files. */
export { findPlaybookWithSteps, listPlaybooks } from './playbooks.service.js';
export { ensureStarterPlaybooks } from './playbooks.starter.js';
