import { roles, signedIn } from '../../lib/policy.js';

/**
 * Deal registrations are part of the partner's record: everyone signed in reads them (viewers and
 * finance included). Writers create and change them; members only those of partners they own or are
 * on the team of (the partner guard, checked in the service). Approving or rejecting an inbound
 * registration decides which partner is protected for a customer: the Partner Manager's decision.
 */
export const registrationsPolicy = {
  read: signedIn,
  write: roles('admin', 'manager', 'member'),
  decide: roles('admin', 'manager'),
};
