import { z } from 'zod';
import { CADENCES, DEFAULT_TIME_ZONE, MEETING_PURPOSES, OCCURRENCE_STATUSES, TASK_STATUSES, TOPIC_KINDS, type Cadence } from '../rhythm.js';
import { NAME_MAX, TEXT_MAX, version } from './common.js';
import { PARTICIPANTS_MAX } from './activity.js';

/** The rule each named cadence stands for; `custom` takes the user's own RFC 5545 RRULE. */
export const CADENCE_RRULE: Record<Exclude<Cadence, 'custom'>, string> = {
  weekly: 'FREQ=WEEKLY',
  fortnightly: 'FREQ=WEEKLY;INTERVAL=2',
  monthly: 'FREQ=MONTHLY',
  quarterly: 'FREQ=MONTHLY;INTERVAL=3',
};

const FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY_NAMES: Record<string, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
/** Numeric BY* parts and their allowed range (negative counts from the end, 0 never allowed where signed). */
const NUMERIC_PARTS: Record<string, { min: number; max: number; signed: boolean }> = {
  BYSECOND: { min: 0, max: 60, signed: false },
  BYMINUTE: { min: 0, max: 59, signed: false },
  BYHOUR: { min: 0, max: 23, signed: false },
  BYMONTHDAY: { min: 1, max: 31, signed: true },
  BYYEARDAY: { min: 1, max: 366, signed: true },
  BYWEEKNO: { min: 1, max: 53, signed: true },
  BYMONTH: { min: 1, max: 12, signed: false },
  BYSETPOS: { min: 1, max: 366, signed: true },
};
const KNOWN_PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'WKST', ...Object.keys(NUMERIC_PARTS)]);
/** A series runs at most this many times by COUNT; longer ones are open-ended anyway. */
export const RRULE_COUNT_MAX = 1000;

export function parseRrule(rule: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const piece of rule.replace(/^RRULE:/i, '').split(';')) {
    const [k, v] = piece.split('=');
    parts.set((k ?? '').trim().toUpperCase(), (v ?? '').trim().toUpperCase());
  }
  return parts;
}

/**
 * Strict check of an RFC 5545 RRULE: known parts only, each once, values in range, FREQ required
 * (daily at the most: meetings do not recur by the hour), COUNT and UNTIL not both. Returns what is
 * wrong in words a user can act on, or null.
 */
export function checkRrule(rule: string): string | null {
  const pieces = rule.replace(/^RRULE:/i, '').split(';');
  const seen = new Set<string>();
  for (const piece of pieces) {
    const m = /^([A-Za-z]+)=(.+)$/.exec(piece.trim());
    if (!m) return `"${piece}" is not of the form NAME=value (parts are separated by ";")`;
    const name = m[1]!.toUpperCase();
    if (!KNOWN_PARTS.has(name)) return `${name} is not a recurrence rule part`;
    if (seen.has(name)) return `${name} is given twice`;
    seen.add(name);
  }
  const p = parseRrule(rule);
  const freq = p.get('FREQ');
  if (!freq) return 'FREQ is required, e.g. FREQ=WEEKLY';
  if (!(FREQS as readonly string[]).includes(freq)) return `FREQ must be one of ${FREQS.join(', ')}`;
  if (p.has('COUNT') && p.has('UNTIL')) return 'give either COUNT or UNTIL, not both';
  const int = (v: string) => (/^\d{1,4}$/.test(v) ? Number(v) : NaN);
  if (p.has('INTERVAL') && !(int(p.get('INTERVAL')!) >= 1 && int(p.get('INTERVAL')!) <= 100)) return 'INTERVAL must be a whole number from 1 to 100';
  if (p.has('COUNT') && !(int(p.get('COUNT')!) >= 1 && int(p.get('COUNT')!) <= RRULE_COUNT_MAX)) return `COUNT must be a whole number from 1 to ${RRULE_COUNT_MAX}`;
  if (p.has('UNTIL')) {
    const u = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(p.get('UNTIL')!);
    const d = u ? new Date(Date.UTC(+u[1]!, +u[2]! - 1, +u[3]!, +(u[4] ?? 0), +(u[5] ?? 0), +(u[6] ?? 0))) : null;
    if (!u || !d || d.getUTCDate() !== +u[3]! || d.getUTCMonth() !== +u[2]! - 1 || +(u[4] ?? 0) > 23 || +(u[5] ?? 0) > 59)
      return 'UNTIL must be a date such as 20261231 or 20261231T235959Z';
  }
  if (p.has('WKST') && !(DAYS as readonly string[]).includes(p.get('WKST')!)) return `WKST must be one of ${DAYS.join(', ')}`;
  if (p.has('BYDAY')) {
    for (const d of p.get('BYDAY')!.split(',')) {
      const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
      if (!m) return `BYDAY value "${d}" is not a weekday such as MO or 1MO`;
      if (m[1]) {
        const n = Math.abs(Number(m[1]));
        if (freq !== 'MONTHLY' && freq !== 'YEARLY') return 'BYDAY with a number (like 1MO) needs FREQ=MONTHLY or FREQ=YEARLY';
        if (n < 1 || n > (freq === 'MONTHLY' ? 5 : 53)) return `BYDAY value "${d}" is out of range`;
      }
    }
  }
  for (const [name, range] of Object.entries(NUMERIC_PARTS)) {
    const v = p.get(name);
    if (v === undefined) continue;
    for (const item of v.split(',')) {
      if (!(range.signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/).test(item)) return `${name} value "${item}" is not a whole number`;
      const n = Math.abs(Number(item));
      if (n < range.min || n > range.max) return `${name} value "${item}" must be from ${range.signed ? `±${range.min}` : range.min} to ${range.max}`;
    }
  }
  if (p.has('BYWEEKNO') && freq !== 'YEARLY') return 'BYWEEKNO needs FREQ=YEARLY';
  if (p.has('BYYEARDAY') && (freq === 'DAILY' || freq === 'WEEKLY' || freq === 'MONTHLY')) return 'BYYEARDAY needs FREQ=YEARLY';
  if (p.has('BYMONTHDAY') && freq === 'WEEKLY') return 'BYMONTHDAY cannot be used with FREQ=WEEKLY';
  return null;
}

const ORDINAL = (n: number) => (n === -1 ? 'last' : n < 0 ? `${-n}. last` : `${n}.`);
const UNIT: Record<string, [string, string]> = { DAILY: ['day', 'days'], WEEKLY: ['week', 'weeks'], MONTHLY: ['month', 'months'], YEARLY: ['year', 'years'] };

/** A rule in words for people, e.g. "Every 2 weeks on Tuesday at 10:00 (Europe/Zurich)". */
export function describeRule(rule: string, startLocal: string, timeZone: string): string {
  const p = parseRrule(rule);
  const freq = p.get('FREQ') ?? 'WEEKLY';
  const interval = Number(p.get('INTERVAL') ?? '1');
  const [one, many] = UNIT[freq] ?? ['time', 'times'];
  const every =
    interval === 1
      ? `Every ${one}`
      : interval === 2 && freq === 'WEEKLY'
        ? 'Every two weeks'
        : interval === 3 && freq === 'MONTHLY'
          ? 'Every three months (quarterly)'
          : `Every ${interval} ${many}`;
  const start = new Date(`${startLocal.slice(0, 16)}:00Z`);
  const weekday = DAY_NAMES[DAYS[(start.getUTCDay() + 6) % 7]!]!;
  let on = '';
  if (p.has('BYDAY')) {
    on = ` on ${p
      .get('BYDAY')!
      .split(',')
      .map((d) => {
        const m = /^([+-]?\d+)?(\w\w)$/.exec(d);
        return m?.[1] ? `the ${ORDINAL(Number(m[1]))} ${DAY_NAMES[m[2]!]}` : DAY_NAMES[m?.[2] ?? ''];
      })
      .join(', ')}`;
  } else if (p.has('BYMONTHDAY')) on = ` on day ${p.get('BYMONTHDAY')!.split(',').join(', ')}`;
  else if (freq === 'WEEKLY') on = ` on ${weekday}`;
  else if (freq === 'MONTHLY') on = ` on day ${start.getUTCDate()}`;
  else if (freq === 'YEARLY') on = ` on ${start.getUTCDate()}.${start.getUTCMonth() + 1}.`;
  const count = p.has('COUNT') ? `, ${p.get('COUNT')} times` : '';
  const until = p.has('UNTIL') ? `, until ${p.get('UNTIL')!.replace(/^(\d{4})(\d{2})(\d{2}).*/, '$3.$2.$1')}` : '';
  return `${every}${on} at ${startLocal.slice(11, 16)} (${timeZone})${count}${until}`;
}

export const TOPICS_MAX = 100;
export const ACTION_ITEMS_MAX = 50;

const dedupe = <T>(v: T[]) => [...new Set(v)];
const userIds = z.array(z.string().min(1).max(64)).max(PARTICIPANTS_MAX).transform(dedupe);
const contactIds = z.array(z.uuid()).max(PARTICIPANTS_MAX).transform(dedupe);
const title = z.string().trim().min(1, 'is required').max(NAME_MAX, `must be at most ${NAME_MAX} characters`);
const longText = z.string().trim().max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`);
const dateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, such as 2026-03-05T09:00:00Z' });
const isoDate = z.iso.date({ error: 'must be a date such as 2026-03-05' });

/** The wall-clock start of the first meeting, in the series' zone: 2026-03-05T10:00. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local date and time such as 2026-03-05T10:00')
  .refine((v) => {
    const d = new Date(`${v}:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 16) === v;
  }, 'is not a real date and time');

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}
export const timeZone = z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/Zurich');

const rrule = z
  .string()
  .trim()
  .max(500)
  .transform((v) => v.replace(/^RRULE:/i, '').toUpperCase())
  .superRefine((v, ctx) => {
    const problem = checkRrule(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const seriesFields = {
  title,
  purpose: z.enum(MEETING_PURPOSES),
  cadence: z.enum(CADENCES),
  rrule: rrule.nullable(),
  startLocal: localDateTime,
  timeZone,
  durationMinutes: z.number().int().min(5, 'must be at least 5 minutes').max(1440, 'must be at most a day (1440 minutes)'),
  location: longText.max(NAME_MAX).nullable(),
  agendaTemplate: longText.nullable(),
  userIds,
  contactIds,
};

/** A rule of one's own goes with cadence `custom` only; the named cadences stand for their rule. */
function ruleMatchesCadence(v: { cadence?: Cadence; rrule?: string | null }, ctx: z.RefinementCtx, creating: boolean) {
  if (v.cadence === 'custom' && !v.rrule && (creating || v.rrule === null)) {
    ctx.addIssue({ code: 'custom', path: ['rrule'], message: 'is required for a custom cadence, e.g. FREQ=WEEKLY;BYDAY=TU' });
  }
  if (v.cadence && v.cadence !== 'custom' && v.rrule) {
    ctx.addIssue({ code: 'custom', path: ['rrule'], message: 'choose the custom cadence to give a rule of your own' });
  }
}

export const createSeriesBody = z
  .object({
    ...seriesFields,
    purpose: seriesFields.purpose.default('sync'),
    rrule: seriesFields.rrule.optional(),
    timeZone: timeZone.default(DEFAULT_TIME_ZONE),
    durationMinutes: seriesFields.durationMinutes.default(60),
    location: seriesFields.location.optional(),
    agendaTemplate: seriesFields.agendaTemplate.optional(),
    userIds: userIds.default([]),
    contactIds: contactIds.default([]),
  })
  .strict()
  .superRefine((v, ctx) => ruleMatchesCadence(v, ctx, true));
export type CreateSeriesBody = z.input<typeof createSeriesBody>;

export const updateSeriesBody = z
  .object({
    title: seriesFields.title.optional(),
    purpose: seriesFields.purpose.optional(),
    cadence: seriesFields.cadence.optional(),
    rrule: seriesFields.rrule.optional(),
    startLocal: seriesFields.startLocal.optional(),
    timeZone: seriesFields.timeZone.optional(),
    durationMinutes: seriesFields.durationMinutes.optional(),
    location: seriesFields.location.optional(),
    agendaTemplate: seriesFields.agendaTemplate.optional(),
    userIds: userIds.optional(),
    contactIds: contactIds.optional(),
    version,
  })
  .strict()
  .superRefine((v, ctx) => ruleMatchesCadence(v, ctx, false));
export type UpdateSeriesBody = z.input<typeof updateSeriesBody>;

const ref = z.object({ id: z.string(), name: z.string() });

export const seriesSchema = z.object({
  id: z.string(),
  partner: ref,
  title: z.string(),
  purpose: z.enum(MEETING_PURPOSES),
  cadence: z.enum(CADENCES),
  rrule: z.string(),
  /** The cadence in words, e.g. "Every month on day 5 at 10:00 (Europe/Zurich)". */
  description: z.string(),
  startLocal: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  location: z.string().nullable(),
  agendaTemplate: z.string().nullable(),
  users: z.array(ref),
  contacts: z.array(ref),
  /** The next few starts from now (skipped ones left out, moved ones at their new time). */
  next: z.array(z.string()),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type MeetingSeries = z.infer<typeof seriesSchema>;

export const meetingSchema = z.object({
  /** Null for an occurrence of a series that has never been moved, skipped or minuted. */
  id: z.string().nullable(),
  seriesId: z.string().nullable(),
  partner: ref,
  title: z.string(),
  purpose: z.enum(MEETING_PURPOSES),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The start the series' rule gives; name the occurrence by it to move or skip it. */
  originalStart: z.string().nullable(),
  timeZone: z.string(),
  status: z.enum(OCCURRENCE_STATUSES),
  location: z.string().nullable(),
  users: z.array(ref),
  contacts: z.array(ref),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const topicInput = z
  .object({
    kind: z.enum(TOPIC_KINDS).default('topic'),
    title,
    notes: longText.nullable().optional(),
    informTeam: z.boolean().default(false),
  })
  .strict();
export const actionItemInput = z
  .object({
    title,
    assigneeId: z.string().min(1).max(64).nullable().optional(),
    dueDate: isoDate.nullable().optional(),
  })
  .strict();

export const topicSchema = z.object({ id: z.string(), kind: z.enum(TOPIC_KINDS), title: z.string(), notes: z.string().nullable(), informTeam: z.boolean() });
export const actionItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  assignee: ref.nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
});

export const meetingDetailSchema = meetingSchema.extend({
  id: z.string(),
  notes: z.string().nullable(),
  agendaTemplate: z.string().nullable(),
  topics: z.array(topicSchema),
  actionItems: z.array(actionItemSchema),
  activityId: z.string().nullable(),
  version: z.number().int(),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

const endAfterStart = (v: { startsAt?: string; endsAt?: string }, ctx: z.RefinementCtx) => {
  if (v.startsAt && v.endsAt && new Date(v.endsAt) <= new Date(v.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
  }
};

export const createMeetingBody = z
  .object({
    title,
    purpose: z.enum(MEETING_PURPOSES).default('other'),
    startsAt: dateTime,
    endsAt: dateTime,
    timeZone: timeZone.default(DEFAULT_TIME_ZONE),
    location: seriesFields.location.optional(),
    userIds: userIds.default([]),
    contactIds: contactIds.default([]),
  })
  .strict()
  .superRefine(endAfterStart);
export type CreateMeetingBody = z.input<typeof createMeetingBody>;

/** Act on one occurrence of a series, named by the start its rule gives. */
export const occurrenceActionBody = z
  .object({
    originalStart: dateTime,
    action: z.enum(['open', 'move', 'skip', 'restore']),
    startsAt: dateTime.optional(),
    endsAt: dateTime.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.action === 'move' && !v.startsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'is required to move a meeting' });
    endAfterStart(v, ctx);
  });
export type OccurrenceActionBody = z.input<typeof occurrenceActionBody>;

/**
 * Changes to one meeting. Giving notes, topics or action items records the minutes: the meeting is
 * then held, its timeline entry written; topics replace the earlier ones, action items become new tasks.
 */
export const updateMeetingBody = z
  .object({
    title: title.optional(),
    purpose: z.enum(MEETING_PURPOSES).optional(),
    startsAt: dateTime.optional(),
    endsAt: dateTime.optional(),
    location: seriesFields.location.optional(),
    status: z.enum(['planned', 'skipped']).optional(),
    userIds: userIds.optional(),
    contactIds: contactIds.optional(),
    notes: longText.nullable().optional(),
    topics: z.array(topicInput).max(TOPICS_MAX).optional(),
    actionItems: z.array(actionItemInput).max(ACTION_ITEMS_MAX).optional(),
    version,
  })
  .strict()
  .superRefine(endAfterStart);
export type UpdateMeetingBody = z.input<typeof updateMeetingBody>;

export const meetingsQuery = z.object({
  from: dateTime,
  to: dateTime,
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  includeSkipped: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const meetingList = z.object({ items: z.array(meetingSchema) });

export const quarterQuery = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, 'must be a quarter such as 2026-Q4')
    .optional(),
});
export const quarterlyReport = z.object({
  quarter: z.string(),
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      partner: ref.extend({ importance: z.string(), status: z.string() }),
      /** Held or planned meetings of purpose `quarterly` in the quarter. */
      meetings: z.array(z.object({ id: z.string().nullable(), seriesId: z.string().nullable(), startsAt: z.string(), status: z.enum(OCCURRENCE_STATUSES) })),
      covered: z.boolean(),
    }),
  ),
});
export type QuarterlyReport = z.infer<typeof quarterlyReport>;
