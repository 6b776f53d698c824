// Backup and restore across both backends: the run's own (a copy of the test template) and the
// other one, each in a fresh database of its own. On the embedded run the round trip is
// embedded → PostgreSQL → embedded; on the PostgreSQL run, PostgreSQL → embedded → PostgreSQL.
// `npm test` on a machine without a PostgreSQL server (no TEST_DATABASE_URL; CI always sets it,
// for both runs) goes through a second embedded database instead, so it needs no server to pass.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsFor, type Actors } from '../../../tests/support/actors.js';
import { createTestApp, type TestApp } from '../../../tests/support/app.js';
import { backend } from '../../../tests/support/db.js';
import { withDatabase } from '../../../tests/support/global-setup.js';
import { openDatabase, type Database } from '../db/client.js';
import { seedDemo } from '../seed/demo.js';
import { makePdf, multipart, PNG, tempDir } from '../features/documents/documents.fixtures.js';
import { localStorage, type Storage } from '../features/documents/storage.js';
import { AppError } from '../lib/errors.js';
import { BackupFileError, inTransaction, readTables, restoreBackup, tableChecksums, writeBackup } from './index.js';

const SERVER = process.env.TEST_DATABASE_URL ?? '';
const other = backend() === 'postgres' ? 'pglite' : SERVER ? 'postgres' : 'pglite';

interface Fresh {
  database: Database;
  storage: Storage;
  dir: string;
  close(): Promise<void>;
}
const opened: Fresh[] = [];

/** A new, empty (not even migrated) database of the given backend, with a storage directory of its own. */
async function fresh(kind: 'pglite' | 'postgres'): Promise<Fresh> {
  const dir = tempDir('backup-files');
  let database: Database;
  let drop = async () => undefined as void;
  if (kind === 'pglite') database = await openDatabase({ inMemory: true });
  else {
    const name = `partnerhub_bk_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`create database ${name}`).finally(() => admin.end());
    database = await openDatabase({ databaseUrl: withDatabase(SERVER, name), poolSize: 2 });
    drop = async () => {
      const c = new pg.Client({ connectionString: SERVER });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
    };
  }
  const f: Fresh = {
    database,
    storage: localStorage(dir),
    dir,
    close: async () => {
      await database.close();
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  opened.push(f);
  return f;
}

const checksums = (database: Database) => inTransaction(database, 'snapshot', async (q) => tableChecksums(q, await readTables(q)));

/** Every stored object the database names, as key → SHA-256 of the bytes storage holds. */
async function storedBytes(database: Database, storage: Storage): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { storage_key: key } of await database.query<{ storage_key: string }>('select storage_key from document_version order by 1')) {
    const hash = crypto.createHash('sha256');
    for await (const chunk of await storage.get(key)) hash.update(chunk as Buffer);
    out[key] = hash.digest('hex');
  }
  return out;
}

async function backupTo(database: Database, storage: Storage, file: string) {
  return writeBackup(database, storage, fs.createWriteStream(file));
}

let source: TestApp;
let sourceStorage: Storage;
let filesDir: string;
let work: string;
let as: Actors<'manager'>;
let file: string;
let original: Awaited<ReturnType<typeof checksums>>;
let originalBytes: Record<string, string>;

const upload = async (partnerId: string, fileName: string, type: string, data: Buffer) => {
  const { payload, headers } = multipart([
    { name: 'subjectType', value: 'partner' },
    { name: 'subjectId', value: partnerId },
    { name: 'file', fileName, type, data },
  ]);
  const res = await source.app.inject({ method: 'POST', url: '/api/documents', headers: { ...headers, ...as.manager.headers }, payload });
  expect(res.statusCode, res.body).toBe(201);
};

beforeAll(async () => {
  work = tempDir('backup');
  filesDir = path.join(work, 'files');
  source = await createTestApp({ FILES_DIR: filesDir });
  sourceStorage = localStorage(filesDir);
  as = await actorsFor(source, { roles: ['manager'] });
  await seedDemo(source.database.db, source.app.auth);
  // Values whose text form is easy to get wrong: quotes, backslashes, new lines and commas in text
  // and in array elements, a NULL element, jsonb with decimals and unicode, microseconds, an int8
  // beyond 2^53, a timestamp without time zone.
  const { id } = (
    await source.database.query<{ id: string }>(
      `insert into partner (name, types, tags, links, created_at)
     values ($1, '{software_vendor}', $2::text[], $3::jsonb, '1999-12-31 23:59:59.999999+00') returning id`,
      [
        'Ünïcødé "quoted" \\back\\slash\nnew line, comma; 🦀',
        '{"a,b","c\\"d",NULL,"e\\\\f"}',
        '{"portal":"https://x.example/ä?q=1&r=\\"2\\"","n":1.10,"deep":{"list":[1,2.50,null,"tab\\tx"]}}',
      ],
    )
  )[0]!;
  await source.database.query(`insert into contract (partner_id, type, title, value_minor, currency) values ($1, 'reseller_agreement', 'Big', 9007199254740993, 'CHF')`, [id]);
  await source.database.query(
    `insert into meeting_series (partner_id, title, cadence, rrule, start_local) values ($1, 'Sync', 'monthly', 'FREQ=MONTHLY', '2026-03-29 02:30:00.123456')`,
    [id],
  );
  await upload(id, 'contract.pdf', 'application/pdf', await makePdf('Signed contract'));
  await upload(id, 'logo.png', 'image/png', PNG);
  // Larger than one chunk of the file format, and not a multiple of it.
  await upload(id, 'big.pdf', 'application/pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(700_001)]));

  file = path.join(work, 'source.jsonl.gz');
  await backupTo(source.database, sourceStorage, file);
  original = await checksums(source.database);
  originalBytes = await storedBytes(source.database, sourceStorage);
}, 240_000);

afterAll(async () => {
  for (const f of opened) await f.close().catch(() => undefined);
  await source?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe(`backup and restore (${backend()} → ${other} → ${backend()})`, { timeout: 240_000 }, () => {
  it(`gives identical row checksums for every table and identical document bytes after a round trip through ${other === backend() ? 'a second embedded database' : 'the other backend'}`, async () => {
    // The source is worth the test: many tables hold rows, and the documents are in the file.
    expect(Object.keys(original).length).toBeGreaterThan(40);
    expect(Object.values(original).filter((c) => c.rows > 0).length).toBeGreaterThan(20);
    expect(Object.keys(originalBytes)).toHaveLength(3);

    const middle = await fresh(other);
    const s1 = await restoreBackup(middle.database, middle.storage, file);
    expect(s1.documents).toBe(3);
    expect(await checksums(middle.database)).toEqual(original);
    expect(await storedBytes(middle.database, middle.storage)).toEqual(originalBytes);

    const second = path.join(work, 'middle.jsonl.gz');
    const written = await backupTo(middle.database, middle.storage, second);
    expect(written).toMatchObject({ documents: 3, missing: [] });

    const last = await fresh(backend());
    await restoreBackup(last.database, last.storage, second);
    expect(await checksums(last.database)).toEqual(original);
    expect(await storedBytes(last.database, last.storage)).toEqual(originalBytes);

    // Sequences moved past the loaded ids: the next audit record does not collide.
    const [max] = await last.database.query<{ n: number }>('select max(id)::int as n from audit_log');
    const [next] = await last.database.query<{ id: number }>(`insert into audit_log (entity_type, entity_id, action) values ('test', 'x', 'next') returning id::int`);
    expect(next!.id).toBeGreaterThan(max!.n);
  });

  it('refuses a database that is not empty, saying so, and changes nothing', async () => {
    const before = fs.readdirSync(filesDir, { recursive: true }).sort();
    const err = await restoreBackup(source.database, sourceStorage, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as Error).message).toMatch(/^The database is not empty \(\d+ tables hold rows: .*\)\. Restore into an empty database, or pass --force/);
    expect(await checksums(source.database)).toEqual(original);
    expect(fs.readdirSync(filesDir, { recursive: true }).sort()).toEqual(before);
  });

  it('with --force replaces everything: rows and documents the backup does not have are gone, its own are back', async () => {
    const target = await fresh(backend());
    await restoreBackup(target.database, target.storage, file);
    // Changes after the backup: a new partner, a version pointing at a new object, and a row of the backup deleted.
    const { id } = (await target.database.query<{ id: string }>(`insert into partner (name, types) values ('After the backup', '{software_vendor}') returning id`))[0]!;
    const extraKey = `documents/${crypto.randomUUID()}/${crypto.randomUUID()}`;
    const spool = path.join(target.dir, 'extra.part');
    fs.writeFileSync(spool, 'extra');
    await target.storage.putFile(extraKey, spool, 5);
    await target.database.query(`update document_version set storage_key = $1 where id = (select min(id::text)::uuid from document_version)`, [extraKey]);
    await target.database.query(`delete from contract where value_minor = 9007199254740993`);
    expect(await checksums(target.database)).not.toEqual(original);

    await restoreBackup(target.database, target.storage, file, { force: true });
    expect(await checksums(target.database)).toEqual(original);
    expect(await storedBytes(target.database, target.storage)).toEqual(originalBytes);
    expect(await target.database.query('select 1 from partner where id = $1', [id])).toEqual([]);
    expect(fs.existsSync(path.join(target.dir, extraKey))).toBe(false);
  });

  it('refuses a truncated, damaged or tampered file before writing anything, saying what is wrong', async () => {
    const target = await fresh('pglite');
    const bytes = fs.readFileSync(file);
    const text = zlib.gunzipSync(bytes).toString('utf8');
    const variants: [string, Buffer, RegExp][] = [
      ['truncated', bytes.subarray(0, Math.floor(bytes.length / 2)), /^The backup file is truncated/],
      ['cut at a line', zlib.gzipSync(text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1)), /^The backup file is truncated: it ends before its closing record/],
      ['not gzip', Buffer.from('hello, I am not a backup'), /^The backup file is damaged or not a Partnerhub backup/],
      ['flipped byte', Buffer.from(bytes.map((b, i) => (i === Math.floor(bytes.length / 3) ? b ^ 0xff : b))), /^The backup file is (damaged|truncated)/],
      [
        'document bytes changed',
        zlib.gzipSync(text.replace(/"t":"chunk","data":"(.)/, (_m, c: string) => `"t":"chunk","data":"${c === 'A' ? 'B' : 'A'}`)),
        /do not match their size and SHA-256/,
      ],
      [
        'a row lost a column',
        zlib.gzipSync(text.replace(/("t":"rows","rows":\[\[)("[^"]*",)/, '$1')),
        /^The backup file is damaged: a row of table \w+ does not have its \d+ columns/,
      ],
      ['other JSON', zlib.gzipSync('{"hello":"world"}\n'), /^The backup file is damaged|^This is not a Partnerhub backup/],
    ];
    for (const [what, content, message] of variants) {
      const bad = path.join(work, `bad-${what.replace(/\W+/g, '-')}.gz`);
      fs.writeFileSync(bad, content);
      const err = await restoreBackup(target.database, target.storage, bad).catch((e: unknown) => e);
      expect(err, what).toBeInstanceOf(BackupFileError);
      expect((err as Error).message, what).toMatch(message);
      // Not even migrated: the schema is still empty, and storage holds nothing.
      expect(await inTransaction(target.database, 'snapshot', readTables), what).toEqual([]);
      expect(fs.readdirSync(target.dir), what).toEqual([]);
    }
  });
});
