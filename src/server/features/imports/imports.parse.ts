import fs from 'node:fs';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { IMPORT_MAX_COLUMNS } from '../../../shared/schemas/import.js';
import { fieldError, msg } from '../../lib/errors.js';

export type FileFormat = 'csv' | 'xlsx';

/** By name first, then by content: an XLSX is a ZIP archive ("PK"), anything else is read as CSV text. */
export async function formatOf(file: string, fileName: string): Promise<FileFormat> {
  const ext = fileName.toLowerCase().split('.').pop();
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    const zip = head[0] === 0x50 && head[1] === 0x4b;
    if (ext === 'xlsx' || zip) {
      if (!zip) throw fieldError('body.file', msg('imports.fileType'));
      return 'xlsx';
    }
    if (ext && !['csv', 'txt', 'tsv'].includes(ext) && ext !== fileName.toLowerCase()) throw fieldError('body.file', msg('imports.fileType'));
    return 'csv';
  } finally {
    await handle.close();
  }
}

/** The delimiter of the header line: exports from Excel in Switzerland use ";", most tools ",". */
async function sniffDelimiter(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    let line = '';
    let quoted = false;
    for (const ch of buf.subarray(0, bytesRead).toString('utf8')) {
      if (ch === '"') quoted = !quoted;
      if (!quoted && (ch === '\n' || ch === '\r')) break;
      if (!quoted) line += ch;
    }
    const count = (d: string) => line.split(d).length - 1;
    return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
  } finally {
    await handle.close();
  }
}

/** Cells as text the way the spreadsheet shows them: dates as days, links by their text, formulas by their result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  if ('error' in v) return '';
  return '';
}

const unreadable = (format: FileFormat, e: unknown) =>
  fieldError('body.file', msg('imports.unreadable', { format: format.toUpperCase(), reason: e instanceof Error ? e.message.slice(0, 200) : 'unknown error' }));

/**
 * The rows of the file, one array of cells each, header first, read as a stream: the file is never
 * in memory whole (csv-parse's stream; exceljs' streaming reader, first worksheet only). `row` is
 * the spreadsheet's row number.
 */
export async function* readRows(file: string, format: FileFormat): AsyncGenerator<{ row: number; cells: string[] }> {
  const trim = (cells: string[]) => {
    if (cells.length > IMPORT_MAX_COLUMNS) throw fieldError('body.file', msg('imports.tooManyColumns', { max: IMPORT_MAX_COLUMNS }));
    return cells;
  };
  if (format === 'csv') {
    const parser = fs
      .createReadStream(file)
      .pipe(parse({ bom: true, delimiter: await sniffDelimiter(file), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: 1024 * 1024 }));
    let row = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) yield { row: ++row, cells: trim(record) };
    } catch (e) {
      if ((e as { status?: number }).status) throw e;
      throw unreadable(format, e);
    }
    return;
  }
  // Loaded when an XLSX arrives: exceljs takes a third of a second to load, which no start should pay.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  try {
    for await (const sheet of reader) {
      for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
        // row.values is 1-based with a hole at 0.
        const values = (r.values as ExcelJS.CellValue[]).slice(1);
        const cells = trim(Array.from(values, cellText));
        if (cells.some((c) => c.trim())) yield { row: r.number, cells };
      }
      break;
    }
  } catch (e) {
    if ((e as { status?: number }).status) throw e;
    throw unreadable(format, e);
  }
}
