/**
 * The evidence as an Excel workbook (exceljs): the sheets and their rows come
 * from src/domain/evidence.ts (`evidenceSheets`); this file only lays them
 * out. Every text is a string cell, so a title that reads "=HYPERLINK(…)" is
 * never a formula; the hash is in a monospace font, as on the printed page.
 */
import ExcelJS from 'exceljs';

import { EVIDENCE_LABELS, type EvidenceSheet } from '../domain/evidence';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF999999' } };
const GRID: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const MONOSPACE: Partial<ExcelJS.Font> = { name: 'Consolas' };
// Excel refuses to open a cell longer than this without "repairing" the file.
const EXCEL_CELL_MAX = 32_767;

const cellValue = (value: string | number | null) =>
  typeof value === 'string' && value.length > EXCEL_CELL_MAX ? `${value.slice(0, EXCEL_CELL_MAX - 1)}…` : value;

/** The row the table's header is on: the heading's lines, then one blank row. */
export const headerRowOf = (sheet: Pick<EvidenceSheet, 'heading'>) => sheet.heading.length + 2;

function addSheet(workbook: ExcelJS.Workbook, data: EvidenceSheet): void {
  const headerRow = headerRowOf(data);
  const sheet = workbook.addWorksheet(data.name, { views: [{ state: 'frozen', ySplit: headerRow }] });
  data.heading.forEach((line, i) => (sheet.getCell(i + 1, 1).value = cellValue(line)));
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.getRow(headerRow);
  header.values = [...data.header];
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = GRID;
  });
  const hashColumn = data.header.indexOf(EVIDENCE_LABELS.hash) + 1;
  for (const values of data.rows) {
    const row = sheet.addRow(values.map(cellValue));
    for (let c = 1; c <= data.header.length; c++) {
      const cell = row.getCell(c);
      cell.border = GRID;
      cell.alignment = { vertical: 'top', wrapText: true };
    }
    if (hashColumn > 0) row.getCell(hashColumn).font = MONOSPACE;
  }
  data.header.forEach((name, i) => {
    const longest = Math.max(name.length, ...data.rows.map((r) => String(r[i] ?? '').length));
    // A hash is 64 characters and must stay on one line to be copied whole.
    sheet.getColumn(i + 1).width = i + 1 === hashColumn ? 68 : Math.min(50, Math.max(10, longest + 2));
  });
  if (data.footer.length) sheet.addRow([]);
  for (const line of data.footer) sheet.addRow([cellValue(line)]);
}

export async function evidenceWorkbook(
  sheets: readonly EvidenceSheet[],
  options: { generatedAt: Date; title: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Dated by the evidence, not by the machine's clock.
  workbook.created = options.generatedAt;
  workbook.modified = options.generatedAt;
  workbook.title = options.title;
  for (const sheet of sheets) addSheet(workbook, sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
