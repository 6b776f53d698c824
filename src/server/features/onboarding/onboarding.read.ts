import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { onboarding, partner, task, user } from '../../db/schema/index.js';
import { msg, notFound } from '../../lib/errors.js';
import type { ListOnboardingsQuery, Onboarding, OnboardingList, PartnerOnboardings } from '../../../shared/schemas/onboarding.js';
import { zurichDate } from '../../../shared/days.js';
import { presentOnboarding, type StepTask } from './onboarding.presenter.js';

type Row = typeof onboarding.$inferSelect;
/** Past onboardings listed at once; the averages cover all of them. */
const PAST_LIMIT = 200;

const startedByUser = aliasedTable(user, 'started_by_user');
const overrideByUser = aliasedTable(user, 'override_by_user');

/**
 * Onboardings with their partner, the names of who started and overrode them, and every step task
 * with its assignee: two queries for any number of onboardings.
 */
async function present(db: DbOrTx, ids: string[], now: Date): Promise<Onboarding[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({
      o: onboarding,
      partner: { id: partner.id, name: partner.name, status: partner.status, types: partner.types },
      startedByName: startedByUser.name,
      overrideByName: overrideByUser.name,
    })
    .from(onboarding)
    .innerJoin(partner, eq(partner.id, onboarding.partnerId))
    .leftJoin(startedByUser, eq(startedByUser.id, onboarding.startedBy))
    .leftJoin(overrideByUser, eq(overrideByUser.id, onboarding.overrideBy))
    .where(inArray(onboarding.id, ids));
  const tasks: StepTask[] = await db
    .select({
      id: task.id,
      onboardingId: sql<string>`${task.onboardingId}`,
      stepPosition: task.stepPosition,
      title: task.title,
      description: task.description,
      ownerRole: task.ownerRole,
      assigneeId: task.assigneeId,
      assigneeName: user.name,
      dueDate: task.dueDate,
      status: task.status,
      completedAt: task.completedAt,
      version: task.version,
    })
    .from(task)
    .leftJoin(user, eq(user.id, task.assigneeId))
    .where(inArray(task.onboardingId, ids));
  const byOnboarding = new Map<string, StepTask[]>();
  for (const t of tasks) byOnboarding.set(t.onboardingId, [...(byOnboarding.get(t.onboardingId) ?? []), t]);
  const today = zurichDate(now);
  const byId = new Map(rows.map((r) => [r.o.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((r) => presentOnboarding(r.o, { partner: r.partner, startedByName: r.startedByName, overrideByName: r.overrideByName, tasks: byOnboarding.get(r.o.id) ?? [], today }));
}

export async function getOnboarding(db: DbOrTx, id: string, now: Date): Promise<Onboarding> {
  const [o] = await present(db, [id], now);
  if (!o) throw notFound(msg('onboarding.what'));
  return o;
}

/** The partner's onboarding in progress, if any, and its past ones, newest first. */
export async function partnerOnboardings(db: DbOrTx, partnerId: string, now: Date): Promise<PartnerOnboardings> {
  const [p] = await db.select({ id: partner.id }).from(partner).where(eq(partner.id, partnerId));
  if (!p) throw notFound(msg('onboarding.partner'));
  const rows = await db
    .select({ id: onboarding.id, status: onboarding.status })
    .from(onboarding)
    .where(eq(onboarding.partnerId, partnerId))
    .orderBy(desc(onboarding.createdAt), desc(onboarding.id));
  const all = await present(
    db,
    rows.map((r) => r.id),
    now,
  );
  return { current: all.find((o) => o.status === 'in_progress') ?? null, past: all.filter((o) => o.status !== 'in_progress') };
}

/**
 * Onboardings by status (in progress by default: the oldest start first, since those need a push),
 * with how long completed onboardings took.
 */
export async function listOnboardings(db: DbOrTx, q: ListOnboardingsQuery, now: Date): Promise<OnboardingList> {
  const order = q.status === 'in_progress' ? [asc(onboarding.startedOn), asc(onboarding.id)] : [desc(onboarding.updatedAt), desc(onboarding.id)];
  const rows = await db
    .select({ id: onboarding.id })
    .from(onboarding)
    .where(eq(onboarding.status, q.status))
    .orderBy(...order)
    .limit(q.status === 'in_progress' ? 10_000 : PAST_LIMIT);
  const items = await present(
    db,
    rows.map((r) => r.id),
    now,
  );
  const [stats] = await db
    .select({
      count: sql<number>`count(*)`.mapWith(Number),
      averageDays: sql<number | null>`avg(${onboarding.durationDays})`.mapWith((v) => (v === null ? null : Math.round(Number(v) * 10) / 10)),
      medianDays: sql<number | null>`percentile_cont(0.5) within group (order by ${onboarding.durationDays})`.mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(onboarding)
    .where(and(eq(onboarding.status, 'completed'), isNotNull(onboarding.durationDays)));
  return {
    items: items.map(({ override: _o, steps: _s, createdAt: _c, updatedAt: _u, ...summary }) => summary),
    completed: { count: stats?.count ?? 0, averageDays: stats?.averageDays ?? null, medianDays: stats?.medianDays ?? null },
  };
}

/** The partner's onboarding in progress, locked for the transaction. */
export async function openOnboardingOf(tx: DbOrTx, partnerId: string): Promise<Row | undefined> {
  const [o] = await tx
    .select()
    .from(onboarding)
    .where(and(eq(onboarding.partnerId, partnerId), eq(onboarding.status, 'in_progress')))
    .for('update');
  return o;
}

/** How many of an onboarding's steps are done, and how many still open (cancelled ones need no doing). */
export async function stepCounts(tx: DbOrTx, onboardingId: string): Promise<{ done: number; open: number }> {
  const [c] = await tx
    .select({
      done: sql<number>`count(*) filter (where ${task.status} = 'done')`.mapWith(Number),
      open: sql<number>`count(*) filter (where ${task.status} in ('open', 'in_progress'))`.mapWith(Number),
    })
    .from(task)
    .where(and(eq(task.onboardingId, onboardingId), ne(task.status, 'cancelled')));
  return c ?? { done: 0, open: 0 };
}
