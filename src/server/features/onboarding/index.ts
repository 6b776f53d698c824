/** What other features use of the onboarding feature: import it from here, not from its files. */
export { giveOpenStepsToNewRoleHolder } from './onboarding.team.js';
