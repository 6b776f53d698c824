import type { Role } from '../../../shared/roles.js';

/** Programmes, ladders and checklist ticks: the Partner Manager's and administrators' (the server's rule). */
export const canManagePrograms = (role: Role) => role === 'admin' || role === 'manager';
