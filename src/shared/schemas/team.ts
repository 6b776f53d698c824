import { z } from 'zod';
import { listQuery, pageOf } from '../list.js';
import { IMPORTANCE, PARTNER_STATUSES, TEAM_ROLES } from '../partners.js';
import { roleSchema } from './user.js';

export const teamRole = z.enum(TEAM_ROLES);

export const teamAssignmentSchema = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), active: z.boolean() }),
  role: teamRole,
});
export type TeamAssignment = z.infer<typeof teamAssignmentSchema>;
export const teamSchema = z.object({ items: z.array(teamAssignmentSchema) });

export const addTeamMemberBody = z.object({ userId: z.string().min(1).max(64), role: teamRole }).strict();
export type AddTeamMemberBody = z.input<typeof addTeamMemberBody>;
export const teamAssignmentParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });

/** A colleague as pickers and the colleague page show them: never more than name, e-mail and role. */
export const colleagueSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), role: roleSchema, active: z.boolean() });
export type Colleague = z.infer<typeof colleagueSchema>;
export const listColleaguesQuery = listQuery(['name', 'email'] as const, {}, 'name');
export const colleaguePage = pageOf(colleagueSchema);

export const colleagueDetailSchema = z.object({
  user: colleagueSchema,
  assignments: z.array(
    z.object({
      id: z.string(),
      partner: z.object({ id: z.string(), name: z.string(), status: z.enum(PARTNER_STATUSES), importance: z.enum(IMPORTANCE) }),
      role: teamRole,
    }),
  ),
  owned: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ColleagueDetail = z.infer<typeof colleagueDetailSchema>;
