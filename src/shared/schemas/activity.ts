import { z } from 'zod';
import { csvList, listQuery, pageOf } from '../list.js';
import { ACTIVITY_KINDS } from '../partners.js';
import { TEXT_MAX, version } from './common.js';

export const SUMMARY_MAX = 2_000;
/** People and contacts one timeline entry may name. */
export const PARTICIPANTS_MAX = 50;

export const activityKind = z.enum(ACTIVITY_KINDS);
const dateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, such as 2026-03-01T14:00:00Z' });
const summary = z.string().trim().min(1, 'is required').max(SUMMARY_MAX, `must be at most ${SUMMARY_MAX} characters`);
const outcome = z.string().trim().max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`).nullable();
const dedupe = <T>(v: T[]) => [...new Set(v)];
const userIds = z.array(z.string().min(1).max(64)).max(PARTICIPANTS_MAX).transform(dedupe);
const contactIds = z.array(z.uuid()).max(PARTICIPANTS_MAX).transform(dedupe);

export const createActivityBody = z
  .object({
    partnerId: z.uuid(),
    kind: activityKind,
    occurredAt: dateTime,
    summary,
    outcome: outcome.optional(),
    important: z.boolean().default(false),
    userIds: userIds.default([]),
    contactIds: contactIds.default([]),
  })
  .strict();
export type CreateActivityBody = z.input<typeof createActivityBody>;

/** An entry stays with its partner; moving history between partners is what merging does. */
export const updateActivityBody = z
  .object({
    kind: activityKind.optional(),
    occurredAt: dateTime.optional(),
    summary: summary.optional(),
    outcome: outcome.optional(),
    important: z.boolean().optional(),
    userIds: userIds.optional(),
    contactIds: contactIds.optional(),
    version,
  })
  .strict();
export type UpdateActivityBody = z.input<typeof updateActivityBody>;

const ref = z.object({ id: z.string(), name: z.string() });

export const activitySchema = z.object({
  id: z.string(),
  partner: ref,
  kind: activityKind,
  occurredAt: z.string(),
  summary: z.string(),
  outcome: z.string().nullable(),
  important: z.boolean(),
  /** Our people who took part. */
  users: z.array(ref),
  /** The partner's contacts who took part. */
  contacts: z.array(ref),
  createdBy: ref.nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Activity = z.infer<typeof activitySchema>;

export const listActivitiesQuery = listQuery(
  ['occurredAt'] as const,
  {
    partnerId: z.uuid().optional(),
    kind: csvList(activityKind),
    important: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    contactId: z.uuid().optional(),
    userId: z.string().min(1).max(64).optional(),
    from: dateTime.optional(),
    to: dateTime.optional(),
    archived: z.enum(['false', 'true', 'all']).default('false'),
  },
  '-occurredAt',
);
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuery>;
export const activityPage = pageOf(activitySchema);
