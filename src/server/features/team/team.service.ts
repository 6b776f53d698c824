import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { partner, teamAssignment, user } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError, msg, notFound } from '../../lib/errors.js';
import { offsetOf, orderBy } from '../../lib/pagination.js';
import type { Actor } from '../../lib/policy.js';
import type { Page } from '../../../shared/list.js';
import { TEAM_ROLES, type Importance, type PartnerStatus, type TeamRole } from '../../../shared/partners.js';
import type { Colleague, ColleagueDetail, TeamAssignment } from '../../../shared/schemas/team.js';
import { lockPartnerForEdit } from '../partners/index.js';
import { giveOpenStepsToNewRoleHolder } from '../onboarding/index.js';
import { escapeLike } from '../../lib/search-text.js';
import { auditableAssignment, presentAssignment, presentColleague, type AssignmentRow } from './team.presenter.js';

const assignmentColumns = {
  id: teamAssignment.id,
  role: teamAssignment.role,
  userId: user.id,
  name: user.name,
  email: user.email,
  deactivatedAt: user.deactivatedAt,
};

const roleOrder = (role: string) => TEAM_ROLES.indexOf(role as TeamRole);

export async function listTeam(db: DbOrTx, partnerId: string): Promise<TeamAssignment[]> {
  const [p] = await db.select({ id: partner.id }).from(partner).where(eq(partner.id, partnerId));
  if (!p) throw notFound(msg('partners.what'));
  const rows = await db.select(assignmentColumns).from(teamAssignment).innerJoin(user, eq(user.id, teamAssignment.userId)).where(eq(teamAssignment.partnerId, partnerId));
  // Roles in their defined order (owner first), then people by name.
  rows.sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return rows.map(presentAssignment);
}

const partnerForTeamWrite = (tx: DbOrTx, partnerId: string, actor: Actor) => lockPartnerForEdit(tx, actor, partnerId, { purpose: msg('team.changingItsTeam') });

export async function addTeamMember(db: Db, partnerId: string, input: { userId: string; role: TeamRole }, actor: Actor): Promise<TeamAssignment> {
  return db.transaction(async (tx) => {
    await partnerForTeamWrite(tx, partnerId, actor);
    const [u] = await tx.select({ id: user.id, name: user.name, email: user.email, deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, input.userId));
    if (!u || u.deactivatedAt) throw fieldError('body.userId', msg('team.notActiveUser'));
    // The unique index decides, so two people adding the same colleague at once cannot both succeed.
    const [row] = await tx
      .insert(teamAssignment)
      .values({ partnerId, userId: u.id, role: input.role })
      .onConflictDoNothing({ target: [teamAssignment.partnerId, teamAssignment.userId, teamAssignment.role] })
      .returning({ id: teamAssignment.id });
    if (!row) throw fieldError('body.userId', msg('team.alreadyOnTeam', { name: u.name, role: msg(`team.role.${input.role}`) }), 'conflict');
    const assignment: AssignmentRow = { id: row.id, role: input.role, userId: u.id, name: u.name, email: u.email, deactivatedAt: u.deactivatedAt };
    await recordAudit(tx, { actor, entityType: 'partner', entityId: partnerId, action: 'team-add', before: null, after: auditableAssignment(assignment) });
    await giveOpenStepsToNewRoleHolder(tx, partnerId, u.id, input.role, actor);
    return presentAssignment(assignment);
  });
}

export async function removeTeamMember(db: Db, partnerId: string, assignmentId: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await partnerForTeamWrite(tx, partnerId, actor);
    const [assignment] = await tx
      .select(assignmentColumns)
      .from(teamAssignment)
      .innerJoin(user, eq(user.id, teamAssignment.userId))
      .where(and(eq(teamAssignment.id, assignmentId), eq(teamAssignment.partnerId, partnerId)))
      .for('update', { of: teamAssignment });
    if (!assignment) throw notFound(msg('team.assignment'));
    await tx.delete(teamAssignment).where(eq(teamAssignment.id, assignmentId));
    await recordAudit(tx, { actor, entityType: 'partner', entityId: partnerId, action: 'team-remove', before: auditableAssignment(assignment), after: null });
  });
}

/** Active colleagues, for pickers. */
export async function listColleagues(db: Db, q: { page: number; pageSize: number; sort: string; q?: string }): Promise<Page<Colleague>> {
  const where: SQL[] = [isNull(user.deactivatedAt)];
  if (q.q) where.push(or(ilike(user.name, `%${escapeLike(q.q)}%`), ilike(user.email, `%${escapeLike(q.q)}%`))!);
  const rows = await db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role, deactivatedAt: user.deactivatedAt, total: sql<number>`count(*) over()`.mapWith(Number) })
    .from(user)
    .where(and(...where))
    .orderBy(...orderBy(q.sort, { name: user.name, email: user.email }, user.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const total =
    rows[0]?.total ??
    (q.page > 1
      ? (
          await db
            .select({ n: sql<number>`count(*)`.mapWith(Number) })
            .from(user)
            .where(and(...where))
        )[0]!.n
      : 0);
  return { items: rows.map(presentColleague), page: q.page, pageSize: q.pageSize, total };
}

/** A colleague's page: the partners they are on the team of (with their roles) and those they own. Archived partners are left out. */
export async function getColleague(db: Db, id: string): Promise<ColleagueDetail> {
  const [u] = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role, deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, id));
  if (!u) throw notFound(msg('team.colleague'));
  const assignments = await db
    .select({ id: teamAssignment.id, role: teamAssignment.role, partnerId: partner.id, name: partner.name, status: partner.status, importance: partner.importance })
    .from(teamAssignment)
    .innerJoin(partner, eq(partner.id, teamAssignment.partnerId))
    .where(and(eq(teamAssignment.userId, id), isNull(partner.archivedAt)));
  assignments.sort((a, b) => a.name.localeCompare(b.name) || a.partnerId.localeCompare(b.partnerId) || roleOrder(a.role) - roleOrder(b.role));
  const owned = await db
    .select({ id: partner.id, name: partner.name })
    .from(partner)
    .where(and(eq(partner.ownerId, id), isNull(partner.archivedAt)))
    .orderBy(asc(partner.name), asc(partner.id));
  return {
    user: presentColleague(u),
    assignments: assignments.map((a) => ({
      id: a.id,
      partner: { id: a.partnerId, name: a.name, status: a.status as PartnerStatus, importance: a.importance as Importance },
      role: a.role as TeamRole,
    })),
    owned,
  };
}
