import ICAL from 'ical.js';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contact, user } from '../../db/schema/index.js';
import { fieldError, msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { lockPartnerForEdit } from '../partners/index.js';
import { expandRule, type SeriesRule } from './meetings.expand.js';

/**
 * The partner a meeting is written for: it exists, the actor may edit it, it is not archived.
 * Locked for the transaction, so an archive or merge of the partner waits for this write.
 */
/** A meeting and a series as errors name them. */
export const MEETING = { what: msg('meetings.what'), the: msg('meetings.the') };
export const SERIES = { what: msg('meetings.series'), the: msg('meetings.theSeries') };

export const partnerForWrite = (tx: DbOrTx, partnerId: string, actor: Actor) => lockPartnerForEdit(tx, actor, partnerId, { purpose: msg('meetings.changingItsMeetings') });

/** Attendees from the partner must be its own contacts; archived ones only if already invited. */
export async function checkContacts(tx: DbOrTx, partnerId: string, ids: string[], alreadyLinked: string[] = [], path = 'body.contactIds') {
  if (!ids.length) return;
  const rows = await tx.select({ id: contact.id, partnerId: contact.partnerId, archivedAt: contact.archivedAt }).from(contact).where(inArray(contact.id, ids));
  const ok = new Set(rows.filter((c) => c.partnerId === partnerId && (!c.archivedAt || alreadyLinked.includes(c.id))).map((c) => c.id));
  const bad = ids.filter((id) => !ok.has(id));
  if (bad.length) throw fieldError(path, msg('meetings.notContacts', { ids: bad.join(', '), count: bad.length }));
}

/** Colleagues must exist and be active; deactivated ones only if already invited. */
export async function checkUsers(tx: DbOrTx, ids: string[], alreadyLinked: string[] = [], path = 'body.userIds') {
  if (!ids.length) return;
  const rows = await tx.select({ id: user.id, deactivatedAt: user.deactivatedAt }).from(user).where(inArray(user.id, ids));
  const ok = new Set(rows.filter((u) => !u.deactivatedAt || alreadyLinked.includes(u.id)).map((u) => u.id));
  const bad = ids.filter((id) => !ok.has(id));
  if (bad.length) throw fieldError(path, msg('meetings.notActiveUsers', { ids: bad.join(', '), count: bad.length }));
}

/**
 * The schema checked the rule's grammar; this checks that the recurrence engine reads it the same way
 * and that it gives at least one meeting from the first start on (an UNTIL before the start gives none).
 */
export function checkRuleGivesMeetings(rule: SeriesRule, firstStart: Date) {
  try {
    ICAL.Recur.fromString(rule.rrule);
  } catch (e) {
    throw fieldError('body.rrule', msg('meetings.badRule', { reason: (e as Error).message }));
  }
  const hits = expandRule(rule, new Date(firstStart.getTime() - 86_400_000), new Date(firstStart.getTime() + 20 * 366 * 86_400_000), 1);
  if (!hits.length) throw fieldError('body.rrule', msg('meetings.ruleGivesNone'));
}
