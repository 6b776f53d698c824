import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { createMailer, type Mailer } from '../lib/mailer.js';
import { createJobs } from './jobs.js';
import { JobRunner } from './runner.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The scheduler: ticking only with JOBS=on, but tests may call `tick(now)` on any app. */
    jobs: JobRunner;
    mailer: Mailer | null;
  }
}

/** Starts the scheduler when the app is ready (JOBS=on) and stops it, and the SMTP pool, on close. */
export default fp(
  async function jobsPlugin(app: FastifyInstance, opts: { config: Config; database: Database; secret: string }) {
    const { config, database, secret } = opts;
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
    const runner = new JobRunner(database.db, createJobs({ db: database.db, mailer, config, secret }), app.log);
    app.decorate('jobs', runner);
    app.decorate('mailer', mailer);
    app.addHook('onReady', async () => {
      app.log.info(mailer ? `Mail goes out through ${mailer.target}` : 'No SMTP_URL: mail waits in the outbox (Administration → Outbox)');
      if (config.jobs) {
        runner.start();
        app.log.info(`Scheduler started: ${runner.names.join(', ')}`);
      }
    });
    app.addHook('onClose', async () => {
      await runner.stop();
      mailer?.close();
    });
  },
  { name: 'jobs' },
);
