import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { jobRun, notificationPreference, user } from '../db/schema/index.js';
import type { Mailer } from '../lib/mailer.js';
import { pruneRateLimits } from '../lib/rate-limit.js';
import { retryMail, sendMail } from '../features/mail/mail.service.js';
import { notify } from '../features/notifications/notifications.core.js';
import { DEFAULT_PREFERENCES } from '../features/notifications/notifications.core.js';
import { composeMail } from './compose.js';
import { isLocale } from '../../shared/i18n/locales.js';
import { buildDigests, type Frequency } from './digests.js';
import { runReminders } from './reminders.js';
import { expireRegistrations } from '../features/registrations/index.js';
import type { Job } from './runner.js';
import { dailySlot, hourlySlot, weeklySlot } from './slots.js';
import { buildChatUpdate, buildTeamDigest, postToChat } from './team-digest.js';

export interface JobDeps {
  db: Db;
  mailer: Mailer | null;
  config: Pick<Config, 'baseUrl' | 'chatWebhookUrl'>;
  secret: string;
}

/** Personal digests: an inbox entry and a mail for each recipient with something to report. */
export async function runDigests(deps: JobDeps, frequency: Frequency, slot: string, now: Date) {
  const settings = { baseUrl: deps.config.baseUrl, secret: deps.secret };
  const digests = (await buildDigests(deps.db, { now, frequency, baseUrl: settings.baseUrl })).filter((d) => !d.empty);
  const created = await notify(
    deps.db,
    digests.map((d) => ({ userId: d.userId, kind: 'digest', title: d.subject, body: null, link: '/my-work', dedupeKey: `digest:${frequency}:${slot}` })),
    now,
  );
  // Only those newly in the inbox get mail: a retried run sends no digest twice.
  const fresh = new Set(created.map((n) => n.userId));
  const mails = digests.filter((d) => fresh.has(d.userId)).map((d) => composeMail(settings, { id: d.userId, email: d.email, locale: d.locale }, 'digest', d));
  const sent = await sendMail(deps.db, deps.mailer, mails, now);
  return { recipients: digests.length, mailed: mails.length, ...sent };
}

/** The weekly team digest to everyone who wants it, and to the chat webhook when one is configured. */
export async function runTeamDigest(deps: JobDeps, slot: string, now: Date) {
  const settings = { baseUrl: deps.config.baseUrl, secret: deps.secret };
  const digest = await buildTeamDigest(deps.db, { now, baseUrl: settings.baseUrl });
  if (digest.empty) return { empty: true };
  const people = await deps.db
    .select({ id: user.id, email: user.email, locale: user.locale, teamDigest: notificationPreference.teamDigest })
    .from(user)
    .leftJoin(notificationPreference, eq(notificationPreference.userId, user.id))
    .where(isNull(user.deactivatedAt));
  const recipients = people.filter((p) => p.teamDigest ?? DEFAULT_PREFERENCES.teamDigest);
  const created = await notify(
    deps.db,
    recipients.map((p) => ({
      userId: p.id,
      kind: 'team_digest',
      title: digest.subject,
      body: digest.text.split('\n')[1] ?? null,
      link: '/partners',
      dedupeKey: `team_digest:${slot}`,
    })),
    now,
  );
  const fresh = new Set(created.map((n) => n.userId));
  const mails = recipients.filter((p) => fresh.has(p.id)).map((p) => composeMail(settings, { ...p, locale: isLocale(p.locale) ? p.locale : null }, 'team_digest', digest));
  const sent = await sendMail(deps.db, deps.mailer, mails, now);
  // Last, so a failing webhook fails (and retries) the run without re-sending any mail.
  if (deps.config.chatWebhookUrl) await postToChat(deps.config.chatWebhookUrl, digest.chat);
  return { ...digest.counts, recipients: recipients.length, mailed: mails.length, ...sent, chat: Boolean(deps.config.chatWebhookUrl) };
}

/** Every scheduled job of the app. Slots: hourly in UTC; daily and weekly at 07:00 Europe/Zurich. */
export function createJobs(deps: JobDeps): Job[] {
  const settings = { db: deps.db, mailer: deps.mailer, baseUrl: deps.config.baseUrl, secret: deps.secret };
  return [
    { name: 'reminders', slot: hourlySlot, run: ({ now }) => runReminders(settings, now) },
    // Hourly, so a day's expiries land soon after midnight in Zurich whichever instance is up.
    { name: 'registration-expiry', slot: hourlySlot, run: ({ now }) => expireRegistrations(deps.db, now) },
    { name: 'digest-daily', slot: dailySlot, run: ({ now, slot }) => runDigests(deps, 'daily', slot, now) },
    { name: 'digest-weekly', slot: weeklySlot, run: ({ now, slot }) => runDigests(deps, 'weekly', slot, now) },
    { name: 'team-digest', slot: weeklySlot, run: ({ now, slot }) => runTeamDigest(deps, slot, now) },
    {
      // Important topics reach the chat within the hour, not only in the weekly digest.
      name: 'chat-topics',
      slot: hourlySlot,
      run: async ({ slot }) => {
        if (!deps.config.chatWebhookUrl) return { chat: false };
        const update = await buildChatUpdate(deps.db, { slot, baseUrl: deps.config.baseUrl });
        if (update) await postToChat(deps.config.chatWebhookUrl, update);
        return { chat: true, posted: Boolean(update) };
      },
    },
    {
      name: 'mail',
      slot: hourlySlot,
      run: async ({ now }) => {
        const retried = await retryMail(deps.db, deps.mailer, now);
        // job_run grows by a few rows an hour; a quarter of history is plenty to investigate a failure.
        const pruned = await deps.db
          .delete(jobRun)
          .where(and(eq(jobRun.status, 'done'), lt(jobRun.startedAt, new Date(now.getTime() - 90 * 86_400_000))))
          .returning({ id: jobRun.id });
        return { ...retried, prunedRuns: pruned.length };
      },
    },
    // Every e-mail address tried at sign-in and every client address at first run leaves a counter.
    { name: 'rate-limits', slot: hourlySlot, run: async ({ now }) => ({ pruned: await pruneRateLimits(deps.db, now) }) },
  ];
}
