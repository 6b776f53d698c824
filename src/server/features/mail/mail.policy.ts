import { roles } from '../../lib/policy.js';

/** Mail holds other people's reminders and digests: only administrators read the outbox. */
export const mailPolicy = { read: roles('admin') };
