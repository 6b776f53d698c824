import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ExportFormat } from '../../shared/schemas/common.js';
import { zurichWallClock } from '../../shared/days.js';
import { csvCell } from './csv.js';
import { fieldError, msg } from './errors.js';
import { requestLocale, tFor } from '../i18n.js';

/** A calendar day ('YYYY-MM-DD', a due date, a contract's end): the day itself in CSV, a date cell in XLSX, never moved by a time zone. */
export class Day {
  constructor(readonly iso: string) {}
}
export const dayCell = (iso: string | null | undefined): Day | null => (iso ? new Day(iso) : null);

/** A cell's value: a Date is a moment, written as Zurich's wall-clock time; a Day is a calendar day. */
export type Cell = string | number | boolean | Date | Day | null | undefined;

/** One column of a list's export: its key (as the list's column chooser names it), its header in the reader's language, its value. */
export interface ExportColumn<R> {
  key: string;
  header: string;
  value: (row: R) => Cell;
}

/**
 * The columns a request asks for (`columns=name,status`), in the list's order when none are named.
 * An unknown key is a 400 that names it, before anything is read.
 */
export function chooseColumns<R>(all: ExportColumn<R>[], requested: string | undefined): ExportColumn<R>[] {
  if (!requested) return all;
  const keys = requested
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = keys.filter((k) => !all.some((c) => c.key === k));
  if (unknown.length) throw fieldError('querystring.columns', msg('common.unknownColumns', { columns: unknown.join(', '), known: all.map((c) => c.key).join(', ') }));
  return keys.map((k) => all.find((c) => c.key === k)!);
}

const TIME_ZONE = 'Europe/Zurich';
/** sv-SE formats as ISO-like "2026-03-01 14:30": sortable, and what spreadsheets read as a date. */
const localDateTime = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
export const exportDay = (d = new Date()) => localDateTime.format(d).slice(0, 10);

function csvValue(v: Cell): string | number {
  if (v === null || v === undefined) return '';
  if (v instanceof Day) return v.iso;
  if (v instanceof Date) return localDateTime.format(v);
  if (typeof v === 'number') return v;
  return csvCell(String(v));
}

const XLSX_DAY = 'yyyy-mm-dd';
const XLSX_MOMENT = 'yyyy-mm-dd hh:mm';
/** An XLSX cell's value and number format: days and moments as date cells a spreadsheet sorts and filters. */
function xlsxValue(v: Cell): { value: string | number | boolean | Date | null; numFmt?: string } {
  if (v instanceof Day) return { value: new Date(`${v.iso}T00:00:00Z`), numFmt: XLSX_DAY };
  // exceljs writes a Date's UTC fields: a 10:00 meeting would read 09:00 without the wall clock.
  if (v instanceof Date) return { value: zurichWallClock(v), numFmt: XLSX_MOMENT };
  return { value: v ?? null };
}

async function* csvRows<R>(rows: AsyncIterable<R> | Iterable<R>, columns: ExportColumn<R>[]) {
  yield columns.map((c) => c.header);
  for await (const row of rows) yield columns.map((c) => csvValue(c.value(row)));
}

/**
 * Streams rows as CSV (UTF-8 with a BOM so Excel reads umlauts, CRLF, formula-looking text kept as
 * text) or XLSX (exceljs' streaming writer: rows are written as they come, never the whole sheet in
 * memory; text cells are never formulas there).
 */
export function tableStream<R>(format: ExportFormat, rows: AsyncIterable<R> | Iterable<R>, columns: ExportColumn<R>[], sheetName = 'Export'): Readable {
  if (format === 'csv') return Readable.from(csvRows(rows, columns)).pipe(stringify({ bom: true, record_delimiter: 'windows' }));
  const out = new PassThrough();
  void (async () => {
    try {
      // exceljs takes a third of a second to load: only an XLSX export pays it, not every start.
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const sheet = book.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.min(60, Math.max(12, c.header.length + 2)) }));
      sheet.getRow(1).font = { bold: true };
      for await (const row of rows) {
        const cells = columns.map((c) => xlsxValue(c.value(row)));
        const added = sheet.addRow(cells.map((c) => c.value));
        cells.forEach((c, i) => {
          if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt;
        });
        added.commit();
      }
      sheet.commit();
      await book.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Sends a list's export as a download named `<name>-<day>.<format>`. */
export function sendTable<R>(reply: FastifyReply, name: string, format: ExportFormat, rows: AsyncIterable<R> | Iterable<R>, columns: ExportColumn<R>[]) {
  return reply
    .header('content-type', TYPES[format])
    .header('content-disposition', `attachment; filename="${name}-${exportDay()}.${format}"`)
    .header('cache-control', 'no-store')
    .send(tableStream(format, rows, columns, name));
}

/** What every export's query holds beside the list's own filters (`exportFields`). */
interface ExportQuery {
  format: ExportFormat;
  columns?: string;
  lang?: string;
}

/**
 * An export route's whole answer: the columns asked for, headed in the reader's language, over the
 * rows the list's filters select (the query without `format`, `columns` and `lang`).
 */
export async function sendExport<Q extends ExportQuery, R>(
  req: FastifyRequest & { query: Q },
  reply: FastifyReply,
  name: string,
  columnsOf: (t: ReturnType<typeof tFor>) => ExportColumn<R>[],
  rows: (filters: Omit<Q, keyof ExportQuery>) => AsyncIterable<R> | Iterable<R> | Promise<AsyncIterable<R> | Iterable<R>>,
) {
  const { format, columns, lang: _lang, ...filters } = req.query;
  // Columns first: an unknown one is a 400 before anything is read.
  const chosen = chooseColumns(columnsOf(tFor(requestLocale(req))), columns);
  return sendTable(reply, name, format, await rows(filters), chosen);
}

/** Reads a paged list function page after page, for an export of everything a filter matches; yields each page's items. */
export async function* allPages<T>(read: (page: number, pageSize: number) => Promise<{ items: T[] }>, pageSize = 500): AsyncGenerator<T[]> {
  for (let page = 1; ; page++) {
    const { items } = await read(page, pageSize);
    if (items.length) yield items;
    if (items.length < pageSize) return;
  }
}
