import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { jobRun } from '../db/schema/index.js';

/** The part of pino the runner uses; app.log fits, and tests pass a recorder. */
export interface JobLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobContext {
  now: Date;
  slot: string;
  attempt: number;
}

export interface Job {
  name: string;
  /** The period a run at `now` belongs to; one successful run per slot. */
  slot(now: Date): string;
  /** Does the work; returns a short summary kept in job_run.result. Must be safe to run again. */
  run(ctx: JobContext): Promise<Record<string, unknown>>;
}

export interface RunOutcome {
  job: string;
  slot: string;
  status: 'done' | 'failed' | 'skipped';
  attempt?: number;
  error?: string;
}

export const JOB_MAX_ATTEMPTS = 5;
/** How often a running job's instance confirms it still works on it. */
export const HEARTBEAT_MS = 60_000;
/**
 * A run whose last heartbeat is older than this died with its instance; another may take it over.
 * Five missed heartbeats: a busy pool or a paused process delays one, not five in a row.
 */
export const STALE_RUN_MS = 5 * 60_000;
/** Waits before retry n+1: 1, 2, 4, 8 minutes. */
export const backoffMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);
// First key of the two-key advisory lock: a namespace, so the app's locks meet no one else's.
const LOCK_NAMESPACE = 0x5048_4a42; // "PHJB"

export interface JobRunnerOptions {
  /** Interval between heartbeats while a job runs (tests shorten it). */
  heartbeatMs?: number;
}

/**
 * The in-process scheduler. Every instance ticks; each job's slot runs once across all instances on
 * one database: a claim taken under a transaction-scoped advisory lock inserts the slot's job_run row,
 * and the row's unique (job, slot) key leaves later claimants nothing to take. The handler runs after
 * the claim committed, outside any transaction, so it may take long and use the single PGlite
 * connection freely; a heartbeat keeps the claim alive meanwhile, so however long it runs no other
 * instance takes it over, while the run of an instance that died is taken over a few minutes after
 * its last heartbeat. A failed run is recorded and logged, and retried with back-off up to five times.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  private readonly heartbeatMs: number;

  constructor(
    private readonly db: Db,
    jobs: Job[],
    private readonly log: JobLogger,
    private readonly clock: () => Date = () => new Date(),
    options: JobRunnerOptions = {},
  ) {
    for (const job of jobs) this.add(job);
    this.heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  }

  add(job: Job): void {
    this.jobs.set(job.name, job);
  }

  get names(): string[] {
    return [...this.jobs.keys()];
  }

  /** Starts ticking every `intervalMs`; the first tick comes soon after the start. */
  start(intervalMs = 60_000, firstDelayMs = 5_000): void {
    if (this.timer) return;
    const tick = () => {
      // Ticks never overlap: a slow one makes the next wait.
      if (this.current) return;
      this.current = this.tick()
        .catch((e: unknown) => this.log.error({ err: e }, 'job scheduler tick failed'))
        .finally(() => (this.current = null));
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    setTimeout(() => this.timer && tick(), firstDelayMs).unref();
  }

  /** Stops ticking and waits for a running tick to finish. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current;
  }

  /** Runs every job (or the named ones) whose slot is due at `now`. */
  async tick(now = this.clock(), only?: string[]): Promise<RunOutcome[]> {
    const out: RunOutcome[] = [];
    for (const job of this.jobs.values()) {
      if (only && !only.includes(job.name)) continue;
      const current = job.slot(now);
      // Earlier slots that failed are retried too: a failure is never silently dropped.
      const earlier = await this.db
        .select({ slot: jobRun.slot })
        .from(jobRun)
        .where(and(eq(jobRun.job, job.name), ne(jobRun.slot, current), eq(jobRun.status, 'failed'), lt(jobRun.attempts, JOB_MAX_ATTEMPTS)))
        .orderBy(jobRun.slot)
        .limit(5);
      for (const slot of [...earlier.map((r) => r.slot), current]) out.push(await this.runSlot(job, slot, now));
    }
    return out;
  }

  private async runSlot(job: Job, slot: string, now: Date): Promise<RunOutcome> {
    const [existing] = await this.db
      .select({ status: jobRun.status })
      .from(jobRun)
      .where(and(eq(jobRun.job, job.name), eq(jobRun.slot, slot)));
    if (existing?.status === 'done') return { job: job.name, slot, status: 'skipped' };
    const attempt = await this.claim(job.name, slot, now);
    if (attempt === null) return { job: job.name, slot, status: 'skipped' };
    const heartbeat = this.startHeartbeat(job.name, slot, attempt);
    const work = async () => {
      try {
        return await job.run({ now, slot, attempt });
      } finally {
        await heartbeat.stop();
      }
    };
    try {
      const result = await work();
      // Guarded by the attempt, as the heartbeat is: only the claim's holder records its outcome.
      const mine = and(eq(jobRun.job, job.name), eq(jobRun.slot, slot), eq(jobRun.attempts, attempt));
      await this.db.update(jobRun).set({ status: 'done', finishedAt: new Date(), result }).where(mine);
      this.log.info({ job: job.name, slot, attempt, result }, 'job done');
      return { job: job.name, slot, status: 'done', attempt };
    } catch (e) {
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
      await this.db
        .update(jobRun)
        .set({ status: 'failed', finishedAt: now, lastError: message })
        .where(and(eq(jobRun.job, job.name), eq(jobRun.slot, slot), eq(jobRun.attempts, attempt)));
      const final = attempt >= JOB_MAX_ATTEMPTS;
      this.log.error(
        { err: e, job: job.name, slot, attempt, willRetry: !final },
        final ? `job ${job.name} failed ${attempt} times for ${slot}; giving up (job_run keeps the error)` : `job ${job.name} failed for ${slot}; it will be retried`,
      );
      return { job: job.name, slot, status: 'failed', attempt, error: message };
    }
  }

  /**
   * Refreshes the claim's heartbeat every `heartbeatMs` until stopped. Only this claim's row is
   * touched (its attempt number): after a takeover the old instance's heartbeat keeps nothing alive.
   * A beat waits for the previous one, so a slow database never piles them up.
   */
  private startHeartbeat(job: string, slot: string, attempt: number): { stop(): Promise<void> } {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    let beating: Promise<void> = Promise.resolve();
    const beat = async () => {
      try {
        const rows = await this.db
          .update(jobRun)
          .set({ heartbeatAt: this.clock() })
          .where(and(eq(jobRun.job, job), eq(jobRun.slot, slot), eq(jobRun.status, 'running'), eq(jobRun.attempts, attempt)))
          .returning({ id: jobRun.id });
        if (rows.length === 0 && !stopped) this.log.error({ job, slot, attempt }, `job ${job} for ${slot} lost its claim to another instance while running`);
      } catch (e) {
        // One missed beat is harmless; the next one tries again.
        this.log.error({ err: e, job, slot, attempt }, `job ${job} could not record its heartbeat`);
      }
    };
    const schedule = () => {
      timer = setTimeout(() => {
        beating = beat().finally(() => {
          if (!stopped) schedule();
        });
      }, this.heartbeatMs);
      timer.unref();
    };
    schedule();
    return {
      stop: async () => {
        stopped = true;
        clearTimeout(timer);
        await beating;
      },
    };
  }

  /**
   * Takes the slot, or returns null when another instance holds it, it is done, or a retry is not yet
   * due. Returns the attempt number taken.
   */
  private async claim(job: string, slot: string, now: Date): Promise<number | null> {
    const at = now.toISOString();
    return this.db.transaction(async (tx) => {
      const locked = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${job})) as ok`);
      if (!locked.rows[0]?.ok) return null;
      // The ON CONFLICT branch re-takes a failed run whose back-off passed, or a run whose instance died.
      const rows = await tx.execute<{ attempts: number }>(sql`
        insert into job_run (job, slot, status, attempts, started_at, heartbeat_at) values (${job}, ${slot}, 'running', 1, ${at}::timestamptz, ${at}::timestamptz)
        on conflict (job, slot) do update set status = 'running', attempts = job_run.attempts + 1, started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at, finished_at = null
        where (job_run.status = 'failed' and job_run.attempts < ${JOB_MAX_ATTEMPTS}
               and job_run.finished_at + (interval '1 minute' * power(2, greatest(job_run.attempts - 1, 0))) <= ${at}::timestamptz)
           or (job_run.status = 'running'
               and coalesce(job_run.heartbeat_at, job_run.started_at) < ${at}::timestamptz - (interval '1 millisecond' * ${STALE_RUN_MS}))
        returning attempts`);
      return rows.rows[0]?.attempts ?? null;
    });
  }
}
