import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { readTogether, type Db, type DbOrTx } from '../../db/client.js';
import {
  meetingOccurrence,
  meetingOccurrenceContact,
  meetingOccurrenceUser,
  meetingSeries,
  meetingSeriesContact,
  meetingSeriesUser,
  meetingTopic,
  partner,
  task,
  user,
} from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow } from '../../lib/versioned.js';
import { CADENCE_STATUSES, DEFAULT_TIME_ZONE, QUARTERLY_IMPORTANCE, type MeetingPurpose, type OccurrenceStatus, type TaskStatus, type TopicKind } from '../../../shared/rhythm.js';
import type { createMeetingBody, Meeting, MeetingDetail, meetingsQuery, occurrenceActionBody, QuarterlyReport } from '../../../shared/schemas/meeting.js';
import { checkContacts, checkUsers, MEETING, partnerForWrite, SERIES } from './meetings.checks.js';
import { listMeetings, ruleGives } from './meetings.expand.js';
import { localOf, namesOf, presentMeetings } from './meetings.presenter.js';
import { toLocalParts, zonedToUtc } from './meetings.time.js';

export type OccurrenceRow = typeof meetingOccurrence.$inferSelect;
/** The longest window one listing expands, so a request cannot ask for centuries of weekly meetings. */
const WINDOW_MAX_DAYS = 400;

export const auditableOccurrence = (o: OccurrenceRow) => ({
  seriesId: o.seriesId,
  partnerId: o.partnerId,
  title: o.title,
  purpose: o.purpose,
  originalStart: o.originalStart?.toISOString() ?? null,
  startsAt: o.startsAt.toISOString(),
  endsAt: o.endsAt.toISOString(),
  location: o.location,
  status: o.status,
  notes: o.notes,
});

/** Attendees of an occurrence: a series' occurrences take the series' people, a one-off its own. */
export async function attendeesOfOccurrence(db: DbOrTx, o: Pick<OccurrenceRow, 'id' | 'seriesId'>) {
  const seriesId = o.seriesId;
  if (seriesId) {
    const [u, c] = await readTogether(
      db,
      () => db.select({ id: meetingSeriesUser.userId }).from(meetingSeriesUser).where(eq(meetingSeriesUser.seriesId, seriesId)),
      () => db.select({ id: meetingSeriesContact.contactId }).from(meetingSeriesContact).where(eq(meetingSeriesContact.seriesId, seriesId)),
    );
    return { userIds: u.map((r) => r.id), contactIds: c.map((r) => r.id) };
  }
  const [u, c] = await readTogether(
    db,
    () => db.select({ id: meetingOccurrenceUser.userId }).from(meetingOccurrenceUser).where(eq(meetingOccurrenceUser.occurrenceId, o.id)),
    () => db.select({ id: meetingOccurrenceContact.contactId }).from(meetingOccurrenceContact).where(eq(meetingOccurrenceContact.occurrenceId, o.id)),
  );
  return { userIds: u.map((r) => r.id), contactIds: c.map((r) => r.id) };
}

export async function getMeeting(db: DbOrTx, id: string): Promise<MeetingDetail> {
  const [row] = await db
    .select({ o: meetingOccurrence, partnerName: partner.name, s: meetingSeries })
    .from(meetingOccurrence)
    .innerJoin(partner, eq(partner.id, meetingOccurrence.partnerId))
    .leftJoin(meetingSeries, eq(meetingSeries.id, meetingOccurrence.seriesId))
    .where(eq(meetingOccurrence.id, id));
  if (!row) throw notFound(MEETING.what);
  const { o, s } = row;
  const att = await attendeesOfOccurrence(db, o);
  const [names, topics, items] = await readTogether(
    db,
    () => namesOf(db, att.userIds, att.contactIds),
    () => db.select().from(meetingTopic).where(eq(meetingTopic.occurrenceId, id)).orderBy(asc(meetingTopic.position), asc(meetingTopic.createdAt)),
    () =>
      db
        .select({ id: task.id, title: task.title, dueDate: task.dueDate, status: task.status, assigneeId: task.assigneeId, assigneeName: user.name })
        .from(task)
        .leftJoin(user, eq(user.id, task.assigneeId))
        .where(eq(task.meetingOccurrenceId, id))
        // Items saved together share created_at: then by due date (undated last) and title, () => for a stable order.
        .orderBy(asc(task.createdAt), sql`${task.dueDate} asc nulls last`, asc(task.title), asc(task.id)),
  );
  return {
    id: o.id,
    seriesId: o.seriesId,
    partner: { id: o.partnerId, name: row.partnerName },
    title: s?.title ?? o.title ?? 'Meeting',
    purpose: (s?.purpose ?? o.purpose ?? 'other') as MeetingPurpose,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    originalStart: o.originalStart?.toISOString() ?? null,
    timeZone: o.timeZone,
    status: o.status as OccurrenceStatus,
    location: o.location ?? s?.location ?? null,
    users: names.users(att.userIds),
    contacts: names.contacts(att.contactIds),
    notes: o.notes,
    agendaTemplate: s?.agendaTemplate ?? null,
    topics: topics.map((t) => ({ id: t.id, kind: t.kind as TopicKind, title: t.title, notes: t.notes, informTeam: t.informTeam })),
    actionItems: items.map((i) => ({
      id: i.id,
      title: i.title,
      assignee: i.assigneeId ? { id: i.assigneeId, name: i.assigneeName ?? '' } : null,
      dueDate: i.dueDate,
      status: i.status as TaskStatus,
    })),
    activityId: o.activityId,
    version: o.version,
  };
}

function checkWindow(from: Date, to: Date) {
  if (to <= from) throw fieldError('querystring.to', msg('meetings.toAfterFrom'));
  if (to.getTime() - from.getTime() > WINDOW_MAX_DAYS * 86_400_000) throw fieldError('querystring.to', msg('meetings.windowTooLong', { count: WINDOW_MAX_DAYS }));
}

export async function listPartnerMeetings(db: DbOrTx, partnerId: string, q: z.output<typeof meetingsQuery>): Promise<Meeting[]> {
  const [p] = await db.select({ id: partner.id }).from(partner).where(eq(partner.id, partnerId));
  if (!p) throw notFound(msg('partners.what'));
  const from = new Date(q.from);
  const to = new Date(q.to);
  checkWindow(from, to);
  return presentMeetings(db, await listMeetings(db, { from, to, partnerIds: [partnerId], includeSkipped: q.includeSkipped }));
}

export async function listAllMeetings(db: DbOrTx, q: z.output<typeof meetingsQuery>, actor: Actor): Promise<Meeting[]> {
  const from = new Date(q.from);
  const to = new Date(q.to);
  checkWindow(from, to);
  return presentMeetings(db, await listMeetings(db, { from, to, userId: q.mine ? actor.id : undefined, includeSkipped: q.includeSkipped }));
}

export async function createMeeting(db: Db, partnerId: string, input: z.output<typeof createMeetingBody>, actor: Actor): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    await partnerForWrite(tx, partnerId, actor);
    await checkUsers(tx, input.userIds);
    await checkContacts(tx, partnerId, input.contactIds);
    const [row] = await tx
      .insert(meetingOccurrence)
      .values({
        partnerId,
        title: input.title,
        purpose: input.purpose,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        timeZone: input.timeZone,
        location: input.location ?? null,
        createdBy: actor.id,
      })
      .returning();
    if (input.userIds.length) await tx.insert(meetingOccurrenceUser).values(input.userIds.map((userId) => ({ occurrenceId: row!.id, userId })));
    if (input.contactIds.length) await tx.insert(meetingOccurrenceContact).values(input.contactIds.map((contactId) => ({ occurrenceId: row!.id, contactId })));
    await recordAudit(tx, {
      actor,
      entityType: 'meeting',
      entityId: row!.id,
      action: 'create',
      after: { ...auditableOccurrence(row!), userIds: [...input.userIds].sort(), contactIds: [...input.contactIds].sort() },
    });
    return getMeeting(tx, row!.id);
  });
}

/**
 * Acts on one occurrence of a series, named by the start its rule gives: `open` stores it as it is (to
 * write minutes), `move` gives it a new time, `skip` cancels it, `restore` puts it back where the rule has it.
 */
export async function actOnOccurrence(db: Db, seriesId: string, input: z.output<typeof occurrenceActionBody>, actor: Actor): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    const s = await lockRow(tx, meetingSeries, seriesId, SERIES);
    await partnerForWrite(tx, s.partnerId, actor);
    if (s.archivedAt) throw new AppError('conflict', msg('meetings.seriesArchived'));
    const originalStart = new Date(input.originalStart);
    const rule = { rrule: s.rrule, startLocal: localOf(s.startLocal), timeZone: s.timeZone };
    const [existing] = await tx
      .select()
      .from(meetingOccurrence)
      .where(and(eq(meetingOccurrence.seriesId, seriesId), eq(meetingOccurrence.originalStart, originalStart)));
    if (!existing && !ruleGives(rule, originalStart)) throw fieldError('body.originalStart', msg('meetings.notAStart'));
    const duration = existing ? existing.endsAt.getTime() - existing.startsAt.getTime() : s.durationMinutes * 60_000;
    let values: Partial<typeof meetingOccurrence.$inferInsert> = {};
    if (input.action === 'move') {
      const startsAt = new Date(input.startsAt!);
      values = { startsAt, endsAt: input.endsAt ? new Date(input.endsAt) : new Date(startsAt.getTime() + duration) };
    } else if (input.action === 'skip') {
      if (existing?.status === 'held') throw new AppError('conflict', msg('meetings.held'));
      values = { status: 'skipped' };
    } else if (input.action === 'restore') {
      values = { status: existing?.status === 'held' ? 'held' : 'planned', startsAt: originalStart, endsAt: new Date(originalStart.getTime() + s.durationMinutes * 60_000) };
    }
    let row: OccurrenceRow;
    if (existing) {
      if (input.action === 'open') return getMeeting(tx, existing.id);
      [row] = (await tx
        .update(meetingOccurrence)
        .set({ ...values, version: sql`${meetingOccurrence.version} + 1`, updatedAt: sql`now()` })
        .where(eq(meetingOccurrence.id, existing.id))
        .returning()) as [OccurrenceRow];
    } else {
      [row] = (await tx
        .insert(meetingOccurrence)
        .values({
          seriesId,
          partnerId: s.partnerId,
          originalStart,
          startsAt: originalStart,
          endsAt: new Date(originalStart.getTime() + duration),
          timeZone: s.timeZone,
          createdBy: actor.id,
          ...values,
        })
        .returning()) as [OccurrenceRow];
    }
    await recordAudit(tx, {
      actor,
      entityType: 'meeting',
      entityId: row.id,
      action: input.action === 'open' ? 'create' : input.action,
      before: existing ? auditableOccurrence(existing) : null,
      after: auditableOccurrence(row),
    });
    return getMeeting(tx, row.id);
  });
}

/** The start of a quarter ('2026-Q4') and of the next, at midnight Europe/Zurich. */
export function quarterBounds(quarter: string): { from: Date; to: Date } {
  const [y, q] = quarter.split('-Q').map(Number) as [number, number];
  const month = (q - 1) * 3 + 1;
  const from = zonedToUtc({ year: y, month, day: 1, hour: 0, minute: 0, second: 0 }, DEFAULT_TIME_ZONE);
  const next = month + 3 > 12 ? { year: y + 1, month: 1 } : { year: y, month: month + 3 };
  const to = zonedToUtc({ ...next, day: 1, hour: 0, minute: 0, second: 0 }, DEFAULT_TIME_ZONE);
  return { from, to };
}

export const quarterOf = (now: Date) => {
  const p = toLocalParts(now, DEFAULT_TIME_ZONE);
  return `${p.year}-Q${Math.floor((p.month - 1) / 3) + 1}`;
};

/**
 * The quarterly get-together: every strategic or key partner that keeps the rhythm, with its held or
 * planned meetings of purpose `quarterly` in the quarter; the ones with none come first.
 */
export async function quarterlyReport(db: DbOrTx, quarter: string | undefined, now: Date): Promise<QuarterlyReport> {
  const q = quarter ?? quarterOf(now);
  const { from, to } = quarterBounds(q);
  const partners = await db
    .select({ id: partner.id, name: partner.name, importance: partner.importance, status: partner.status })
    .from(partner)
    .where(and(isNull(partner.archivedAt), inArray(partner.importance, [...QUARTERLY_IMPORTANCE]), inArray(partner.status, [...CADENCE_STATUSES])));
  const meetings = await listMeetings(db, { from, to, partnerIds: partners.map((p) => p.id), purposes: ['quarterly'] });
  const byPartner = new Map<string, typeof meetings>();
  for (const m of meetings) byPartner.set(m.partnerId, [...(byPartner.get(m.partnerId) ?? []), m]);
  const items = partners.map((p) => {
    const ms = byPartner.get(p.id) ?? [];
    return {
      partner: p,
      meetings: ms.map((m) => ({ id: m.occurrenceId, seriesId: m.seriesId, startsAt: m.startsAt.toISOString(), status: m.status })),
      covered: ms.length > 0,
    };
  });
  items.sort((a, b) => Number(a.covered) - Number(b.covered) || a.partner.name.localeCompare(b.partner.name));
  return { quarter: q, from: from.toISOString(), to: to.toISOString(), items };
}
