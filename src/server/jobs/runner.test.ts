import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../tests/support/app.js';
import { backend } from '../../../tests/support/db.js';
import { unique } from '../../../tests/support/factories.js';
import { openDatabase, type Database } from '../db/client.js';
import { jobRun } from '../db/schema/index.js';
import { JobRunner, type Job, type JobLogger } from './runner.js';
import { dailySlot, hourlySlot, weeklySlot } from './slots.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const runsOf = (job: string) => t.database.db.select().from(jobRun).where(eq(jobRun.job, job));
const recorder = () => {
  const errors: { obj: object; msg: string }[] = [];
  const log: JobLogger = { info: () => undefined, error: (obj, msg) => errors.push({ obj, msg }) };
  return { log, errors };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('slots', () => {
  it('runs digests at 07:00 Europe/Zurich in winter and summer, weekly from Monday 07:00, reminders hourly', () => {
    // Winter: 07:00 in Zurich is 06:00Z; summer: 05:00Z.
    expect(dailySlot(new Date('2026-11-27T05:59:00Z'))).toBe('2026-11-26');
    expect(dailySlot(new Date('2026-11-27T06:00:00Z'))).toBe('2026-11-27');
    expect(dailySlot(new Date('2026-07-01T04:59:00Z'))).toBe('2026-06-30');
    expect(dailySlot(new Date('2026-07-01T05:00:00Z'))).toBe('2026-07-01');
    // Monday 2026-11-23 starts ISO week 48.
    expect(weeklySlot(new Date('2026-11-23T05:59:00Z'))).toBe('2026-W47');
    expect(weeklySlot(new Date('2026-11-23T06:00:00Z'))).toBe('2026-W48');
    expect(weeklySlot(new Date('2026-11-29T22:00:00Z'))).toBe('2026-W48');
    // ISO weeks across the new year: 2027-01-01 is a Friday of 2026-W53.
    expect(weeklySlot(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(hourlySlot(new Date('2026-11-27T09:41:00Z'))).toBe('2026-11-27T09');
  });
});

describe('the job runner', () => {
  it('runs a slot once across app instances sharing one database', async () => {
    // On PostgreSQL: a second app with its own connection pool on the same database, as a second
    // instance would be. PGlite is one process's embedded database, so its two apps share the one connection.
    const second: Database | undefined = backend() === 'postgres' ? await openDatabase({ databaseUrl: t.database.pool!.options.connectionString!, poolSize: 5 }) : undefined;
    const other = await createTestApp({}, second ?? t.database);
    try {
      let calls = 0;
      const job: Job = {
        name: unique('once').replace(/\s/g, '-'),
        slot: hourlySlot,
        run: async () => {
          calls++;
          await sleep(150);
          return { ok: true };
        },
      };
      t.app.jobs.add(job);
      other.app.jobs.add(job);
      const now = new Date('2026-11-27T09:15:00Z');
      const outcomes = (await Promise.all([0, 1, 2].flatMap(() => [t.app.jobs.tick(now, [job.name]), other.app.jobs.tick(now, [job.name])]))).flat();

      expect(calls).toBe(1);
      expect(outcomes.filter((o) => o.status === 'done')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'skipped')).toHaveLength(5);
      const runs = await runsOf(job.name);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ slot: '2026-11-27T09', status: 'done', attempts: 1, result: { ok: true } });

      // The next hour is a new slot.
      await other.app.jobs.tick(new Date('2026-11-27T10:00:00Z'), [job.name]);
      expect(calls).toBe(2);
    } finally {
      await other.close();
      await second?.close();
    }
  });

  it('records and logs a failure, retries it after a back-off, and keeps the error when it gives up', async () => {
    const { log, errors } = recorder();
    let calls = 0;
    let failUntil = 2;
    const job: Job = {
      name: unique('flaky').replace(/\s/g, '-'),
      slot: () => 'the-slot',
      run: async () => {
        calls++;
        if (calls <= failUntil) throw new Error(`SMTP said no (${calls})`);
        return { delivered: 3 };
      },
    };
    const runner = new JobRunner(t.database.db, [job], log);
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 9, minutes));

    expect((await runner.tick(at(0)))[0]).toMatchObject({ status: 'failed', attempt: 1, error: 'SMTP said no (1)' });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.obj).toMatchObject({ job: job.name, slot: 'the-slot', attempt: 1, willRetry: true });
    expect((await runsOf(job.name))[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'SMTP said no (1)' });

    // Within the back-off (1 minute after the first failure) nothing runs.
    expect((await runner.tick(at(0)))[0]!.status).toBe('skipped');
    expect(calls).toBe(1);
    expect((await runner.tick(at(1)))[0]).toMatchObject({ status: 'failed', attempt: 2 });
    // The second back-off is 2 minutes.
    expect((await runner.tick(at(2)))[0]!.status).toBe('skipped');
    expect((await runner.tick(at(3)))[0]).toMatchObject({ status: 'done', attempt: 3 });
    expect((await runsOf(job.name))[0]).toMatchObject({ status: 'done', attempts: 3, result: { delivered: 3 } });
    expect((await runner.tick(at(30)))[0]!.status).toBe('skipped');
    expect(calls).toBe(3);

    // A job that keeps failing stops after five attempts; the row keeps the last error.
    failUntil = Infinity;
    const stubborn: Job = { ...job, name: `${job.name}-stubborn` };
    const r2 = new JobRunner(t.database.db, [stubborn], log);
    for (let minute = 0; minute < 120; minute += 10) await r2.tick(at(minute));
    expect((await runsOf(stubborn.name))[0]).toMatchObject({ status: 'failed', attempts: 5 });
    expect((await runsOf(stubborn.name))[0]!.lastError).toMatch(/SMTP said no/);
    expect(errors.at(-1)!.msg).toMatch(/failed 5 times .* giving up/);
  });

  it('retries a failed earlier slot when the clock has moved on to the next one', async () => {
    const { log } = recorder();
    const seen: string[] = [];
    let broken = true;
    const job: Job = {
      name: unique('hourly').replace(/\s/g, '-'),
      slot: hourlySlot,
      run: async ({ slot }) => {
        seen.push(slot);
        if (broken) throw new Error('database hiccup');
        return {};
      },
    };
    const runner = new JobRunner(t.database.db, [job], log);
    await runner.tick(new Date('2026-11-27T09:59:00Z'));
    broken = false;
    await runner.tick(new Date('2026-11-27T10:05:00Z'));
    expect(seen).toEqual(['2026-11-27T09', '2026-11-27T09', '2026-11-27T10']);
    expect((await runsOf(job.name)).map((r) => `${r.slot}:${r.status}`).sort()).toEqual(['2026-11-27T09:done', '2026-11-27T10:done']);
  });
});

describe('a job that runs long', () => {
  const T0 = Date.UTC(2026, 10, 27, 9, 0);
  const at = (minutes: number) => new Date(T0 + minutes * 60_000);
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    return { opened, open };
  };
  const until = async (what: string, check: () => Promise<boolean>) => {
    for (const started = Date.now(); !(await check()); await sleep(10)) {
      if (Date.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
    }
  };
  /** A second instance: its own pool on PostgreSQL; PGlite's one connection otherwise. */
  const secondInstance = async () => (backend() === 'postgres' ? await openDatabase({ databaseUrl: t.database.pool!.options.connectionString!, poolSize: 2 }) : undefined);

  it('keeps its claim with a heartbeat: another instance does not take it over, however long it runs', async () => {
    const second = await secondInstance();
    try {
      const { log, errors } = recorder();
      const release = gate();
      let calls = 0;
      const job: Job = {
        name: unique('long').replace(/\s/g, '-'),
        slot: () => 'the-slot',
        run: async () => {
          calls++;
          await release.opened;
          return { ok: true };
        },
      };
      let clock = at(0);
      const a = new JobRunner(t.database.db, [job], log, () => clock, { heartbeatMs: 20 });
      const b = new JobRunner((second ?? t.database).db, [job], log);
      const running = a.tick(at(0));
      await until('the claim', async () => (await runsOf(job.name))[0]?.status === 'running');

      // Far past the stale window since the start, but never far from the last heartbeat.
      for (const minutes of [4, 40, 95]) {
        clock = at(minutes);
        await until(`the heartbeat at minute ${minutes}`, async () => (await runsOf(job.name))[0]!.heartbeatAt!.getTime() >= clock.getTime());
        expect((await b.tick(at(minutes + 4)))[0]!.status).toBe('skipped');
      }
      expect(calls).toBe(1);

      release.open();
      expect((await running)[0]).toMatchObject({ status: 'done', attempt: 1 });
      expect((await runsOf(job.name))[0]).toMatchObject({ status: 'done', attempts: 1, result: { ok: true } });
      expect(errors).toEqual([]);
      // The heartbeat stopped with the job.
      const last = (await runsOf(job.name))[0]!.heartbeatAt;
      clock = at(200);
      await sleep(100);
      expect((await runsOf(job.name))[0]!.heartbeatAt).toEqual(last);
    } finally {
      await second?.close();
    }
  });

  it('is taken over by another instance a few minutes after its instance stopped beating', async () => {
    const second = await secondInstance();
    const stuck = gate();
    try {
      const { log } = recorder();
      const ran: number[] = [];
      const job: Job = {
        name: unique('orphan').replace(/\s/g, '-'),
        slot: () => 'the-slot',
        run: async ({ attempt }) => {
          ran.push(attempt);
          // The first instance never finishes: it died right after claiming.
          if (attempt === 1) await stuck.opened;
          return { by: attempt };
        },
      };
      // Its heartbeat would come only in an hour: nothing beats after the claim, as after a crash.
      const a = new JobRunner(t.database.db, [job], log, () => at(0), { heartbeatMs: 3_600_000 });
      const b = new JobRunner((second ?? t.database).db, [job], log);
      const dead = a.tick(at(0));
      await until('the claim', async () => (await runsOf(job.name))[0]?.status === 'running');

      expect((await b.tick(at(4)))[0]!.status).toBe('skipped');
      expect((await b.tick(at(6)))[0]).toMatchObject({ status: 'done', attempt: 2 });
      expect(ran).toEqual([1, 2]);
      expect((await runsOf(job.name))[0]).toMatchObject({ status: 'done', attempts: 2, result: { by: 2 } });

      // Should the first instance come back after all, its outcome does not overwrite the new claim's.
      stuck.open();
      await dead;
      expect((await runsOf(job.name))[0]).toMatchObject({ status: 'done', attempts: 2, result: { by: 2 } });
    } finally {
      stuck.open();
      await second?.close();
    }
  });
});
