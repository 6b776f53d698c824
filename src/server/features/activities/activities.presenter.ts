import type { activity } from '../../db/schema/index.js';
import type { Activity } from '../../../shared/schemas/activity.js';
import type { ActivityKind } from '../../../shared/partners.js';

type Row = typeof activity.$inferSelect;
export interface Ref {
  id: string;
  name: string;
}
export interface ActivityExtras {
  partner: Ref;
  createdBy: Ref | null;
  users: Ref[];
  contacts: Ref[];
}

export const presentActivity = (a: Row, x: ActivityExtras): Activity => ({
  id: a.id,
  partner: x.partner,
  kind: a.kind as ActivityKind,
  occurredAt: a.occurredAt.toISOString(),
  summary: a.summary,
  outcome: a.outcome,
  important: a.important,
  users: x.users,
  contacts: x.contacts,
  createdBy: x.createdBy,
  archivedAt: a.archivedAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  version: a.version,
});

/** What the audit trail keeps of a timeline entry; participant lists sorted so that reordering is no change. */
export const auditableActivity = (a: Row, userIds: string[], contactIds: string[]) => ({
  partnerId: a.partnerId,
  kind: a.kind,
  occurredAt: a.occurredAt.toISOString(),
  summary: a.summary,
  outcome: a.outcome,
  important: a.important,
  userIds: [...userIds].sort(),
  contactIds: [...contactIds].sort(),
  archivedAt: a.archivedAt?.toISOString() ?? null,
});
