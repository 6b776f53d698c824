import ical, { ICalEventStatus, ICalEventTransparency, type ICalCalendar } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { and, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { meetingOccurrence, meetingOccurrenceUser, meetingSeries, meetingSeriesUser, partner } from '../../db/schema/index.js';
import { MEETING_PURPOSES, type MeetingPurpose } from '../../../shared/rhythm.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { tFor } from '../../i18n.js';
import { parseRrule } from '../../../shared/schemas/meeting.js';
import { localOf } from '../meetings/index.js';
import { parseLocal, toLocalParts, zonedToUtc, type LocalParts } from '../meetings/index.js';
import { calendarSources, type FeedScope } from './calendar.sources.js';
import '../sources.js';

const PROD_ID = { company: 'Partnerhub', product: 'Partnerhub', language: 'EN' };
/** One-off meetings further back than this are left out of feeds; calendars keep what they had. */
const ONE_OFF_HISTORY_DAYS = 400;

export interface FeedInput {
  scope: string;
  userId: string;
  partnerId: string | null;
}
export interface RenderOptions {
  /** Absolute base of links into the web app. */
  baseUrl?: string;
  name?: string;
  /** The reader's language (the requester's, or a feed's owner's); English by default. */
  locale?: Locale;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const icsLocal = (p: LocalParts) => `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
/**
 * An instant that ical-generator writes as wall-clock time in the event's TZID. A plain Date would be
 * read in the process' zone; ical-generator recognises the shape of @date-fns/tz's TZDate (`internal`,
 * `withTimeZone`, `tzComponents`) and reads the local getters of what `withTimeZone` returns, which
 * here come from the cached Intl formatter of meetings.time.ts. Through dayjs' tz() instead, the
 * conversions took three quarters of a 1,000-event feed (profiled: 3.6 of 5.5 s over 15 renders).
 */
class Zoned extends Date {
  readonly internal: Date;
  constructor(instant: Date) {
    super(instant.getTime());
    this.internal = instant;
  }
  withTimeZone(timeZone?: string | null): Zoned {
    if (!timeZone) return this;
    const p = toLocalParts(this.internal, timeZone);
    // Own methods shadow Date's: the "local" reading is the zone's wall clock, whatever the process' zone.
    return Object.assign(new Zoned(this.internal), {
      getFullYear: () => p.year,
      getMonth: () => p.month - 1,
      getDate: () => p.day,
      getHours: () => p.hour,
      getMinutes: () => p.minute,
      getSeconds: () => p.second,
    });
  }
  tzComponents(): LocalParts {
    return toLocalParts(this.internal, 'UTC');
  }
}
const at = (d: Date) => new Zoned(d);

function newCalendar(name: string): ICalCalendar {
  const cal = ical({ prodId: PROD_ID, name });
  // One VTIMEZONE per zone the events use (Europe/Zurich for most), so every client reads TZID alike.
  cal.timezone({ name: null as unknown as string, generator: (tz) => getVtimezoneComponent(tz) });
  return cal;
}

/**
 * RFC 5545: with a DTSTART in a zone, UNTIL must be UTC. Stored rules may carry a date or a local
 * time (the recurrence engine reads them on the local clock); give clients the UTC instant.
 */
function ruleForFeed(rrule: string, tz: string): string {
  const parts = parseRrule(rrule);
  const until = parts.get('UNTIL');
  if (!until || until.endsWith('Z')) return rrule;
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?$/.exec(until)!;
  const local = m[4] ? { hour: +m[4], minute: +m[5]!, second: +m[6]! } : { hour: 23, minute: 59, second: 59 };
  const instant = zonedToUtc({ year: +m[1]!, month: +m[2]!, day: +m[3]!, ...local }, tz);
  parts.set('UNTIL', icsLocal(toLocalParts(instant, 'UTC')) + 'Z');
  return [...parts].map(([k, v]) => `${k}=${v}`).join(';');
}

type T = ReturnType<typeof tFor>;
const purposeOf = (t: T, purpose: string) => ((MEETING_PURPOSES as readonly string[]).includes(purpose) ? t(`ics:purpose.${purpose as MeetingPurpose}`) : t('ics:meeting'));
const describe = (t: T, partnerName: string, purpose: string, extra: (string | null | undefined)[], link: string | null) =>
  [t('ics:purposeWith', { purpose: purposeOf(t, purpose), partner: partnerName }), ...extra.filter(Boolean), link].filter(Boolean).join('\n\n');

/** Adds the meetings of a scope (series as RRULE with their exceptions, and one-offs) to a calendar. */
async function addMeetings(db: DbOrTx, cal: ICalCalendar, scope: FeedScope, now: Date, baseUrl: string, t: T) {
  const seriesScope: SQL =
    scope.kind === 'partner'
      ? eq(meetingSeries.partnerId, scope.partnerId)
      : or(
          eq(partner.ownerId, scope.userId),
          sql`exists (select 1 from ${meetingSeriesUser} where ${meetingSeriesUser.seriesId} = ${meetingSeries.id} and ${meetingSeriesUser.userId} = ${scope.userId})`,
        )!;
  const series = await db
    .select({ s: meetingSeries, partnerName: partner.name })
    .from(meetingSeries)
    .innerJoin(partner, eq(partner.id, meetingSeries.partnerId))
    .where(and(isNull(meetingSeries.archivedAt), isNull(partner.archivedAt), seriesScope));
  const exceptions = series.length
    ? await db
        .select()
        .from(meetingOccurrence)
        .where(
          inArray(
            meetingOccurrence.seriesId,
            series.map((r) => r.s.id),
          ),
        )
    : [];
  const bySeries = new Map<string, typeof exceptions>();
  for (const o of exceptions) bySeries.set(o.seriesId!, [...(bySeries.get(o.seriesId!) ?? []), o]);

  for (const { s, partnerName } of series) {
    const uid = `series-${s.id}@partnerhub`;
    const start = zonedToUtc(parseLocal(localOf(s.startLocal)), s.timeZone);
    const link = `${baseUrl}/partners/${s.partnerId}/meetings`;
    const rows = bySeries.get(s.id) ?? [];
    const exdates = rows.filter((o) => o.status === 'skipped').map((o) => icsLocal(toLocalParts(o.originalStart!, s.timeZone)));
    const rule = [`RRULE:${ruleForFeed(s.rrule, s.timeZone)}`, ...(exdates.length ? [`EXDATE;TZID=${s.timeZone}:${exdates.join(',')}`] : [])].join('\n');
    cal.createEvent({
      id: uid,
      start: at(start),
      end: at(new Date(start.getTime() + s.durationMinutes * 60_000)),
      timezone: s.timeZone,
      repeating: rule,
      summary: `${s.title} · ${partnerName}`,
      location: s.location ?? undefined,
      description: describe(t, partnerName, s.purpose, [s.agendaTemplate], link),
      url: link,
      stamp: s.updatedAt,
      sequence: s.version,
    });
    // A moved meeting is its own VEVENT with the series' UID and the rule's start as RECURRENCE-ID.
    for (const o of rows) {
      if (o.status === 'skipped' || o.startsAt.getTime() === o.originalStart!.getTime()) continue;
      cal.createEvent({
        id: uid,
        recurrenceId: at(o.originalStart!),
        start: at(o.startsAt),
        end: at(o.endsAt),
        timezone: s.timeZone,
        summary: `${s.title} · ${partnerName}`,
        location: o.location ?? s.location ?? undefined,
        description: describe(t, partnerName, s.purpose, [o.notes], link),
        url: link,
        stamp: o.updatedAt,
        sequence: o.version,
      });
    }
  }

  const oneOffScope: SQL =
    scope.kind === 'partner'
      ? eq(meetingOccurrence.partnerId, scope.partnerId)
      : or(
          eq(partner.ownerId, scope.userId),
          sql`exists (select 1 from ${meetingOccurrenceUser} where ${meetingOccurrenceUser.occurrenceId} = ${meetingOccurrence.id} and ${meetingOccurrenceUser.userId} = ${scope.userId})`,
        )!;
  const oneOffs = await db
    .select({ o: meetingOccurrence, partnerName: partner.name })
    .from(meetingOccurrence)
    .innerJoin(partner, eq(partner.id, meetingOccurrence.partnerId))
    .where(
      and(
        isNull(meetingOccurrence.seriesId),
        isNull(partner.archivedAt),
        gte(meetingOccurrence.startsAt, new Date(now.getTime() - ONE_OFF_HISTORY_DAYS * 86_400_000)),
        oneOffScope,
      ),
    );
  for (const { o, partnerName } of oneOffs) addOneOff(cal, t, o, partnerName, baseUrl);
}

type OccurrenceRow = typeof meetingOccurrence.$inferSelect;

function addOneOff(cal: ICalCalendar, t: T, o: OccurrenceRow, partnerName: string, baseUrl: string, title?: string, purpose?: string) {
  const link = `${baseUrl}/partners/${o.partnerId}/meetings`;
  const name = title ?? o.title ?? t('ics:meeting');
  cal.createEvent({
    id: `meeting-${o.id}@partnerhub`,
    start: at(o.startsAt),
    end: at(o.endsAt),
    timezone: o.timeZone,
    summary: `${name} · ${partnerName}`,
    location: o.location ?? undefined,
    description: describe(t, partnerName, purpose ?? o.purpose ?? 'other', [o.notes], link),
    url: link,
    status: o.status === 'skipped' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    stamp: o.updatedAt,
    sequence: o.version,
  });
}

/**
 * The iCalendar text of a feed: its meetings and every dated deadline of the registered sources.
 * Exported apart from the route so the feed can be benchmarked without HTTP.
 */
export async function renderFeed(db: DbOrTx, feed: FeedInput, now: Date, opts: RenderOptions = {}): Promise<string> {
  const baseUrl = opts.baseUrl ?? '';
  const scope: FeedScope = feed.scope === 'partner' ? { kind: 'partner', partnerId: feed.partnerId! } : { kind: 'user', userId: feed.userId };
  const locale = opts.locale ?? 'en';
  const cal = newCalendar(opts.name ?? 'Partnerhub');
  await addMeetings(db, cal, scope, now, baseUrl, tFor(locale));
  const deadlines = await Promise.all(calendarSources.map((s) => s.deadlines(db, scope, now, locale)));
  for (const d of deadlines.flat()) {
    // All-day dates carry no zone: a plain UTC-midnight Date formats as the date itself, and is far
    // cheaper than a dayjs object for the thousand deadlines a busy feed holds.
    const day = new Date(`${d.date}T00:00:00Z`);
    cal.createEvent({
      id: d.uid,
      start: day,
      end: new Date(day.getTime() + 86_400_000),
      allDay: true,
      summary: d.title,
      description: [d.description, d.path ? `${baseUrl}${d.path}` : null].filter(Boolean).join('\n\n') || undefined,
      url: d.path ? `${baseUrl}${d.path}` : undefined,
      stamp: now,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return cal.toString();
}

/** A single meeting as an .ics file, to import into any calendar. */
export async function renderMeeting(db: DbOrTx, occurrenceId: string, opts: RenderOptions = {}): Promise<string | null> {
  const [row] = await db
    .select({ o: meetingOccurrence, partnerName: partner.name, title: meetingSeries.title, purpose: meetingSeries.purpose, location: meetingSeries.location })
    .from(meetingOccurrence)
    .innerJoin(partner, eq(partner.id, meetingOccurrence.partnerId))
    .leftJoin(meetingSeries, eq(meetingSeries.id, meetingOccurrence.seriesId))
    .where(eq(meetingOccurrence.id, occurrenceId));
  if (!row) return null;
  const t = tFor(opts.locale ?? 'en');
  const cal = newCalendar(row.title ?? row.o.title ?? t('ics:meeting'));
  addOneOff(cal, t, { ...row.o, location: row.o.location ?? row.location }, row.partnerName, opts.baseUrl ?? '', row.title ?? undefined, row.purpose ?? undefined);
  return cal.toString();
}
