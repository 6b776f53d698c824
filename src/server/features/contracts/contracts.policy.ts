import { roles, signedIn } from '../../lib/policy.js';

/**
 * Contracts are part of the partner's record: everyone signed in reads them, values included (the
 * commercial terms are what colleagues need to work with the partner; the figures are no secret
 * inside the company). Writers write; members only on partners they own or are on the team of
 * (canEditPartner, checked in the service).
 */
export const contractsPolicy = {
  read: signedIn,
  write: roles('admin', 'manager', 'member'),
};
