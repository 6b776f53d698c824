import { roles, signedIn, type Actor } from '../../lib/policy.js';

/**
 * Kickbacks are money owed to partners: everyone signed in reads agreements and statements (viewers
 * too, as the issue says); the Partner Manager (and administrators) run the agreements, recompute
 * them and draw up statements; finance (and administrators) approve and pay them.
 */
export const kickbacksPolicy = {
  read: signedIn,
  manage: roles('admin', 'manager'),
  payout: roles('admin', 'finance'),
};

export const canManage = (actor: Actor) => kickbacksPolicy.manage.allow(actor);
export const canPayout = (actor: Actor) => kickbacksPolicy.payout.allow(actor);
