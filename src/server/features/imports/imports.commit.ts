import { and, asc, desc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { contact, dataImport, dataImportRow, partner } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { staleVersion } from '../../lib/versioned.js';
import type { ImportKind } from '../../../shared/schemas/import.js';
import { createContact, getContact, setContactArchived, updateContact } from '../contacts/index.js';
import { createPartner, getPartner, setArchived, updatePartner } from '../partners/index.js';
import { mappedFields, type StoredError } from './imports.mapping.js';
import { auditableImport } from './imports.presenter.js';
import { CHUNK, findImport, IMPORT, lockImport, running, type ImportRecord } from './imports.service.js';

/**
 * The partners' and contacts' services open their own transaction; given ours, drizzle makes that a
 * savepoint inside it. So every row goes through the same rules and audit as the forms, one row's
 * failure rolls back only that row (a dry run reports it and goes on), and the commit stays one
 * transaction: all rows or none.
 */
const inside = (tx: Tx) => tx as unknown as Db;

export interface RowError extends StoredError {
  row: number;
}
export interface CommitOutcome {
  dryRun: boolean;
  created: number;
  updated: number;
  skipped: number;
  errors: RowError[];
  record: ImportRecord;
}
/** Enough to fix a file; a file with more failing rows says so by its count. */
const ERRORS_MAX = 500;

/** Ends the transaction without keeping anything, carrying what it found. */
class RollBack extends Error {
  constructor(readonly outcome: Omit<CommitOutcome, 'record'>) {
    super('rolled back');
  }
}

function errorsOf(row: number, e: AppError): RowError[] {
  if (e.fieldErrors?.length) return e.fieldErrors.map((f) => ({ row, field: f.path.replace(/^body\./, ''), message: f.message, issue: f.issue }));
  return [{ row, field: null, message: e.detail ?? e.message }];
}

const pick = (o: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

interface Written {
  recordId: string;
  recordVersion: number;
  previous?: Record<string, unknown>;
}

function writer(tx: Tx, kind: ImportKind, mapping: readonly (string | null)[], actor: Actor) {
  const db = inside(tx);
  const fields = mappedFields(kind, mapping);
  return {
    async create(body: Record<string, unknown>, partnerId: string | null): Promise<Written> {
      const rec = kind === 'partners' ? await createPartner(db, body as never, actor) : await createContact(db, { ...body, partnerId } as never, actor);
      return { recordId: rec.id, recordVersion: rec.version };
    },
    /** Only the columns the file maps: an empty cell or a default never overwrites what is there. */
    async update(id: string, body: Record<string, unknown>): Promise<Written> {
      const patch = pick(body, fields);
      const current = (kind === 'partners' ? await getPartner(tx, id) : await getContact(tx, id)) as unknown as Record<string, unknown> & { version: number };
      const previous = pick(current, Object.keys(patch));
      const input = { ...patch, version: current.version } as never;
      const rec = kind === 'partners' ? await updatePartner(db, id, input, actor) : await updateContact(db, id, input, actor);
      return { recordId: rec.id, recordVersion: rec.version, previous };
    },
  };
}

/**
 * Commits an import in one transaction, in chunks of rows; or, as a dry run, does the same and rolls
 * it back. Progress is kept for this process and, on PostgreSQL, written outside the transaction so
 * that any instance can report it (PGlite is one connection: a write outside would wait for us).
 */
export async function commitImport(db: Db, id: string, opts: { version: number; dryRun: boolean; shareProgress: boolean }, actor: Actor): Promise<CommitOutcome> {
  const progress = { done: 0, total: 0 };
  let started = false;
  const report = async () => {
    if (opts.shareProgress)
      await db
        .update(dataImport)
        .set({ progressDone: progress.done, progressTotal: progress.total, progressAt: sql`now()` })
        .where(eq(dataImport.id, id));
  };
  try {
    const record = await db.transaction(async (tx) => {
      await lockImport(tx, id);
      const imp = await findImport(tx, id);
      if (imp.status !== 'pending') throw new AppError('conflict', msg('imports.notPending'));
      if (running.has(id)) throw new AppError('conflict', msg('imports.running'));
      if (imp.version !== opts.version) throw staleVersion(IMPORT, opts.version, imp.version);
      running.set(id, progress);
      started = true;
      const kind = imp.kind as ImportKind;
      const [counts] = await tx
        .select({
          work: sql<number>`count(*) filter (where ${dataImportRow.decision} in ('create', 'update'))`.mapWith(Number),
          skipped: sql<number>`count(*) filter (where ${dataImportRow.decision} = 'skip')`.mapWith(Number),
        })
        .from(dataImportRow)
        .where(eq(dataImportRow.importId, id));
      progress.total = counts!.work;
      await report();
      const write = writer(tx, kind, imp.mapping, actor);
      const errors: RowError[] = [];
      let created = 0;
      let updated = 0;
      let failed = 0;
      let after = 0;
      for (;;) {
        const rows = await tx
          .select()
          .from(dataImportRow)
          .where(and(eq(dataImportRow.importId, id), gt(dataImportRow.rowNo, after), inArray(dataImportRow.decision, ['create', 'update'])))
          .orderBy(asc(dataImportRow.rowNo))
          .limit(CHUNK);
        if (!rows.length) break;
        const outcomes: { row_no: number; outcome: string; record_id: string; record_version: number; previous: Record<string, unknown> | null }[] = [];
        for (const r of rows) {
          try {
            const w = r.decision === 'update' && r.matchId ? await write.update(r.matchId, r.body ?? {}) : await write.create(r.body ?? {}, r.partnerId);
            if (r.decision === 'update') updated++;
            else created++;
            outcomes.push({
              row_no: r.rowNo,
              outcome: r.decision === 'update' ? 'updated' : 'created',
              record_id: w.recordId,
              record_version: w.recordVersion,
              previous: w.previous ?? null,
            });
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            failed++;
            if (errors.length < ERRORS_MAX) errors.push(...errorsOf(r.rowNo, e));
          }
        }
        if (!opts.dryRun && !failed && outcomes.length) {
          await tx.execute(sql`update data_import_row r set outcome = x.outcome, record_id = x.record_id, record_version = x.record_version, previous = x.previous
            from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) as x(row_no int, outcome text, record_id uuid, record_version int, previous jsonb)
            where r.import_id = ${id} and r.row_no = x.row_no`);
        }
        progress.done += rows.length;
        await report();
        after = rows.at(-1)!.rowNo;
      }
      const outcome = { dryRun: opts.dryRun, created, updated, skipped: counts!.skipped, errors };
      if (opts.dryRun || failed) throw new RollBack(outcome);
      await tx
        .update(dataImportRow)
        .set({ outcome: 'skipped' })
        .where(and(eq(dataImportRow.importId, id), eq(dataImportRow.decision, 'skip')));
      const [saved] = await tx
        .update(dataImport)
        .set({ status: 'committed', created, updated, skipped: counts!.skipped, committedAt: sql`now()`, version: sql`${dataImport.version} + 1`, updatedAt: sql`now()` })
        .where(eq(dataImport.id, id))
        .returning();
      await recordAudit(tx, { actor, entityType: 'import', entityId: id, action: 'commit', before: auditableImport(imp), after: auditableImport(saved!) });
      return { outcome, saved: saved! };
    });
    return { ...record.outcome, record: record.saved };
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
    return { ...e.outcome, record: await findImport(db, id) };
  } finally {
    if (started) running.delete(id);
    if (started && opts.shareProgress) await db.update(dataImport).set({ progressDone: null, progressTotal: null, progressAt: null }).where(eq(dataImport.id, id));
  }
}

/**
 * Undoes a committed import while nothing it wrote has changed since: archives what it created and
 * puts back the values it replaced, through the services (audited as usual), in one transaction.
 * A record edited since (its version moved on) makes it a 409 that names the records.
 */
export async function undoImport(db: Db, id: string, version: number, actor: Actor): Promise<ImportRecord> {
  return db.transaction(async (tx) => {
    await lockImport(tx, id);
    const imp = await findImport(tx, id);
    if (imp.status !== 'committed') throw new AppError('conflict', msg('imports.notCommitted'));
    if (imp.version !== version) throw staleVersion(IMPORT, version, imp.version);
    const table = imp.kind === 'partners' ? partner : contact;
    const name = imp.kind === 'partners' ? partner.name : sql<string>`${contact.firstName} || ' ' || ${contact.lastName}`;
    // Per record, the version its last row of the import left it at (a file may update one record twice).
    const expected = tx
      .selectDistinctOn([dataImportRow.recordId], { recordId: dataImportRow.recordId, recordVersion: dataImportRow.recordVersion })
      .from(dataImportRow)
      .where(and(eq(dataImportRow.importId, id), isNotNull(dataImportRow.recordId)))
      .orderBy(dataImportRow.recordId, desc(dataImportRow.rowNo))
      .as('expected');
    const changed = await tx
      .select({ id: expected.recordId, name })
      .from(expected)
      .leftJoin(table, eq(table.id, expected.recordId))
      .where(sql`${table.version} is distinct from ${expected.recordVersion}`)
      .limit(21);
    if (changed.length) {
      const [n] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(expected)
        .leftJoin(table, eq(table.id, expected.recordId))
        .where(sql`${table.version} is distinct from ${expected.recordVersion}`);
      const names = changed.slice(0, 20).map((c) => c.name ?? c.id);
      throw new AppError('conflict', msg('imports.changedSince', { count: n!.n, names: names.join(', ') + (n!.n > 20 ? ', …' : '') }));
    }
    const inTx = inside(tx);
    let before = 2_147_483_647;
    for (;;) {
      // Last row first, so a record updated twice gets back the values from before the first update.
      const rows = await tx
        .select()
        .from(dataImportRow)
        .where(and(eq(dataImportRow.importId, id), sql`${dataImportRow.rowNo} < ${before}`, isNotNull(dataImportRow.recordId)))
        .orderBy(desc(dataImportRow.rowNo))
        .limit(CHUNK);
      if (!rows.length) break;
      for (const r of rows) {
        const [current] = await tx.select({ version: table.version }).from(table).where(eq(table.id, r.recordId!));
        if (r.outcome === 'created') {
          if (imp.kind === 'partners') await setArchived(inTx, r.recordId!, true, current!.version, actor);
          else await setContactArchived(inTx, r.recordId!, true, current!.version, actor);
        } else if (r.outcome === 'updated' && r.previous) {
          const input = { ...r.previous, version: current!.version } as never;
          if (imp.kind === 'partners') await updatePartner(inTx, r.recordId!, input, actor);
          else await updateContact(inTx, r.recordId!, input, actor);
        }
      }
      before = rows.at(-1)!.rowNo;
    }
    const [saved] = await tx
      .update(dataImport)
      .set({ status: 'undone', undoneAt: sql`now()`, version: sql`${dataImport.version} + 1`, updatedAt: sql`now()` })
      .where(eq(dataImport.id, id))
      .returning();
    await recordAudit(tx, { actor, entityType: 'import', entityId: id, action: 'undo', before: auditableImport(imp), after: auditableImport(saved!) });
    return saved!;
  });
}
