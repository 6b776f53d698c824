/** What other features use of the activities feature: import it from here, not from its files. */
export { auditableActivity } from './activities.presenter.js';
export { timelinePage } from './activities.service.js';
