import type { Role } from '../../../shared/roles.js';

/** The outbox holds everyone's reminders and digests: administrators only (the server checks it too). */
export const canReadMail = (role: Role) => role === 'admin';
