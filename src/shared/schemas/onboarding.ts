import { z } from 'zod';
import { PARTNER_STATUSES, PARTNER_TYPES, TEAM_ROLES } from '../partners.js';
import { ONBOARDING_STATUSES, TASK_STATUSES } from '../rhythm.js';
import { version } from './common.js';

export const OVERRIDE_REASON_MAX = 2_000;

export const isoDate = z.iso.date('must be a date as YYYY-MM-DD');

export const startOnboardingBody = z
  .object({
    playbookId: z.uuid('must be the id of a playbook'),
    /** The day the onboarding starts; steps are due relative to it. Today (Europe/Zurich) when left out. */
    startedOn: isoDate.optional(),
  })
  .strict();
export type StartOnboardingBody = z.input<typeof startOnboardingBody>;

const reason = z.string().trim().min(1, 'is required').max(OVERRIDE_REASON_MAX, `must be at most ${OVERRIDE_REASON_MAX} characters`);

/** Makes the partner active before every step is done; open steps stay open as tasks. */
export const completeOnboardingBody = z.object({ reason, version }).strict();
export type CompleteOnboardingBody = z.input<typeof completeOnboardingBody>;

/** Stops an onboarding; its open steps are cancelled. */
export const cancelOnboardingBody = z.object({ reason: reason.optional(), version }).strict();
export type CancelOnboardingBody = z.input<typeof cancelOnboardingBody>;

export const onboardingStatus = z.enum(ONBOARDING_STATUSES);
const ref = z.object({ id: z.string(), name: z.string() });

/** A step of a started onboarding is a task: completing the task completes the step. */
export const onboardingStepSchema = z.object({
  taskId: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  ownerRole: z.enum(TEAM_ROLES).nullable(),
  assignee: ref.nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  completedAt: z.string().nullable(),
  /** Open and due before today (Europe/Zurich). */
  overdue: z.boolean(),
  /** The task's version, for changing it through /api/tasks. */
  version: z.number().int(),
});
export type OnboardingStep = z.infer<typeof onboardingStepSchema>;

export const onboardingProgress = z.object({
  /** Steps done. */
  done: z.number().int(),
  /** Steps that need doing: all but the cancelled ones. */
  total: z.number().int(),
  cancelled: z.number().int(),
});

export const onboardingPartner = z.object({ id: z.string(), name: z.string(), status: z.enum(PARTNER_STATUSES), types: z.array(z.enum(PARTNER_TYPES)) });

const onboardingFields = {
  id: z.string(),
  partner: onboardingPartner,
  playbook: z.object({ id: z.string().nullable(), name: z.string() }),
  status: onboardingStatus,
  startedOn: z.string(),
  startedBy: ref.nullable(),
  completedAt: z.string().nullable(),
  /** Days from the start to completion (Europe/Zurich calendar days). */
  durationDays: z.number().int().nullable(),
  progress: onboardingProgress,
  /** The open step due first. */
  nextStep: z.object({ title: z.string(), dueDate: z.string().nullable(), assignee: ref.nullable() }).nullable(),
  overdueSteps: z.number().int(),
  version: z.number().int(),
};

export const onboardingSummarySchema = z.object(onboardingFields);
export type OnboardingSummary = z.infer<typeof onboardingSummarySchema>;

export const onboardingSchema = z.object({
  ...onboardingFields,
  override: z.object({ by: ref.nullable(), reason: z.string() }).nullable(),
  steps: z.array(onboardingStepSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Onboarding = z.infer<typeof onboardingSchema>;

export const partnerOnboardingsSchema = z.object({
  current: onboardingSchema.nullable(),
  /** Completed and cancelled onboardings, newest first. */
  past: z.array(onboardingSchema),
});
export type PartnerOnboardings = z.infer<typeof partnerOnboardingsSchema>;

export const listOnboardingsQuery = z.object({ status: onboardingStatus.default('in_progress') });
export type ListOnboardingsQuery = z.infer<typeof listOnboardingsQuery>;

export const onboardingListSchema = z.object({
  items: z.array(onboardingSummarySchema),
  /** How long completed onboardings took, over all of them. */
  completed: z.object({ count: z.number().int(), averageDays: z.number().nullable(), medianDays: z.number().nullable() }),
});
export type OnboardingList = z.infer<typeof onboardingListSchema>;
