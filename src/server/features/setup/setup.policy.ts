import { roles } from '../../lib/policy.js';

/** Loading the demo portfolio into an installation: the administrator's. */
export const setupPolicy = { demoData: roles('admin') };
