/** What other features use of the meetings feature: import it from here, not from its files. */
export { meetingsPolicy } from './meetings.policy.js';
export { localOf } from './meetings.presenter.js';
export { parseLocal, toLocalParts, zonedToUtc, type LocalParts } from './meetings.time.js';
