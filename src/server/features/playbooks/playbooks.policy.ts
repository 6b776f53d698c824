import { roles, signedIn } from '../../lib/policy.js';

/**
 * Playbooks are the company's onboarding templates: everyone signed in reads them (to start an
 * onboarding, to see what a step means); the issue makes them "editable by an admin", so only
 * administrators create, change, archive them or add the starter set.
 */
export const playbooksPolicy = {
  read: signedIn,
  manage: roles('admin'),
};
