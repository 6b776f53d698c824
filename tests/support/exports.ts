import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

// Reading a list's export back as a spreadsheet program would: the CSV's rows (without the BOM
// Excel needs) and the XLSX's first sheet.

export const csvRows = (body: string) => parse(body.replace(/^\uFEFF/, '')) as string[][];

export async function xlsxSheet(res: { rawPayload: Buffer }): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}
