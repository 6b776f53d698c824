import { roles, signedIn } from '../../lib/policy.js';

/**
 * Everyone reads ratings (sales must know whether a supplier is high risk); writers start and edit
 * drafts and their findings (members only for partners they own or are on the team of, checked in
 * the service); approval fixes the rating, so it is the Partner Manager's or an admin's; the criteria
 * catalogue and the thresholds are the security policy itself: administrators only.
 */
export const riskPolicy = {
  read: signedIn,
  write: roles('admin', 'manager', 'member'),
  approve: roles('admin', 'manager'),
  configure: roles('admin'),
};
