import type { Colleague, TeamAssignment } from '../../../shared/schemas/team.js';
import type { Role } from '../../../shared/roles.js';
import type { TeamRole } from '../../../shared/partners.js';

export interface AssignmentRow {
  id: string;
  role: string;
  userId: string;
  name: string;
  email: string;
  deactivatedAt: Date | null;
}

export const presentAssignment = (a: AssignmentRow): TeamAssignment => ({
  id: a.id,
  user: { id: a.userId, name: a.name, email: a.email, active: !a.deactivatedAt },
  role: a.role as TeamRole,
});

export const presentColleague = (u: { id: string; name: string; email: string; role: string; deactivatedAt: Date | null }): Colleague => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role as Role,
  active: !u.deactivatedAt,
});

/** What the partner's audit trail keeps of a team change. */
export const auditableAssignment = (a: AssignmentRow) => ({ teamUserId: a.userId, teamUserName: a.name, teamRole: a.role });
