import { roles, signedIn, WRITERS } from '../../lib/policy.js';

/**
 * Onboardings belong to a partner: everyone signed in reads them; writers who may edit the partner
 * start and cancel them (the service checks the partner); making a partner active before every step
 * is done is the Partner Manager's decision.
 */
export const onboardingPolicy = {
  read: signedIn,
  write: roles(...WRITERS),
  override: roles('admin', 'manager'),
};
