import { z } from 'zod';
import { CALENDAR_FEED_SCOPES } from '../rhythm.js';

export const createFeedBody = z
  .object({
    scope: z.enum(CALENDAR_FEED_SCOPES),
    partnerId: z.uuid().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.scope === 'partner' && !v.partnerId) ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'is required for a partner feed' });
    if (v.scope === 'user' && v.partnerId) ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'is only for a partner feed' });
  });
export type CreateFeedBody = z.input<typeof createFeedBody>;

export const feedSchema = z.object({
  id: z.string(),
  scope: z.enum(CALENDAR_FEED_SCOPES),
  partner: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The first characters of the secret, to tell feeds apart. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof feedSchema>;

/** Returned once, when the feed is created: the secret URL is not stored and cannot be shown again. */
export const createdFeedSchema = feedSchema.extend({ url: z.string() });
export type CreatedCalendarFeed = z.infer<typeof createdFeedSchema>;
export const feedList = z.object({ items: z.array(feedSchema) });
