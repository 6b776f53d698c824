import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { contact, partner } from './partners.js';
import { id, stamps, ts } from './columns.js';

/**
 * A recurring meeting with a partner. The rule is kept as an RFC 5545 RRULE on the local wall-clock
 * start (`start_local` in `time_zone`), so 10:00 stays 10:00 across daylight-saving changes.
 * Occurrences are expanded on read; only those that differ (moved, skipped, minuted) get a row.
 */
export const meetingSeries = pgTable(
  'meeting_series',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    purpose: text('purpose').notNull().default('sync'),
    cadence: text('cadence').notNull(),
    rrule: text('rrule').notNull(),
    /** Wall-clock start of the first occurrence, e.g. 2026-03-05T10:00 (no zone: see time_zone). */
    startLocal: timestamp('start_local', { withTimezone: false, mode: 'string' }).notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Zurich'),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    location: text('location'),
    agendaTemplate: text('agenda_template'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    archivedAt: ts('archived_at'),
    ...stamps,
  },
  (t) => [index('meeting_series_partner_idx').on(t.partnerId), check('meeting_series_duration', sql`${t.durationMinutes} between 5 and 1440`)],
);

export const meetingSeriesUser = pgTable(
  'meeting_series_user',
  {
    seriesId: uuid('series_id')
      .notNull()
      .references(() => meetingSeries.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.userId] }), index('meeting_series_user_user_idx').on(t.userId)],
);

export const meetingSeriesContact = pgTable(
  'meeting_series_contact',
  {
    seriesId: uuid('series_id')
      .notNull()
      .references(() => meetingSeries.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contact.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.contactId] }), index('meeting_series_contact_contact_idx').on(t.contactId)],
);

/**
 * One meeting. For a series, `original_start` is the start the rule gives (the RFC 5545 RECURRENCE-ID);
 * `starts_at` differs when the occurrence was moved. A one-off meeting has no series.
 */
export const meetingOccurrence = pgTable(
  'meeting_occurrence',
  {
    id: id(),
    seriesId: uuid('series_id').references(() => meetingSeries.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    /** Title and purpose of a one-off meeting; a series' occurrences take the series'. */
    title: text('title'),
    purpose: text('purpose'),
    originalStart: ts('original_start'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Zurich'),
    location: text('location'),
    status: text('status').notNull().default('planned'),
    /** Free-form minutes beside the structured topics. */
    notes: text('notes'),
    /** The timeline entry written when the minutes were recorded (the meeting resets the contact cadence). */
    activityId: uuid('activity_id'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    ...stamps,
  },
  (t) => [
    uniqueIndex('meeting_occurrence_series_uq').on(t.seriesId, t.originalStart),
    index('meeting_occurrence_partner_time_idx').on(t.partnerId, t.startsAt),
    index('meeting_occurrence_time_idx').on(t.startsAt),
    check('meeting_occurrence_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('meeting_occurrence_series_has_original', sql`(${t.seriesId} is null) = (${t.originalStart} is null)`),
  ],
);

/** Attendees of a one-off meeting (a series' occurrences take the series' attendees). */
export const meetingOccurrenceUser = pgTable(
  'meeting_occurrence_user',
  {
    occurrenceId: uuid('occurrence_id')
      .notNull()
      .references(() => meetingOccurrence.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.occurrenceId, t.userId] }), index('meeting_occurrence_user_user_idx').on(t.userId)],
);

export const meetingOccurrenceContact = pgTable(
  'meeting_occurrence_contact',
  {
    occurrenceId: uuid('occurrence_id')
      .notNull()
      .references(() => meetingOccurrence.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contact.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.occurrenceId, t.contactId] }), index('meeting_occurrence_contact_contact_idx').on(t.contactId)],
);

/** Minutes: topics and decisions; a topic marked "inform the team" goes into the team digest. */
export const meetingTopic = pgTable(
  'meeting_topic',
  {
    id: id(),
    occurrenceId: uuid('occurrence_id')
      .notNull()
      .references(() => meetingOccurrence.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('topic'),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    notes: text('notes'),
    informTeam: boolean('inform_team').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('meeting_topic_occurrence_idx').on(t.occurrenceId, t.position),
    index('meeting_topic_inform_idx')
      .on(t.createdAt)
      .where(sql`${t.informTeam}`),
  ],
);

export const playbook = pgTable(
  'playbook',
  {
    id: id(),
    name: text('name').notNull(),
    partnerType: text('partner_type').notNull(),
    description: text('description'),
    archivedAt: ts('archived_at'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('playbook_name_uq')
      .on(sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    index('playbook_type_idx').on(t.partnerType),
  ],
);

export const playbookStep = pgTable(
  'playbook_step',
  {
    id: id(),
    playbookId: uuid('playbook_id')
      .notNull()
      .references(() => playbook.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** Our team role on the partner that owns the step (owner, sales, marketing, technical_lead, executive_sponsor). */
    ownerRole: text('owner_role').notNull().default('owner'),
    /** Due this many days after the onboarding starts. */
    dueAfterDays: integer('due_after_days').notNull().default(0),
  },
  (t) => [index('playbook_step_playbook_idx').on(t.playbookId, t.position), check('playbook_step_due_after', sql`${t.dueAfterDays} between 0 and 730`)],
);

export const onboarding = pgTable(
  'onboarding',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    playbookId: uuid('playbook_id').references(() => playbook.id, { onDelete: 'set null' }),
    /** The playbook's name when started; the playbook may change or go later. */
    playbookName: text('playbook_name').notNull(),
    status: text('status').notNull().default('in_progress'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    startedBy: text('started_by').references(() => user.id, { onDelete: 'set null' }),
    completedAt: ts('completed_at'),
    /** Days from start to completion, kept when it completes. */
    durationDays: integer('duration_days'),
    /** Set when someone made the partner active before every step was done. */
    overrideBy: text('override_by').references(() => user.id, { onDelete: 'set null' }),
    overrideReason: text('override_reason'),
    ...stamps,
  },
  (t) => [
    // One onboarding in progress per partner.
    uniqueIndex('onboarding_one_open_uq')
      .on(t.partnerId)
      .where(sql`${t.status} = 'in_progress'`),
    index('onboarding_status_idx').on(t.status),
  ],
);

export const task = pgTable(
  'task',
  {
    id: id(),
    title: text('title').notNull(),
    description: text('description'),
    /** What the task hangs off (see TASK_SUBJECTS) and that record's id. */
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
    /** The partner the task belongs to, whatever the subject: the partner's tasks tab reads it. */
    partnerId: uuid('partner_id').references(() => partner.id, { onDelete: 'cascade' }),
    assigneeId: text('assignee_id').references(() => user.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    priority: text('priority').notNull().default('normal'),
    status: text('status').notNull().default('open'),
    source: text('source').notNull().default('manual'),
    /** For action items: the meeting; for playbook steps: the onboarding and the step's position. */
    meetingOccurrenceId: uuid('meeting_occurrence_id').references(() => meetingOccurrence.id, { onDelete: 'set null' }),
    onboardingId: uuid('onboarding_id').references(() => onboarding.id, { onDelete: 'cascade' }),
    stepPosition: integer('step_position'),
    ownerRole: text('owner_role'),
    completedAt: ts('completed_at'),
    completedBy: text('completed_by').references(() => user.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    ...stamps,
  },
  (t) => [
    index('task_assignee_open_idx')
      .on(t.assigneeId, t.dueDate)
      .where(sql`${t.status} in ('open','in_progress')`),
    index('task_partner_idx').on(t.partnerId, t.status),
    index('task_subject_idx').on(t.subjectType, t.subjectId),
    index('task_onboarding_idx').on(t.onboardingId),
    index('task_due_open_idx')
      .on(t.dueDate)
      .where(sql`${t.status} in ('open','in_progress')`),
  ],
);

export const taskComment = pgTable(
  'task_comment',
  {
    id: id(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => task.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('task_comment_task_idx').on(t.taskId, t.createdAt)],
);

/** The in-app inbox. `dedupe_key` makes a reminder job safe to re-run: the same reminder is never sent twice. */
export const notification = pgTable(
  'notification',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** A path inside the web app, e.g. /partners/…/tasks. */
    link: text('link'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [uniqueIndex('notification_dedupe_uq').on(t.userId, t.dedupeKey), index('notification_user_idx').on(t.userId, t.createdAt.desc())],
);

export const notificationPreference = pgTable('notification_preference', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  /** Reminders (task due, cadence overdue, meeting upcoming, onboarding step due) by e-mail as well as in the inbox. */
  emailReminders: boolean('email_reminders').notNull().default(true),
  digest: text('digest').notNull().default('weekly'),
  teamDigest: boolean('team_digest').notNull().default(true),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Every mail the app sends; without SMTP_URL it stays here (status `outbox`) for an admin to read. */
export const mailMessage = pgTable(
  'mail_message',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('mail_message_status_idx').on(t.status, t.createdAt), index('mail_message_created_idx').on(t.createdAt.desc())],
);

/**
 * One row per run of a scheduled job and slot (e.g. `reminders` / `2026-11-27T09:00`). The unique key,
 * taken under an advisory lock, makes a slot run once across all instances; a failed run is retried.
 * The instance running it refreshes `heartbeatAt` while it works: a running row whose heartbeat
 * stopped belongs to an instance that died, and another may take it over.
 */
export const jobRun = pgTable(
  'job_run',
  {
    id: id(),
    job: text('job').notNull(),
    slot: text('slot').notNull(),
    status: text('status').notNull().default('running'),
    attempts: integer('attempts').notNull().default(1),
    startedAt: ts('started_at').notNull().defaultNow(),
    /** Null on rows from before heartbeats: their start counts instead. */
    heartbeatAt: ts('heartbeat_at'),
    finishedAt: ts('finished_at'),
    lastError: text('last_error'),
    result: jsonb('result').$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex('job_run_slot_uq').on(t.job, t.slot), index('job_run_started_idx').on(t.startedAt.desc())],
);

/** Secret, revocable iCalendar feed URLs: only the SHA-256 hash of the secret is stored. */
export const calendarFeed = pgTable(
  'calendar_feed',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    partnerId: uuid('partner_id').references(() => partner.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('calendar_feed_user_idx').on(t.userId), check('calendar_feed_scope_partner', sql`(${t.scope} = 'partner') = (${t.partnerId} is not null)`)],
);
