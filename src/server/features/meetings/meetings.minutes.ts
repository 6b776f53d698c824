import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  activity,
  activityContact,
  activityUser,
  meetingOccurrence,
  meetingOccurrenceContact,
  meetingOccurrenceUser,
  meetingSeries,
  meetingTopic,
  user,
} from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, updateVersioned } from '../../lib/versioned.js';
import { TEXT_MAX } from '../../../shared/schemas/common.js';
import { SUMMARY_MAX } from '../../../shared/schemas/activity.js';
import type { MeetingDetail, updateMeetingBody } from '../../../shared/schemas/meeting.js';
import { auditableActivity } from '../activities/index.js';
import { refreshLastContact } from '../partners/index.js';
import { insertTasks } from '../tasks/index.js';
import { checkContacts, checkUsers, MEETING, partnerForWrite } from './meetings.checks.js';
import { attendeesOfOccurrence, auditableOccurrence, getMeeting, type OccurrenceRow } from './meetings.service.js';

type Input = z.output<typeof updateMeetingBody>;
type Topic = { kind: string; title: string; informTeam: boolean };

async function checkAssignees(tx: DbOrTx, items: NonNullable<Input['actionItems']>) {
  const ids = [...new Set(items.map((i) => i.assigneeId).filter((v): v is string => !!v))];
  const rows = ids.length ? await tx.select({ id: user.id, deactivatedAt: user.deactivatedAt }).from(user).where(inArray(user.id, ids)) : [];
  const active = new Set(rows.filter((u) => !u.deactivatedAt).map((u) => u.id));
  items.forEach((item, i) => {
    if (item.assigneeId && !active.has(item.assigneeId)) throw fieldError(`body.actionItems.${i}.assigneeId`, msg('meetings.notActiveUser', { id: item.assigneeId }));
  });
}

/** What the timeline entry says: the notes, then the decisions. */
function outcomeOf(notes: string | null, topics: Pick<Topic, 'kind' | 'title'>[]): string | null {
  const decisions = topics.filter((t) => t.kind === 'decision').map((t) => `- ${t.title}`);
  const text = [notes?.trim() || null, decisions.length ? `Decisions:\n${decisions.join('\n')}` : null].filter(Boolean).join('\n\n');
  return text ? text.slice(0, TEXT_MAX) : null;
}

/**
 * The meeting's timeline entry: written when minutes are first recorded, kept in step afterwards. It is
 * what resets the contact cadence of the partner and of each contact who attended.
 */
async function writeTimelineEntry(tx: DbOrTx, o: OccurrenceRow, title: string, topics: Pick<Topic, 'kind' | 'title' | 'informTeam'>[], actor: Actor) {
  const att = await attendeesOfOccurrence(tx, o);
  const values = {
    kind: 'meeting' as const,
    occurredAt: o.startsAt,
    summary: title.slice(0, SUMMARY_MAX),
    outcome: outcomeOf(o.notes, topics),
    important: topics.some((t) => t.informTeam),
  };
  let before: typeof activity.$inferSelect | undefined;
  let row: typeof activity.$inferSelect;
  if (o.activityId) [before] = await tx.select().from(activity).where(eq(activity.id, o.activityId));
  if (before) {
    [row] = (await tx.update(activity).set(values).where(eq(activity.id, before.id)).returning()) as [typeof activity.$inferSelect];
  } else {
    [row] = (await tx
      .insert(activity)
      .values({ ...values, partnerId: o.partnerId, createdBy: actor.id })
      .returning()) as [typeof activity.$inferSelect];
    if (att.userIds.length) await tx.insert(activityUser).values(att.userIds.map((userId) => ({ activityId: row.id, userId })));
    if (att.contactIds.length) await tx.insert(activityContact).values(att.contactIds.map((contactId) => ({ activityId: row.id, contactId })));
  }
  await refreshLastContact(tx, { partnerIds: [o.partnerId], contactIds: att.contactIds });
  await recordAudit(tx, {
    actor,
    entityType: 'activity',
    entityId: row.id,
    action: before ? 'update' : 'create',
    before: before ? auditableActivity(before, att.userIds, att.contactIds) : null,
    after: auditableActivity(row, att.userIds, att.contactIds),
  });
  return row.id;
}

/**
 * Changes one meeting. Notes, topics or action items record its minutes: the meeting becomes held,
 * topics replace the earlier ones, each action item becomes a task, and the timeline gets the meeting.
 */
export async function updateMeeting(db: Db, id: string, input: Input, actor: Actor, now: Date): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, meetingOccurrence, id, MEETING);
    await partnerForWrite(tx, before.partnerId, actor);
    const [series] = before.seriesId ? await tx.select().from(meetingSeries).where(eq(meetingSeries.id, before.seriesId)) : [];
    if (series) {
      for (const field of ['title', 'purpose', 'userIds', 'contactIds'] as const) {
        if (input[field] !== undefined) throw fieldError(`body.${field}`, msg('meetings.belongsToSeries'));
      }
    }
    const startsAt = input.startsAt ? new Date(input.startsAt) : before.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : input.startsAt ? new Date(startsAt.getTime() + before.endsAt.getTime() - before.startsAt.getTime()) : before.endsAt;
    if (endsAt <= startsAt) throw fieldError('body.endsAt', msg('meetings.endAfterStart'));

    const minutes = input.notes !== undefined || input.topics !== undefined || input.actionItems !== undefined;
    if (minutes && startsAt > now) throw new AppError('conflict', msg('meetings.minutesTooEarly'));
    if (input.status && before.status === 'held') throw new AppError('conflict', msg('meetings.held'));
    if (input.actionItems?.length) await checkAssignees(tx, input.actionItems);
    const att = await attendeesOfOccurrence(tx, before);
    if (input.userIds) await checkUsers(tx, input.userIds, att.userIds);
    if (input.contactIds) await checkContacts(tx, before.partnerId, input.contactIds, att.contactIds);

    let after = await updateVersioned(
      tx,
      meetingOccurrence,
      id,
      input.version,
      {
        title: input.title,
        purpose: input.purpose,
        startsAt: input.startsAt || input.endsAt ? startsAt : undefined,
        endsAt: input.startsAt || input.endsAt ? endsAt : undefined,
        location: input.location,
        notes: input.notes,
        status: minutes ? 'held' : input.status,
      },
      MEETING,
    );
    if (input.userIds) {
      await tx.delete(meetingOccurrenceUser).where(eq(meetingOccurrenceUser.occurrenceId, id));
      if (input.userIds.length) await tx.insert(meetingOccurrenceUser).values(input.userIds.map((userId) => ({ occurrenceId: id, userId })));
    }
    if (input.contactIds) {
      await tx.delete(meetingOccurrenceContact).where(eq(meetingOccurrenceContact.occurrenceId, id));
      if (input.contactIds.length) await tx.insert(meetingOccurrenceContact).values(input.contactIds.map((contactId) => ({ occurrenceId: id, contactId })));
    }
    let topics = await tx.select().from(meetingTopic).where(eq(meetingTopic.occurrenceId, id));
    if (input.topics) {
      await tx.delete(meetingTopic).where(eq(meetingTopic.occurrenceId, id));
      topics = input.topics.length
        ? await tx
            .insert(meetingTopic)
            .values(input.topics.map((t, position) => ({ occurrenceId: id, position, kind: t.kind, title: t.title, notes: t.notes ?? null, informTeam: t.informTeam })))
            .returning()
        : [];
    }
    if (input.actionItems?.length) {
      await insertTasks(
        tx,
        input.actionItems.map((item) => ({
          title: item.title,
          assigneeId: item.assigneeId ?? null,
          dueDate: item.dueDate ?? null,
          subjectType: 'meeting',
          subjectId: id,
          partnerId: before.partnerId,
          source: 'action_item',
          meetingOccurrenceId: id,
        })),
        actor,
      );
    }
    // A held meeting's entry follows later edits of its time or minutes.
    if (minutes || (after.status === 'held' && (input.startsAt || input.title))) {
      const activityId = await writeTimelineEntry(tx, after, series?.title ?? after.title ?? 'Meeting', topics, actor);
      if (activityId !== after.activityId) [after] = (await tx.update(meetingOccurrence).set({ activityId }).where(eq(meetingOccurrence.id, id)).returning()) as [OccurrenceRow];
    }
    await recordAudit(tx, {
      actor,
      entityType: 'meeting',
      entityId: id,
      action: minutes ? 'minutes' : 'update',
      before: { ...auditableOccurrence(before), userIds: [...att.userIds].sort(), contactIds: [...att.contactIds].sort() },
      after: {
        ...auditableOccurrence(after),
        userIds: [...(input.userIds ?? att.userIds)].sort(),
        contactIds: [...(input.contactIds ?? att.contactIds)].sort(),
        ...(input.topics ? { topics: input.topics.map((t) => `${t.kind}: ${t.title}${t.informTeam ? ' (inform the team)' : ''}`) } : {}),
        ...(input.actionItems?.length ? { actionItems: input.actionItems.map((a) => a.title) } : {}),
      },
    });
    return getMeeting(tx, id);
  });
}
