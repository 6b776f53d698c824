import ICAL from 'ical.js';
import { and, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../db/client.js';
import { meetingOccurrence, meetingOccurrenceContact, meetingOccurrenceUser, meetingSeries, meetingSeriesContact, meetingSeriesUser, partner } from '../../db/schema/index.js';
import type { MeetingPurpose, OccurrenceStatus } from '../../../shared/rhythm.js';
import { parseLocal, toLocalParts, zonedToUtc, type LocalParts } from './meetings.time.js';

export interface ExpandedMeeting {
  /** Null for an occurrence the rule gives that has no stored row yet (never moved, skipped or minuted). */
  occurrenceId: string | null;
  seriesId: string | null;
  partnerId: string;
  partnerName: string;
  title: string;
  purpose: MeetingPurpose;
  startsAt: Date;
  endsAt: Date;
  /** The start the rule gives (RECURRENCE-ID); null for a one-off meeting. */
  originalStart: Date | null;
  timeZone: string;
  status: OccurrenceStatus;
  location: string | null;
  userIds: string[];
  contactIds: string[];
}

/** Occurrences of one series inside one window; a rule like FREQ=MINUTELY must not flood a response. */
export const MAX_PER_SERIES = 1000;
/** Rule steps walked from the first start, so a long-running series with a tiny window still ends. */
const MAX_STEPS = 100_000;

export interface SeriesRule {
  rrule: string;
  startLocal: string;
  timeZone: string;
}

/**
 * The starts (UTC) a series' rule gives in [from, to). The rule runs on the floating local DTSTART and
 * each local time is placed in the series' zone, so 10:00 Europe/Zurich stays 10:00 across DST changes.
 */
export function expandRule(rule: SeriesRule, from: Date, to: Date, limit = MAX_PER_SERIES): Date[] {
  const start = parseLocal(rule.startLocal);
  const recur = ICAL.Recur.fromString(rule.rrule);
  // UNTIL comes as a UTC instant; compare it on the same floating clock as the occurrences.
  if (recur.until && recur.until.zone === ICAL.Timezone.utcTimezone) {
    const u = toLocalParts(recur.until.toJSDate(), rule.timeZone);
    recur.until = ICAL.Time.fromData({ ...u, isDate: false });
  }
  const dtstart = ICAL.Time.fromData({ ...start, isDate: false });
  const it = recur.iterator(dtstart);
  const out: Date[] = [];
  const toMs = to.getTime();
  const fromMs = from.getTime();
  for (let step = 0; step < MAX_STEPS && out.length < limit; step++) {
    const next = it.next();
    if (!next) break;
    const at = zonedToUtc(localOf(next), rule.timeZone);
    if (at.getTime() >= toMs) break;
    if (at.getTime() >= fromMs) out.push(at);
  }
  return out;
}

function localOf(t: ICAL.Time): LocalParts {
  return { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
}

/**
 * Meetings in [from, to), sorted by start: every series expanded in the window and merged with its
 * stored occurrences (a moved one at its new time, a skipped one only when asked), plus one-offs.
 * `userId` keeps the meetings the user attends or that belong to partners the user owns.
 */
export async function listMeetings(
  db: DbOrTx,
  opts: { from: Date; to: Date; partnerIds?: string[]; userId?: string; includeSkipped?: boolean; purposes?: MeetingPurpose[] },
): Promise<ExpandedMeeting[]> {
  const { from, to } = opts;
  if ((opts.partnerIds && opts.partnerIds.length === 0) || opts.purposes?.length === 0) return [];

  // Archived series stay in the query so their held meetings still count; they are not expanded.
  const seriesFilters: SQL[] = [isNull(partner.archivedAt)];
  if (opts.partnerIds) seriesFilters.push(inArray(meetingSeries.partnerId, opts.partnerIds));
  if (opts.purposes) seriesFilters.push(inArray(meetingSeries.purpose, opts.purposes));
  if (opts.userId) {
    seriesFilters.push(
      or(
        eq(partner.ownerId, opts.userId),
        sql`exists (select 1 from ${meetingSeriesUser} where ${meetingSeriesUser.seriesId} = ${meetingSeries.id} and ${meetingSeriesUser.userId} = ${opts.userId})`,
      )!,
    );
  }
  const seriesRows = await db
    .select({
      id: meetingSeries.id,
      partnerId: meetingSeries.partnerId,
      partnerName: partner.name,
      title: meetingSeries.title,
      purpose: meetingSeries.purpose,
      rrule: meetingSeries.rrule,
      startLocal: meetingSeries.startLocal,
      timeZone: meetingSeries.timeZone,
      durationMinutes: meetingSeries.durationMinutes,
      location: meetingSeries.location,
      archivedAt: meetingSeries.archivedAt,
    })
    .from(meetingSeries)
    .innerJoin(partner, eq(partner.id, meetingSeries.partnerId))
    .where(and(...seriesFilters));

  // Stored rows: one-offs and series rows starting in the window, plus series rows whose rule start is
  // in the window (a moved-away occurrence must hide the rule's instance there).
  const seriesIds = seriesRows.map((s) => s.id);
  const occFilters: SQL[] = [isNull(partner.archivedAt)];
  if (opts.partnerIds) occFilters.push(inArray(meetingOccurrence.partnerId, opts.partnerIds));
  const inWindow = and(gte(meetingOccurrence.startsAt, from), lt(meetingOccurrence.startsAt, to))!;
  const oneOffWhere: SQL[] = [isNull(meetingOccurrence.seriesId), inWindow];
  if (opts.purposes) oneOffWhere.push(inArray(meetingOccurrence.purpose, opts.purposes));
  if (opts.userId) {
    oneOffWhere.push(
      or(
        eq(partner.ownerId, opts.userId),
        sql`exists (select 1 from ${meetingOccurrenceUser} where ${meetingOccurrenceUser.occurrenceId} = ${meetingOccurrence.id} and ${meetingOccurrenceUser.userId} = ${opts.userId})`,
      )!,
    );
  }
  const seriesWhere = seriesIds.length
    ? and(inArray(meetingOccurrence.seriesId, seriesIds), or(inWindow, and(gte(meetingOccurrence.originalStart, from), lt(meetingOccurrence.originalStart, to))))
    : undefined;
  const occRows = await db
    .select({
      id: meetingOccurrence.id,
      seriesId: meetingOccurrence.seriesId,
      partnerId: meetingOccurrence.partnerId,
      partnerName: partner.name,
      title: meetingOccurrence.title,
      purpose: meetingOccurrence.purpose,
      originalStart: meetingOccurrence.originalStart,
      startsAt: meetingOccurrence.startsAt,
      endsAt: meetingOccurrence.endsAt,
      timeZone: meetingOccurrence.timeZone,
      location: meetingOccurrence.location,
      status: meetingOccurrence.status,
    })
    .from(meetingOccurrence)
    .innerJoin(partner, eq(partner.id, meetingOccurrence.partnerId))
    .where(and(...occFilters, seriesWhere ? or(and(...oneOffWhere), seriesWhere) : and(...oneOffWhere)));

  const oneOffIds = occRows.filter((o) => o.seriesId === null).map((o) => o.id);
  const [sUsers, sContacts, oUsers, oContacts] = await readTogether(
    db,
    () => (seriesIds.length ? db.select().from(meetingSeriesUser).where(inArray(meetingSeriesUser.seriesId, seriesIds)) : []),
    () => (seriesIds.length ? db.select().from(meetingSeriesContact).where(inArray(meetingSeriesContact.seriesId, seriesIds)) : []),
    () => (oneOffIds.length ? db.select().from(meetingOccurrenceUser).where(inArray(meetingOccurrenceUser.occurrenceId, oneOffIds)) : []),
    () => (oneOffIds.length ? db.select().from(meetingOccurrenceContact).where(inArray(meetingOccurrenceContact.occurrenceId, oneOffIds)) : []),
  );
  const group = <T>(rows: T[], key: (r: T) => string, val: (r: T) => string) => {
    const m = new Map<string, string[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), val(r)]);
    return m;
  };
  const seriesUserMap = group(
    sUsers,
    (r) => r.seriesId,
    (r) => r.userId,
  );
  const seriesContactMap = group(
    sContacts,
    (r) => r.seriesId,
    (r) => r.contactId,
  );
  const occUserMap = group(
    oUsers,
    (r) => r.occurrenceId,
    (r) => r.userId,
  );
  const occContactMap = group(
    oContacts,
    (r) => r.occurrenceId,
    (r) => r.contactId,
  );

  const seriesById = new Map(seriesRows.map((s) => [s.id, s]));
  const stored = new Map<string, (typeof occRows)[number]>();
  for (const o of occRows) if (o.seriesId && o.originalStart) stored.set(`${o.seriesId}|${o.originalStart.getTime()}`, o);

  const out: ExpandedMeeting[] = [];
  const keep = (status: string) => status !== 'skipped' || opts.includeSkipped === true;
  for (const s of seriesRows) {
    if (s.archivedAt) continue;
    for (const at of expandRule(s, from, to)) {
      if (stored.has(`${s.id}|${at.getTime()}`)) continue;
      out.push({
        occurrenceId: null,
        seriesId: s.id,
        partnerId: s.partnerId,
        partnerName: s.partnerName,
        title: s.title,
        purpose: s.purpose as MeetingPurpose,
        startsAt: at,
        endsAt: new Date(at.getTime() + s.durationMinutes * 60_000),
        originalStart: at,
        timeZone: s.timeZone,
        status: 'planned',
        location: s.location,
        userIds: seriesUserMap.get(s.id) ?? [],
        contactIds: seriesContactMap.get(s.id) ?? [],
      });
    }
  }
  const fromMs = from.getTime();
  const toMs = to.getTime();
  for (const o of occRows) {
    if (!keep(o.status)) continue;
    if (o.startsAt.getTime() < fromMs || o.startsAt.getTime() >= toMs) continue;
    const s = o.seriesId ? seriesById.get(o.seriesId) : undefined;
    if (o.seriesId && (!s || (s.archivedAt && o.status !== 'held'))) continue;
    out.push({
      occurrenceId: o.id,
      seriesId: o.seriesId,
      partnerId: o.partnerId,
      partnerName: o.partnerName,
      title: s?.title ?? o.title ?? 'Meeting',
      purpose: (s?.purpose ?? o.purpose ?? 'other') as MeetingPurpose,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      originalStart: o.originalStart,
      timeZone: o.timeZone,
      status: o.status as OccurrenceStatus,
      location: o.location ?? s?.location ?? null,
      userIds: s ? (seriesUserMap.get(s.id) ?? []) : (occUserMap.get(o.id) ?? []),
      contactIds: s ? (seriesContactMap.get(s.id) ?? []) : (occContactMap.get(o.id) ?? []),
    });
  }
  out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title));
  return out;
}

/** Whether a start is one the series' rule gives (acting on an occurrence names it by its rule start). */
export function ruleGives(rule: SeriesRule, originalStart: Date): boolean {
  const hits = expandRule(rule, originalStart, new Date(originalStart.getTime() + 1000), 1);
  return hits.length === 1 && hits[0]!.getTime() === originalStart.getTime();
}
