import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsFor, type Actors } from '../../../../tests/support/actors.js';
import { createTestApp, type TestApp } from '../../../../tests/support/app.js';
import { checkBackupFile } from '../../backup/index.js';

let t: TestApp;
let dir: string;
let as: Actors;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerhub-backup-route-'));
  t = await createTestApp({ FILES_DIR: path.join(dir, 'files') });
  as = await actorsFor(t);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const backups = async () => (await t.database.query<{ n: number }>(`select count(*)::int as n from audit_log where entity_type = 'backup'`))[0]!.n;

describe('GET /api/admin/backup', () => {
  it('answers 401 without credentials and 403 to everyone but an administrator, writing nothing', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/admin/backup' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthenticated');
    for (const role of ['manager', 'member', 'viewer'] as const) {
      const res = await as[role].get('/api/admin/backup');
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code, role).toBe('forbidden');
    }
    expect(await backups()).toBe(0);
  });

  it('streams an administrator the backup file restore reads, as an attachment, and audits the download', async () => {
    const res = await as.admin.get('/api/admin/backup');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="partnerhub-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.jsonl\.gz"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const file = path.join(dir, 'download.jsonl.gz');
    fs.writeFileSync(file, res.rawPayload);
    const summary = await checkBackupFile(file);
    expect(summary.tables.has('partner')).toBe(true);
    expect(summary.rows).toBeGreaterThan(0);
    const [entry] = await t.database.query<{ actor_id: string; action: string }>(`select actor_id, action from audit_log where entity_type = 'backup'`);
    expect(entry).toEqual({ actor_id: as.admin.id, action: 'download' });
  });
});
