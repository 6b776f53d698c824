/** Enums and defaults of the relationship rhythm (meetings, cadence, tasks, playbooks, reminders). */
import type { Importance } from './partners.js';

export const DEFAULT_TIME_ZONE = 'Europe/Zurich';

/** Expected days between contacts, by importance, when a partner sets none of its own. */
export const DEFAULT_CONTACT_INTERVAL_DAYS: Record<Importance, number> = { strategic: 14, key: 30, standard: 90 };
/** Partners in these statuses are expected to keep the rhythm; paused and offboarded ones are not. */
export const CADENCE_STATUSES = ['onboarding', 'active'] as const;
/** Importance levels that are expected to hold a get-together every quarter. */
export const QUARTERLY_IMPORTANCE = ['strategic', 'key'] as const;

export const CADENCES = ['weekly', 'fortnightly', 'monthly', 'quarterly', 'custom'] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  fortnightly: 'Every two weeks',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  custom: 'Custom rule (RFC 5545)',
};

export const MEETING_PURPOSES = ['sync', 'quarterly', 'kickoff', 'other'] as const;
export type MeetingPurpose = (typeof MEETING_PURPOSES)[number];
export const MEETING_PURPOSE_LABELS: Record<MeetingPurpose, string> = {
  sync: 'Sync meeting',
  quarterly: 'Quarterly get-together',
  kickoff: 'Kickoff',
  other: 'Other meeting',
};

export const OCCURRENCE_STATUSES = ['planned', 'held', 'skipped'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

export const TOPIC_KINDS = ['topic', 'decision'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
/** What a task hangs off. Later features add deals, funds, certifications … */
export const TASK_SUBJECTS = ['partner', 'contact', 'meeting', 'onboarding', 'risk_assessment', 'contract', 'opportunity'] as const;
export type TaskSubject = (typeof TASK_SUBJECTS)[number];
/** `next_step`: an opportunity's next step, kept in sync by the opportunities feature. */
export const TASK_SOURCES = ['manual', 'action_item', 'playbook', 'next_step'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

export const ONBOARDING_STATUSES = ['in_progress', 'completed', 'cancelled'] as const;
export type OnboardingStatus = (typeof ONBOARDING_STATUSES)[number];

export const NOTIFICATION_KINDS = [
  'task_due',
  'task_overdue',
  'task_assigned',
  'cadence_overdue',
  'meeting_upcoming',
  'onboarding_step_due',
  'digest',
  'team_digest',
  'certification_expiring',
  'level_at_risk',
  'level_review',
  'risk_review_due',
  'contract_notice',
  'registration_protection',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'outbox'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const CALENDAR_FEED_SCOPES = ['user', 'partner'] as const;
export type CalendarFeedScope = (typeof CALENDAR_FEED_SCOPES)[number];
