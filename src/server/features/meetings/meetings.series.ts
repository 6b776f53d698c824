import { and, asc, eq, gte, inArray, isNull, ne, sql } from 'drizzle-orm';
import { readTogether, type Db, type DbOrTx } from '../../db/client.js';
import { meetingOccurrence, meetingSeries, meetingSeriesContact, meetingSeriesUser, partner } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockRow, updateVersioned } from '../../lib/versioned.js';
import type { Cadence } from '../../../shared/rhythm.js';
import { CADENCE_RRULE, type MeetingSeries, type createSeriesBody, type updateSeriesBody } from '../../../shared/schemas/meeting.js';
import type { z } from 'zod';
import { checkContacts, checkRuleGivesMeetings, checkUsers, partnerForWrite, SERIES } from './meetings.checks.js';
import { listMeetings, ruleGives, type SeriesRule } from './meetings.expand.js';
import { auditableSeries, localOf, namesOf, presentSeries } from './meetings.presenter.js';
import { parseLocal, zonedToUtc } from './meetings.time.js';

const WHAT = SERIES;
type Row = typeof meetingSeries.$inferSelect;
/** How many upcoming starts a series shows, and how far ahead they are looked for. */
const NEXT_COUNT = 3;
const NEXT_HORIZON_DAYS = 400;

const ruleOf = (cadence: Cadence, rrule: string | null | undefined) => (cadence === 'custom' ? rrule! : CADENCE_RRULE[cadence]);

async function attendeesOf(db: DbOrTx, seriesIds: string[]) {
  if (!seriesIds.length) return { users: new Map<string, string[]>(), contacts: new Map<string, string[]>() };
  const [u, c] = await readTogether(
    db,
    () => db.select().from(meetingSeriesUser).where(inArray(meetingSeriesUser.seriesId, seriesIds)),
    () => db.select().from(meetingSeriesContact).where(inArray(meetingSeriesContact.seriesId, seriesIds)),
  );
  const users = new Map<string, string[]>();
  const contacts = new Map<string, string[]>();
  for (const r of u) users.set(r.seriesId, [...(users.get(r.seriesId) ?? []), r.userId]);
  for (const r of c) contacts.set(r.seriesId, [...(contacts.get(r.seriesId) ?? []), r.contactId]);
  return { users, contacts };
}

async function present(db: DbOrTx, rows: Row[], now: Date): Promise<MeetingSeries[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const partnerIds = [...new Set(rows.map((r) => r.partnerId))];
  const [att, partners, upcoming] = await readTogether(
    db,
    () => attendeesOf(db, ids),
    () => db.select({ id: partner.id, name: partner.name }).from(partner).where(inArray(partner.id, partnerIds)),
    () => listMeetings(db, { from: now, to: new Date(now.getTime() + NEXT_HORIZON_DAYS * 86_400_000), partnerIds }),
  );
  const names = await namesOf(db, [...att.users.values()].flat(), [...att.contacts.values()].flat());
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));
  return rows.map((r) =>
    presentSeries(r, {
      partner: { id: r.partnerId, name: partnerName.get(r.partnerId) ?? '' },
      users: names.users(att.users.get(r.id) ?? []),
      contacts: names.contacts(att.contacts.get(r.id) ?? []),
      next: r.archivedAt
        ? []
        : upcoming
            .filter((m) => m.seriesId === r.id)
            .slice(0, NEXT_COUNT)
            .map((m) => m.startsAt),
    }),
  );
}

export async function listSeries(db: DbOrTx, partnerId: string, now: Date, archived = false): Promise<MeetingSeries[]> {
  const [p] = await db.select({ id: partner.id }).from(partner).where(eq(partner.id, partnerId));
  if (!p) throw notFound(msg('partners.what'));
  const rows = await db
    .select()
    .from(meetingSeries)
    .where(and(eq(meetingSeries.partnerId, partnerId), archived ? undefined : isNull(meetingSeries.archivedAt)))
    .orderBy(asc(meetingSeries.title), asc(meetingSeries.id));
  return present(db, rows, now);
}

export async function getSeries(db: DbOrTx, id: string, now: Date): Promise<MeetingSeries> {
  const [row] = await db.select().from(meetingSeries).where(eq(meetingSeries.id, id));
  if (!row) throw notFound(WHAT.what);
  return (await present(db, [row], now))[0]!;
}

async function setAttendees(tx: DbOrTx, id: string, links: { userIds?: string[]; contactIds?: string[] }, replace: boolean) {
  if (links.userIds) {
    if (replace) await tx.delete(meetingSeriesUser).where(eq(meetingSeriesUser.seriesId, id));
    if (links.userIds.length) await tx.insert(meetingSeriesUser).values(links.userIds.map((userId) => ({ seriesId: id, userId })));
  }
  if (links.contactIds) {
    if (replace) await tx.delete(meetingSeriesContact).where(eq(meetingSeriesContact.seriesId, id));
    if (links.contactIds.length) await tx.insert(meetingSeriesContact).values(links.contactIds.map((contactId) => ({ seriesId: id, contactId })));
  }
}

/**
 * After the rule, time or length of a series changed: upcoming meetings stored under the old rule (moved,
 * skipped or opened, never held) go when the new rule no longer has them, and unmoved ones take the new
 * length. Held meetings and their minutes are history and stay as they are.
 */
async function realignOccurrences(tx: DbOrTx, seriesId: string, rule: SeriesRule, durationMinutes: number, now: Date) {
  const rows = await tx
    .select()
    .from(meetingOccurrence)
    .where(and(eq(meetingOccurrence.seriesId, seriesId), ne(meetingOccurrence.status, 'held'), gte(meetingOccurrence.startsAt, now)));
  const stale = rows.filter((o) => !ruleGives(rule, o.originalStart!)).map((o) => o.id);
  if (stale.length) await tx.delete(meetingOccurrence).where(inArray(meetingOccurrence.id, stale));
  const unmoved = rows.filter((o) => !stale.includes(o.id) && o.startsAt.getTime() === o.originalStart!.getTime()).map((o) => o.id);
  if (unmoved.length) {
    await tx
      .update(meetingOccurrence)
      .set({ endsAt: sql`${meetingOccurrence.startsAt} + make_interval(mins => ${durationMinutes}::int)`, version: sql`${meetingOccurrence.version} + 1`, updatedAt: sql`now()` })
      .where(inArray(meetingOccurrence.id, unmoved));
  }
  return stale.length;
}

export async function createSeries(db: Db, partnerId: string, input: z.output<typeof createSeriesBody>, actor: Actor, now: Date): Promise<MeetingSeries> {
  return db.transaction(async (tx) => {
    await partnerForWrite(tx, partnerId, actor);
    const rrule = ruleOf(input.cadence, input.rrule);
    checkRuleGivesMeetings({ rrule, startLocal: input.startLocal, timeZone: input.timeZone }, zonedToUtc(parseLocal(input.startLocal), input.timeZone));
    await checkUsers(tx, input.userIds);
    await checkContacts(tx, partnerId, input.contactIds);
    const [row] = await tx
      .insert(meetingSeries)
      .values({
        partnerId,
        title: input.title,
        purpose: input.purpose,
        cadence: input.cadence,
        rrule,
        startLocal: input.startLocal,
        timeZone: input.timeZone,
        durationMinutes: input.durationMinutes,
        location: input.location ?? null,
        agendaTemplate: input.agendaTemplate ?? null,
        createdBy: actor.id,
      })
      .returning();
    await setAttendees(tx, row!.id, input, false);
    await recordAudit(tx, { actor, entityType: 'meeting_series', entityId: row!.id, action: 'create', after: auditableSeries(row!, input.userIds, input.contactIds) });
    return (await present(tx, [row!], now))[0]!;
  });
}

export async function updateSeries(db: Db, id: string, input: z.output<typeof updateSeriesBody>, actor: Actor, now: Date): Promise<MeetingSeries> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, meetingSeries, id, WHAT);
    await partnerForWrite(tx, before.partnerId, actor);
    if (before.archivedAt) throw new AppError('conflict', msg('meetings.seriesArchived'));
    const att = await attendeesOf(tx, [id]);
    const userIdsBefore = att.users.get(id) ?? [];
    const contactIdsBefore = att.contacts.get(id) ?? [];
    const cadence = input.cadence ?? (before.cadence as Cadence);
    // Switching to a named cadence replaces a custom rule; staying custom keeps it unless a new one is given.
    const rrule = cadence === 'custom' ? (input.rrule ?? (before.cadence === 'custom' ? before.rrule : null)) : ruleOf(cadence, null);
    if (!rrule) throw fieldError('body.rrule', msg('meetings.ruleRequired'));
    const startLocal = input.startLocal ?? localOf(before.startLocal);
    const timeZone = input.timeZone ?? before.timeZone;
    checkRuleGivesMeetings({ rrule, startLocal, timeZone }, zonedToUtc(parseLocal(startLocal), timeZone));
    if (input.userIds) await checkUsers(tx, input.userIds, userIdsBefore);
    if (input.contactIds) await checkContacts(tx, before.partnerId, input.contactIds, contactIdsBefore);
    const after = await updateVersioned(
      tx,
      meetingSeries,
      id,
      input.version,
      {
        title: input.title,
        purpose: input.purpose,
        cadence,
        rrule,
        startLocal,
        timeZone,
        durationMinutes: input.durationMinutes,
        location: input.location,
        agendaTemplate: input.agendaTemplate,
      },
      WHAT,
    );
    await setAttendees(tx, id, input, true);
    const ruleChanged = rrule !== before.rrule || startLocal !== localOf(before.startLocal) || timeZone !== before.timeZone;
    if (ruleChanged || after.durationMinutes !== before.durationMinutes) await realignOccurrences(tx, id, { rrule, startLocal, timeZone }, after.durationMinutes, now);
    await recordAudit(tx, {
      actor,
      entityType: 'meeting_series',
      entityId: id,
      action: 'update',
      before: auditableSeries(before, userIdsBefore, contactIdsBefore),
      after: auditableSeries(after, input.userIds ?? userIdsBefore, input.contactIds ?? contactIdsBefore),
    });
    return (await present(tx, [after], now))[0]!;
  });
}

/** Archiving ends a series: no more meetings are planned from it; those held stay on record. */
export async function archiveSeries(db: Db, id: string, version: number, actor: Actor, now: Date): Promise<MeetingSeries> {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, meetingSeries, id, WHAT);
    await partnerForWrite(tx, before.partnerId, actor);
    if (before.archivedAt) throw new AppError('conflict', msg('meetings.seriesAlreadyArchived'));
    const after = await updateVersioned(tx, meetingSeries, id, version, { archivedAt: sql`now()` }, WHAT);
    await recordAudit(tx, {
      actor,
      entityType: 'meeting_series',
      entityId: id,
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt: after.archivedAt?.toISOString() },
    });
    return (await present(tx, [after], now))[0]!;
  });
}
