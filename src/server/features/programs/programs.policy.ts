import { roles, signedIn } from '../../lib/policy.js';

/**
 * Everyone signed in sees where we stand in each partner programme (it guides who gets certified);
 * the Partner Manager and administrators define programmes and ladders and tick checklist items.
 */
export const programsPolicy = {
  read: signedIn,
  manage: roles('admin', 'manager'),
};
