/** What other features use of the programmes feature: import it from here, not from its files. */
export { heldLevelsOf } from './programs.held.js';
