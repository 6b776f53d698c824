import { roles, signedIn } from '../../lib/policy.js';

/**
 * Opportunities: everyone signed in reads them; writers write, members only the deals they own or
 * whose partner they may edit (owner or team, the partner guard), checked in the service. Stages and
 * exchange rates are the administrator's; finance and Partner Managers read the rates.
 */
export const opportunitiesPolicy = {
  read: signedIn,
  write: roles('admin', 'manager', 'member'),
  stagesAdmin: roles('admin'),
  ratesRead: roles('admin', 'manager', 'finance'),
  ratesWrite: roles('admin'),
};
