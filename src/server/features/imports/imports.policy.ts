import { roles } from '../../lib/policy.js';

export const importsPolicy = {
  /**
   * Imports create and change partners and contacts in bulk, for every partner alike: the Partner
   * Manager's and the administrator's, as archiving and merging are. Members add records one by one.
   */
  manage: roles('admin', 'manager'),
};
