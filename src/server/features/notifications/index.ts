/** What other features use of the notifications feature: import it from here, not from its files. */
export { notify, type NewNotification } from './notifications.core.js';
