/** What other features use of the risk feature: import it from here, not from its files. */
export { ensureStarterRiskCriteria } from './risk.starter.js';
