import { z } from 'zod';
import { listQuery, pageOf } from '../list.js';
import { isoDate } from './task.js';

/** The reminders about deadlines: what GET /api/alerts lists. */
export const ALERT_KINDS = ['contract_notice', 'risk_review_due', 'level_at_risk', 'level_review', 'certification_expiring', 'registration_protection'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const alertSchema = z.object({
  /** Stable while the same reminder is due (its dedupe key). */
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  /** The contract, partner review, programme or certification the deadline belongs to. */
  subject: z.string(),
  /** The reminder's text, as the inbox shows it. */
  title: z.string(),
  body: z.string().nullable(),
  partner: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The deadline, 'YYYY-MM-DD'. */
  dueOn: isoDate,
  /** A path inside the web app. */
  link: z.string().nullable(),
  /** Colleagues the reminder goes to. */
  recipientIds: z.array(z.string()),
});
export type Alert = z.infer<typeof alertSchema>;
export const alertPage = pageOf(alertSchema);

export const listAlertsQuery = listQuery(
  ['dueOn'] as const,
  {
    /** Deadline strictly before this day. */
    dueBefore: isoDate.optional(),
    partnerId: z.uuid().optional(),
    kind: z.enum(ALERT_KINDS).optional(),
  },
  'dueOn',
);
export type ListAlertsQuery = z.infer<typeof listAlertsQuery>;
