/** What other features use of the programmes feature: import it from here, not from its files. */
export { heldLevelsByPartner, heldLevelsOf } from './programs.held.js';
export { ensureStarterLevels } from './programs.starter.js';
