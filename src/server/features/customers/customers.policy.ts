import { roles, signedIn } from '../../lib/policy.js';

/**
 * End customers of deals: everyone signed in reads them (pickers, conflict panels); writers create and
 * correct them (members too: they create opportunities, which name customers).
 */
export const customersPolicy = {
  read: signedIn,
  write: roles('admin', 'manager', 'member'),
};
