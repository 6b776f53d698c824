import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { backupFileName, writeBackup } from '../../backup/index.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { recordAudit } from '../../lib/audit.js';
import { openStorage } from '../documents/index.js';
import { backupPolicy } from './backup.policy.js';

export const backupRoutes: FastifyPluginAsyncZod<{ database: Database; config: Config }> = async (app, { database, config }) => {
  const storage = await openStorage(config.files);

  app.get(
    '/api/admin/backup',
    {
      config: { policy: backupPolicy.download },
      schema: {
        tags: ['Administration'],
        summary: 'Download a backup',
        description:
          'Every table and every stored document, consistent at one moment, as the file `npx partnerhub backup` writes (gzip’d JSON lines); `npx partnerhub restore` loads it into an empty database of either backend.',
      },
    },
    async (req, reply) => {
      const now = new Date();
      // Audited before the first byte leaves: a download broken off halfway still handed out data.
      await recordAudit(database.db, { actor: req.actor!, entityType: 'backup', entityId: now.toISOString(), action: 'download' });
      const body = new PassThrough();
      writeBackup(database, storage, body, now).catch((e: unknown) => {
        // The client sees a truncated file, which restore refuses; the reason is for the log only.
        req.log.error({ err: e }, 'The backup download failed');
        body.destroy(e instanceof Error ? e : new Error(String(e)));
      });
      return reply
        .header('Content-Type', 'application/gzip')
        .header('Content-Disposition', `attachment; filename="${backupFileName(now)}"`)
        .header('Cache-Control', 'no-store')
        .send(body);
    },
  );
};
