import { roles } from '../../lib/policy.js';

export const backupPolicy = {
  /** A backup holds everything, password hashes and the signing secret included: the administrator's. */
  download: roles('admin'),
};
