import type { user } from '../../db/schema/index.js';
import type { User } from '../../../shared/schemas/user.js';
import type { Role } from '../../../shared/roles.js';

type Row = Pick<typeof user.$inferSelect, 'id' | 'name' | 'email' | 'role' | 'deactivatedAt' | 'createdAt' | 'version'>;

export const presentUser = (u: Row): User => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role as Role,
  active: !u.deactivatedAt,
  deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
  version: u.version,
});

/** The fields the audit trail keeps for a user (never a password). */
export const auditableUser = (u: Row) => ({ name: u.name, email: u.email, role: u.role, deactivatedAt: u.deactivatedAt?.toISOString() ?? null });
