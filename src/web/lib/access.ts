import type { Role } from '../../shared/roles.js';

/**
 * What the web app shows to whom. The server checks every request on its own (policies);
 * these only keep people from seeing buttons and pages that would answer "not allowed".
 */
export const can = {
  manageUsers: (role: Role) => role === 'admin',
};
export type Permission = (role: Role) => boolean;
