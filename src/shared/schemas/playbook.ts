import { z } from 'zod';
import { PARTNER_TYPES, TEAM_ROLES } from '../partners.js';
import { NAME_MAX, version } from './common.js';
import { partnerType } from './partner.js';

/** Limits of a playbook: a step is due at most two years after the start (the database checks it too). */
export const DUE_AFTER_DAYS_MAX = 730;
export const PLAYBOOK_STEPS_MAX = 50;
export const STEP_TITLE_MAX = 200;
export const STEP_DESCRIPTION_MAX = 2_000;

export const stepOwnerRole = z.enum(TEAM_ROLES, { error: `must be one of ${TEAM_ROLES.join(', ')}` });

export const playbookStepInput = z
  .object({
    title: z.string().trim().min(1, 'is required').max(STEP_TITLE_MAX, `must be at most ${STEP_TITLE_MAX} characters`),
    description: z.string().trim().max(STEP_DESCRIPTION_MAX, `must be at most ${STEP_DESCRIPTION_MAX} characters`).nullable().optional(),
    ownerRole: stepOwnerRole,
    dueAfterDays: z
      .number({ error: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(0, 'must be 0 or more days')
      .max(DUE_AFTER_DAYS_MAX, `must be at most ${DUE_AFTER_DAYS_MAX} days (two years)`),
  })
  .strict();
export type PlaybookStepInput = z.input<typeof playbookStepInput>;

const name = z.string().trim().min(1, 'is required').max(NAME_MAX, `must be at most ${NAME_MAX} characters`);
const description = z.string().trim().max(STEP_DESCRIPTION_MAX, `must be at most ${STEP_DESCRIPTION_MAX} characters`).nullable().optional();
/** Steps in the order they are listed; their position is their index. */
const steps = z.array(playbookStepInput).min(1, 'needs at least one step').max(PLAYBOOK_STEPS_MAX, `may have at most ${PLAYBOOK_STEPS_MAX} steps`);

export const createPlaybookBody = z.object({ name, partnerType, description, steps }).strict();
export type CreatePlaybookBody = z.input<typeof createPlaybookBody>;

/** Steps, when given, replace the playbook's steps; onboardings already started keep their tasks. */
export const updatePlaybookBody = z.object({ name: name.optional(), partnerType: partnerType.optional(), description, steps: steps.optional(), version }).strict();
export type UpdatePlaybookBody = z.input<typeof updatePlaybookBody>;

export const playbookStepSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  ownerRole: stepOwnerRole,
  dueAfterDays: z.number().int(),
});
export type PlaybookStep = z.infer<typeof playbookStepSchema>;

export const playbookSchema = z.object({
  id: z.string(),
  name: z.string(),
  partnerType: z.enum(PARTNER_TYPES),
  description: z.string().nullable(),
  steps: z.array(playbookStepSchema),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Playbook = z.infer<typeof playbookSchema>;

export const listPlaybooksQuery = z.object({
  partnerType: partnerType.optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
});
export type ListPlaybooksQuery = z.infer<typeof listPlaybooksQuery>;
/** Playbooks stay few (a handful per partner type): the list is not paged. */
export const playbookList = z.object({ items: z.array(playbookSchema) });

export const starterPlaybooksResult = z.object({
  created: z.array(playbookSchema),
  /** Names of starter playbooks left alone because a playbook of that name exists. */
  skipped: z.array(z.string()),
});
export type StarterPlaybooksResult = z.infer<typeof starterPlaybooksResult>;
