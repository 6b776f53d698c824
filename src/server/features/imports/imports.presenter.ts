import type { Locale } from '../../../shared/i18n/locales.js';
import type { Import, ImportDefaults, ImportKind, ImportRow, ImportRowError, ImportSummary } from '../../../shared/schemas/import.js';
import { dataImport, dataImportRow } from '../../db/schema/index.js';
import { fieldMessageIn, translate } from '../../i18n.js';
import type { Msg } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import type { StoredError } from './imports.mapping.js';

type ImportRecord = typeof dataImport.$inferSelect;
type RowRecord = typeof dataImportRow.$inferSelect;
export type Counts = Import['counts'];
export interface Progress {
  done: number;
  total: number;
}

const PROGRESS_STALE_MS = 120_000;

function word(locale: Locale, text: string | Msg): string {
  if (typeof text === 'string') return text;
  const values = text.values && Object.fromEntries(Object.entries(text.values).map(([k, v]) => [k, typeof v === 'object' ? word(locale, v) : v]));
  return translate(locale, `errors:${text.key}`, values);
}

/** The column that holds a field, so the page can mark the cell (a website may come from a domain column). */
function columnOf(mapping: readonly (string | null)[], field: string | null): number | null {
  if (!field) return null;
  const names = field === 'website' ? ['website', 'domain'] : field === 'partnerId' ? ['partner'] : [field];
  for (const name of names) {
    const i = mapping.indexOf(name);
    if (i >= 0) return i;
  }
  return null;
}

/** A row's stored problem in the reader's language. */
export function presentError(locale: Locale, mapping: readonly (string | null)[], row: number, e: StoredError): ImportRowError {
  const field = e.field === 'partnerId' ? 'partner' : e.field;
  const message = e.issue ? fieldMessageIn(locale, e.issue) : word(locale, e.message ?? '');
  return { row, field, column: columnOf(mapping, e.field), message };
}

/** A running commit's progress: this process's own, else the one another instance wrote lately. */
function progressOf(r: ImportRecord, running: Progress | undefined): Progress | null {
  if (running) return running;
  if (r.progressAt && r.progressDone !== null && r.progressTotal !== null && Date.now() - r.progressAt.getTime() < PROGRESS_STALE_MS)
    return { done: r.progressDone, total: r.progressTotal };
  return null;
}

export function presentImportSummary(r: ImportRecord, actor: Actor, running?: Progress): ImportSummary {
  const progress = progressOf(r, running);
  const manager = actor.role === 'admin' || actor.role === 'manager';
  return {
    id: r.id,
    kind: r.kind as ImportKind,
    fileName: r.fileName,
    status: progress && r.status === 'pending' ? 'committing' : (r.status as Import['status']),
    createdBy: r.createdBy ? { id: r.createdBy, name: r.createdByName } : null,
    createdAt: r.createdAt.toISOString(),
    rowCount: r.rowCount,
    result: r.status === 'pending' ? null : { created: r.created, updated: r.updated, skipped: r.skipped },
    progress,
    committedAt: r.committedAt?.toISOString() ?? null,
    undoneAt: r.undoneAt?.toISOString() ?? null,
    version: r.version,
    can: { map: manager && r.status === 'pending' && !progress, commit: manager && r.status === 'pending' && !progress, undo: manager && r.status === 'committed' },
  };
}

export function presentImport(r: ImportRecord, counts: Counts, actor: Actor, running?: Progress): Import {
  return { ...presentImportSummary(r, actor, running), header: r.header, mapping: r.mapping, defaults: r.defaults as ImportDefaults, counts };
}

export function presentRow(locale: Locale, mapping: readonly (string | null)[], r: RowRecord): ImportRow {
  return {
    row: r.rowNo,
    cells: r.cells,
    errors: (r.errors as StoredError[]).map((e) => presentError(locale, mapping, r.rowNo, e)),
    duplicate: r.matchId ? { id: r.matchId, name: r.matchName ?? '', reason: r.matchReason as NonNullable<ImportRow['duplicate']>['reason'] } : null,
    decision: (r.decision ?? 'skip') as ImportRow['decision'],
    outcome: r.outcome as ImportRow['outcome'],
  };
}

/** What the audit trail keeps of an import. */
export const auditableImport = (r: ImportRecord) => ({
  kind: r.kind,
  fileName: r.fileName,
  status: r.status,
  rowCount: r.rowCount,
  mapping: r.mapping,
  created: r.created,
  updated: r.updated,
  skipped: r.skipped,
});
