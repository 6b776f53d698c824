import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { dataImport, dataImportRow } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, msg, notFound } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { staleVersion } from '../../lib/versioned.js';
import type { Page } from '../../../shared/list.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import {
  IMPORT_FIELDS,
  IMPORT_MAX_ROWS,
  type Import,
  type ImportDefaults,
  type ImportKind,
  type ImportRow,
  type ImportSummary,
  type ListImportRowsQuery,
  type importDecisionsBody,
  type importMappingBody,
} from '../../../shared/schemas/import.js';
import type { z } from 'zod';
import { findDuplicates } from './imports.duplicates.js';
import { judgeRow, proposeMapping } from './imports.mapping.js';
import { readRows, type FileFormat } from './imports.parse.js';
import { auditableImport, presentImport, presentImportSummary, presentRow, type Counts, type Progress } from './imports.presenter.js';

export type ImportRecord = typeof dataImport.$inferSelect;
export const IMPORT = { what: msg('imports.what'), the: msg('imports.the') };
/** Rows read, judged or written per statement: large enough to be quick, small enough to keep memory flat. */
export const CHUNK = 500;

/** Commits running in this process, for the progress its own requests report (see decision 0024). */
export const running = new Map<string, Progress>();

/** One change to an import at a time (analysis, decisions, commit, undo), on any instance. */
export const lockImport = (tx: Tx, id: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`data_import:${id}`}))`);

export async function findImport(db: DbOrTx, id: string): Promise<ImportRecord> {
  const [row] = await db.select().from(dataImport).where(eq(dataImport.id, id));
  if (!row) throw notFound(IMPORT.what);
  return row;
}

/** Reads the import under the lock and checks that it may still change and has the version the caller saw. */
async function pendingImport(tx: Tx, id: string, version: number): Promise<ImportRecord> {
  await lockImport(tx, id);
  const row = await findImport(tx, id);
  if (row.status !== 'pending') throw new AppError('conflict', msg('imports.notPending'));
  if (running.has(id)) throw new AppError('conflict', msg('imports.running'));
  if (row.version !== version) throw staleVersion(IMPORT, version, row.version);
  return row;
}

export async function countsOf(db: DbOrTx, id: string): Promise<Counts> {
  const [c] = await db
    .select({
      rows: sql<number>`count(*)`.mapWith(Number),
      errors: sql<number>`count(*) filter (where jsonb_array_length(${dataImportRow.errors}) > 0)`.mapWith(Number),
      duplicates: sql<number>`count(${dataImportRow.matchId})`.mapWith(Number),
      create: sql<number>`count(*) filter (where ${dataImportRow.decision} = 'create')`.mapWith(Number),
      update: sql<number>`count(*) filter (where ${dataImportRow.decision} = 'update')`.mapWith(Number),
      skip: sql<number>`count(*) filter (where ${dataImportRow.decision} = 'skip')`.mapWith(Number),
    })
    .from(dataImportRow)
    .where(eq(dataImportRow.importId, id));
  return c!;
}

export async function getImport(db: DbOrTx, id: string, actor: Actor): Promise<Import> {
  const row = await findImport(db, id);
  return presentImport(row, await countsOf(db, id), actor, running.get(id));
}

export async function listImports(db: Db, q: { page: number; pageSize: number }, actor: Actor): Promise<Page<ImportSummary>> {
  const rows = await db
    .select({ r: dataImport, total: sql<number>`count(*) over()`.mapWith(Number) })
    .from(dataImport)
    .orderBy(desc(dataImport.createdAt), desc(dataImport.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(({ r }) => presentImportSummary(r, actor, running.get(r.id))), page: q.page, pageSize: q.pageSize, total: rows[0]?.total ?? 0 };
}

export async function listRows(db: Db, id: string, q: ListImportRowsQuery, locale: Locale): Promise<Page<ImportRow>> {
  const imp = await findImport(db, id);
  const filter = q.show === 'errors' ? sql`jsonb_array_length(${dataImportRow.errors}) > 0` : q.show === 'duplicates' ? sql`${dataImportRow.matchId} is not null` : undefined;
  const where = and(eq(dataImportRow.importId, id), filter);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(dataImportRow)
      .where(where)
      .orderBy(asc(dataImportRow.rowNo))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(dataImportRow)
      .where(where),
  ]);
  return { items: rows.map((r) => presentRow(locale, imp.mapping, r)), page: q.page, pageSize: q.pageSize, total: count!.n };
}

/**
 * Judges every row with the mapping: validation by the shared create body, then duplicates. The
 * decisions start over: a row with errors is skipped, a duplicate skipped until someone decides,
 * the rest created.
 */
async function analyse(tx: Tx, imp: Pick<ImportRecord, 'id' | 'kind' | 'mapping' | 'defaults'>): Promise<void> {
  const kind = imp.kind as ImportKind;
  let after = 0;
  for (;;) {
    const rows = await tx
      .select({ rowNo: dataImportRow.rowNo, cells: dataImportRow.cells })
      .from(dataImportRow)
      .where(and(eq(dataImportRow.importId, imp.id), gt(dataImportRow.rowNo, after)))
      .orderBy(asc(dataImportRow.rowNo))
      .limit(CHUNK);
    if (!rows.length) break;
    const judged = rows.map((r) => {
      const j = judgeRow(kind, imp.mapping, imp.defaults as ImportDefaults, r.cells);
      return { row_no: r.rowNo, body: j.values, keys: j.keys, errors: j.errors };
    });
    await tx.execute(sql`update data_import_row r set body = x.body, keys = x.keys, errors = x.errors
      from jsonb_to_recordset(${JSON.stringify(judged)}::jsonb) as x(row_no int, body jsonb, keys jsonb, errors jsonb)
      where r.import_id = ${imp.id} and r.row_no = x.row_no`);
    after = rows.at(-1)!.rowNo;
  }
  await findDuplicates(tx, imp.id, kind);
  await tx.execute(sql`update data_import_row set decision = case when jsonb_array_length(errors) > 0 or match_id is not null then 'skip' else 'create' end
    where import_id = ${imp.id}`);
}

/** Reads the spooled file as a stream into the import's rows, then judges them with the mapping proposed from the header. */
export async function createImport(db: Db, file: { path: string; fileName: string; format: FileFormat }, kind: ImportKind, actor: Actor): Promise<ImportRecord> {
  return db.transaction(async (tx) => {
    let imp: ImportRecord | undefined;
    let batch: { importId: string; rowNo: number; cells: string[] }[] = [];
    let count = 0;
    const flush = async () => {
      if (batch.length) await tx.insert(dataImportRow).values(batch);
      batch = [];
    };
    for await (const { row, cells } of readRows(file.path, file.format)) {
      if (!imp) {
        const header = cells.map((h, i) => h.trim() || `#${i + 1}`);
        [imp] = await tx
          .insert(dataImport)
          .values({ kind, fileName: file.fileName, createdBy: actor.id, createdByName: actor.name, header, mapping: proposeMapping(kind, header) })
          .returning();
        continue;
      }
      if (++count > IMPORT_MAX_ROWS) throw fieldError('body.file', msg('imports.tooManyRows', { max: IMPORT_MAX_ROWS }));
      batch.push({ importId: imp.id, rowNo: row, cells });
      if (batch.length >= CHUNK) await flush();
    }
    if (!imp) throw fieldError('body.file', msg('imports.noHeader'));
    await flush();
    const [saved] = await tx.update(dataImport).set({ rowCount: count }).where(eq(dataImport.id, imp.id)).returning();
    await analyse(tx, saved!);
    await recordAudit(tx, { actor, entityType: 'import', entityId: saved!.id, action: 'create', before: null, after: auditableImport(saved!) });
    return saved!;
  });
}

type MappingInput = z.output<typeof importMappingBody>;

function checkMapping(kind: ImportKind, header: readonly string[], mapping: readonly (string | null)[]) {
  if (mapping.length !== header.length) throw fieldError('body.mapping', msg('imports.mappingLength', { count: header.length }));
  const seen = new Set<string>();
  mapping.forEach((field, i) => {
    if (!field) return;
    if (!(IMPORT_FIELDS[kind] as readonly string[]).includes(field)) throw fieldError(`body.mapping.${i}`, msg('imports.fieldOfOtherKind', { field, kind }));
    if (seen.has(field)) throw fieldError(`body.mapping.${i}`, msg('imports.fieldTwice', { field }));
    seen.add(field);
  });
}

export async function setMapping(db: Db, id: string, body: MappingInput, actor: Actor): Promise<ImportRecord> {
  return db.transaction(async (tx) => {
    const before = await pendingImport(tx, id, body.version);
    checkMapping(before.kind as ImportKind, before.header, body.mapping);
    const defaults = before.kind === 'partners' ? body.defaults : {};
    const [after] = await tx
      .update(dataImport)
      .set({ mapping: body.mapping, defaults, version: sql`${dataImport.version} + 1`, updatedAt: sql`now()` })
      .where(eq(dataImport.id, id))
      .returning();
    await analyse(tx, after!);
    await recordAudit(tx, { actor, entityType: 'import', entityId: id, action: 'map', before: auditableImport(before), after: auditableImport(after!) });
    return after!;
  });
}

type DecisionsInput = z.output<typeof importDecisionsBody>;

/** Per-row choices for duplicates (skip, update, create anyway); a row with errors can only be skipped. */
export async function setDecisions(db: Db, id: string, body: DecisionsInput, actor: Actor): Promise<ImportRecord> {
  return db.transaction(async (tx) => {
    await pendingImport(tx, id, body.version);
    if (body.duplicates) {
      await tx
        .update(dataImportRow)
        .set({ decision: body.duplicates })
        .where(and(eq(dataImportRow.importId, id), sql`${dataImportRow.matchId} is not null and jsonb_array_length(${dataImportRow.errors}) = 0`));
    }
    const wanted = new Map(body.rows.map((r) => [r.row, r.decision]));
    const found = wanted.size
      ? await tx
          .select({ rowNo: dataImportRow.rowNo, matchId: dataImportRow.matchId, errors: dataImportRow.errors })
          .from(dataImportRow)
          .where(and(eq(dataImportRow.importId, id), inArray(dataImportRow.rowNo, [...wanted.keys()])))
      : [];
    const byRow = new Map(found.map((r) => [r.rowNo, r]));
    for (const [row, decision] of wanted) {
      const r = byRow.get(row);
      if (!r) throw fieldError('body.rows', msg('imports.unknownRow', { row }));
      if (decision !== 'skip' && r.errors.length) throw fieldError('body.rows', msg('imports.rowHasErrors', { row }));
      if (decision === 'update' && !r.matchId) throw fieldError('body.rows', msg('imports.noDuplicate', { row }));
    }
    for (const decision of ['skip', 'update', 'create'] as const) {
      const rows = [...wanted].filter(([, d]) => d === decision).map(([row]) => row);
      if (rows.length)
        await tx
          .update(dataImportRow)
          .set({ decision })
          .where(and(eq(dataImportRow.importId, id), inArray(dataImportRow.rowNo, rows)));
    }
    const [after] = await tx
      .update(dataImport)
      .set({ version: sql`${dataImport.version} + 1`, updatedAt: sql`now()` })
      .where(eq(dataImport.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      entityType: 'import',
      entityId: id,
      action: 'decide',
      before: null,
      after: { duplicates: body.duplicates ?? null, rows: body.rows.slice(0, 100) },
    });
    return after!;
  });
}
