import { roles } from '../../lib/policy.js';

export const usersPolicy = {
  /** Users, roles and deactivation are the administrator's. */
  manage: roles('admin'),
};
