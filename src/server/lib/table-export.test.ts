import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { allPages, chooseColumns, dayCell, tableStream, type ExportColumn } from './table-export.js';

interface Row {
  name: string;
  count: number;
  at: Date | null;
  due: string | null;
}
const columns: ExportColumn<Row>[] = [
  { key: 'name', header: 'Name', value: (r) => r.name },
  { key: 'count', header: 'Anzahl', value: (r) => r.count },
  { key: 'at', header: 'Zuletzt', value: (r) => r.at },
  { key: 'due', header: 'Fällig', value: (r) => dayCell(r.due) },
];
const rows: Row[] = [
  // 23:30 in Zurich on 1 August: a summer evening, an hour from the next day in UTC+2.
  { name: '=HYPERLINK("http://evil")', count: 3, at: new Date('2026-03-01T13:30:00Z'), due: '2026-08-01' },
  { name: 'Zürich AG', count: 0, at: new Date('2026-08-01T21:30:00Z'), due: null },
];

describe('table export', () => {
  it('writes CSV with a BOM, the headers given, formulas kept as text and local times', async () => {
    const bytes = await buffer(tableStream('csv', rows, columns));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parse(bytes.toString('utf8').slice(1)) as string[][];
    expect(parsed).toEqual([
      ['Name', 'Anzahl', 'Zuletzt', 'Fällig'],
      ['\'=HYPERLINK("http://evil")', '3', '2026-03-01 14:30', '2026-08-01'],
      ['Zürich AG', '0', '2026-08-01 23:30', ''],
    ]);
  });

  it('writes XLSX that exceljs reads back, numbers as numbers, text never a formula, times as Zurich shows them, days as days', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buffer(tableStream('xlsx', rows, columns, 'partners'))) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('partners')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Anzahl', 'Zuletzt', 'Fällig']);
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("http://evil")');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').value).toBe(3);
    // A spreadsheet has no time zones: the cell holds the wall-clock time a colleague in Zurich saw (exceljs reads it as UTC).
    expect((sheet.getCell('C2').value as Date).toISOString()).toBe('2026-03-01T14:30:00.000Z');
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((sheet.getCell('C3').value as Date).toISOString()).toBe('2026-08-01T23:30:00.000Z');
    expect((sheet.getCell('D2').value as Date).toISOString()).toBe('2026-08-01T00:00:00.000Z');
    expect(sheet.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('A3').value).toBe('Zürich AG');
    expect(sheet.rowCount).toBe(3);
  });

  it('exports the columns asked for, in that order, and names unknown ones', () => {
    expect(chooseColumns(columns, undefined).map((c) => c.key)).toEqual(['name', 'count', 'at', 'due']);
    expect(chooseColumns(columns, 'at,name').map((c) => c.key)).toEqual(['at', 'name']);
    try {
      chooseColumns(columns, 'name,secret');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).toProblem(undefined, 'de').errors).toEqual([
        { path: 'querystring.columns', message: 'nennt unbekannte Spalten: secret (bekannt: name, count, at, due)' },
      ]);
    }
  });

  it('reads every page of a paged list', async () => {
    const all = Array.from({ length: 7 }, (_, i) => i);
    const read = async (page: number, size: number) => ({ items: all.slice((page - 1) * size, page * size) });
    const got: number[][] = [];
    for await (const page of allPages(read, 3)) got.push(page);
    expect(got).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });
});
