import { inArray, sql } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../db/client.js';
import { contact, user, type meetingSeries } from '../../db/schema/index.js';
import type { Cadence, MeetingPurpose } from '../../../shared/rhythm.js';
import { describeRule, type Meeting, type MeetingSeries } from '../../../shared/schemas/meeting.js';
import type { ExpandedMeeting } from './meetings.expand.js';
import { formatLocal, parseLocal } from './meetings.time.js';

export interface Ref {
  id: string;
  name: string;
}
type SeriesRow = typeof meetingSeries.$inferSelect;

/** Names of the people and contacts a set of meetings or series names, in two queries. */
export async function namesOf(db: DbOrTx, userIds: Iterable<string>, contactIds: Iterable<string>) {
  const uIds = [...new Set(userIds)];
  const cIds = [...new Set(contactIds)];
  const [users, contacts] = await readTogether(
    db,
    () => (uIds.length ? db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, uIds)) : []),
    () =>
      cIds.length
        ? db
            .select({ id: contact.id, name: sql<string>`${contact.firstName} || ' ' || ${contact.lastName}` })
            .from(contact)
            .where(inArray(contact.id, cIds))
        : [],
  );
  const u = new Map(users.map((r) => [r.id, r.name]));
  const c = new Map(contacts.map((r) => [r.id, r.name]));
  const refs = (ids: string[], names: Map<string, string>): Ref[] =>
    ids
      .filter((id) => names.has(id))
      .map((id) => ({ id, name: names.get(id)! }))
      .sort((a, b) => a.name.localeCompare(b.name));
  return { users: (ids: string[]) => refs(ids, u), contacts: (ids: string[]) => refs(ids, c) };
}

export async function presentMeetings(db: DbOrTx, meetings: ExpandedMeeting[]): Promise<Meeting[]> {
  const names = await namesOf(
    db,
    meetings.flatMap((m) => m.userIds),
    meetings.flatMap((m) => m.contactIds),
  );
  return meetings.map((m) => ({
    id: m.occurrenceId,
    seriesId: m.seriesId,
    partner: { id: m.partnerId, name: m.partnerName },
    title: m.title,
    purpose: m.purpose,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    originalStart: m.originalStart?.toISOString() ?? null,
    timeZone: m.timeZone,
    status: m.status,
    location: m.location,
    users: names.users(m.userIds),
    contacts: names.contacts(m.contactIds),
  }));
}

/** 'YYYY-MM-DDTHH:mm' whatever shape the driver returns a timestamp without zone in. */
export const localOf = (startLocal: string) => formatLocal(parseLocal(startLocal));

export const presentSeries = (s: SeriesRow, x: { partner: Ref; users: Ref[]; contacts: Ref[]; next: Date[] }): MeetingSeries => ({
  id: s.id,
  partner: x.partner,
  title: s.title,
  purpose: s.purpose as MeetingPurpose,
  cadence: s.cadence as Cadence,
  rrule: s.rrule,
  description: describeRule(s.rrule, localOf(s.startLocal), s.timeZone),
  startLocal: localOf(s.startLocal),
  timeZone: s.timeZone,
  durationMinutes: s.durationMinutes,
  location: s.location,
  agendaTemplate: s.agendaTemplate,
  users: x.users,
  contacts: x.contacts,
  next: x.next.map((d) => d.toISOString()),
  archivedAt: s.archivedAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
  version: s.version,
});

/** What the audit trail keeps of a series; attendee lists sorted so reordering is no change. */
export const auditableSeries = (s: SeriesRow, userIds: string[], contactIds: string[]) => ({
  partnerId: s.partnerId,
  title: s.title,
  purpose: s.purpose,
  cadence: s.cadence,
  rrule: s.rrule,
  startLocal: localOf(s.startLocal),
  timeZone: s.timeZone,
  durationMinutes: s.durationMinutes,
  location: s.location,
  agendaTemplate: s.agendaTemplate,
  userIds: [...userIds].sort(),
  contactIds: [...contactIds].sort(),
  archivedAt: s.archivedAt?.toISOString() ?? null,
});
