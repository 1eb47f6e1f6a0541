/**
 * The district report as an Excel workbook (.xlsx), written with exceljs.
 * "Tổng hợp" is the table the district reads: the same words as the HTML page
 * (cellText, totalText, yearTotalText, the labels in src/domain/district.ts),
 * coloured the same way. "Chi tiết" is the same data as plain values, one row
 * per school and quarter, for filtering and pivot tables. Every text is
 * written as a string cell: a school named "=HYPERLINK(…)" is never a formula.
 */
import ExcelJS from 'exceljs';

import {
  cellStatusCode,
  cellText,
  DISTRICT_LABELS,
  type DistrictMatrix,
  type DistrictRow,
  generatedAtText,
  matrixYears,
  ORIGIN_LABELS,
  totalText,
  yearLabel,
  yearTotal,
  yearTotalText,
} from '../domain/district';
import { parseQuarterId, quarterLabel } from '../domain/quarters';

export const SUMMARY_SHEET = 'Tổng hợp';
export const DETAIL_SHEET = 'Chi tiết';

/** Where the summary's table starts: title, generation time, then the header. */
export const SUMMARY_HEADER_ROW = 3;

/** Stable column names, as the CSV has them. */
export const DETAIL_COLUMNS = [
  'school',
  'district',
  'origin',
  'source',
  'report_error',
  'quarter',
  'status',
  'count',
  'late',
] as const;

// The HTML page's colours (src/domain/district.ts), as ARGB.
const FILL: Record<ReturnType<typeof cellStatusCode>, ExcelJS.Fill> = {
  covered: solid('FFDCFCE7'),
  missed: solid('FFFECACA'),
  'in-progress': solid('FFFEF3C7'),
  'not-tracked': { type: 'pattern', pattern: 'none' },
  'no-data': { type: 'pattern', pattern: 'lightUp', fgColor: { argb: 'FFD1D5DB' }, bgColor: { argb: 'FFF3F4F6' } },
};
const HEADER_FILL = solid('FFEEEEEE');
const ERROR_FILL = solid('FFFECACA');
const LATE_EDGE: Partial<ExcelJS.Border> = { style: 'dashed', color: { argb: 'FFB45309' } };
const THIN_EDGE: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF999999' } };
const GRID: Partial<ExcelJS.Borders> = { top: THIN_EDGE, left: THIN_EDGE, bottom: THIN_EDGE, right: THIN_EDGE };

// Excel refuses to open a cell longer than this without "repairing" the file.
const EXCEL_CELL_MAX = 32_767;

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** A text cell, or an empty one (not an empty string) when there is nothing to say. */
const text = (value: string | null) =>
  !value ? null : value.length > EXCEL_CELL_MAX ? `${value.slice(0, EXCEL_CELL_MAX - 1)}…` : value;

function schoolName(r: DistrictRow): string {
  return r.error ? DISTRICT_LABELS.unreadable : r.school || DISTRICT_LABELS.unnamed;
}

function note(r: DistrictRow): string {
  if (r.error) return r.error;
  return r.alsoListedAs.length ? `${DISTRICT_LABELS.alsoListed}: ${r.alsoListedAs.join(', ')}` : '';
}

/** Widths in characters from what the table's rows hold, within bounds a screen can show. */
function setWidths(sheet: ExcelJS.Worksheet, fromRow: number, toRow: number): void {
  for (let c = 1; c <= sheet.columnCount; c++) {
    let longest = 0;
    for (let r = fromRow; r <= toRow; r++) longest = Math.max(longest, String(sheet.getCell(r, c).value ?? '').length);
    sheet.getColumn(c).width = Math.min(50, Math.max(10, longest + 2));
  }
}

function summarySheet(workbook: ExcelJS.Workbook, matrix: DistrictMatrix, generatedAt: Date, title: string): void {
  const L = DISTRICT_LABELS;
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: SUMMARY_HEADER_ROW }],
  });
  const first = 5; // first quarter column: after school, district, origin, missed
  sheet.getCell(1, 1).value = text(title);
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = generatedAtText(generatedAt);

  const header = sheet.getRow(SUMMARY_HEADER_ROW);
  header.values = [
    L.school,
    L.district,
    L.origin,
    L.missed,
    ...matrix.quarters.map((q) => quarterLabel(q)),
    L.source,
    L.note,
  ];
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = GRID;
  });

  for (const r of matrix.rows) {
    const row = sheet.addRow([
      text(schoolName(r)),
      text(r.district),
      ORIGIN_LABELS[r.origin],
      r.error ? '—' : r.missed,
      ...r.cells.map(cellText),
      text(r.source),
      text(note(r)),
    ]);
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = GRID));
    if (r.error) row.getCell(1).fill = ERROR_FILL;
    r.cells.forEach((c, i) => {
      const cell = row.getCell(first + i);
      cell.fill = FILL[cellStatusCode(c)];
      if (c.kind === 'reported' && c.status === 'missed') cell.font = { bold: true };
      if (c.kind === 'reported' && c.late)
        cell.border = { top: LATE_EDGE, left: LATE_EDGE, bottom: LATE_EDGE, right: LATE_EDGE };
    });
  }

  const totals = sheet.addRow([L.totals, null, null, null, ...matrix.totals.map(totalText)]);
  // The year's figure under that year's quarters, one merged cell per year.
  const years = sheet.addRow([L.yearTotal]);
  years.height = 32; // two lines: Excel does not grow a row for wrapped text in merged cells
  for (const year of matrixYears(matrix)) {
    const columns = matrix.quarters.flatMap((q, i) => (parseQuarterId(q).year === year ? [first + i] : []));
    years.getCell(columns[0]!).value = `${yearLabel(year)}: ${yearTotalText(yearTotal(matrix, year))}`;
    if (columns.length > 1) sheet.mergeCells(years.number, columns[0]!, years.number, columns.at(-1)!);
  }
  for (const row of [totals, years]) {
    for (let c = 1; c < first + matrix.quarters.length; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = GRID;
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  // The year row wraps in its cells and the notes below overflow freely: neither sets a width.
  setWidths(sheet, SUMMARY_HEADER_ROW, totals.number);
  for (const line of [L.legend, L.yearRule]) sheet.addRow([line]);
}

function detailSheet(workbook: ExcelJS.Workbook, matrix: DistrictMatrix): void {
  const sheet = workbook.addWorksheet(DETAIL_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...DETAIL_COLUMNS]).font = { bold: true };
  for (const r of matrix.rows) {
    r.cells.forEach((c, i) => {
      sheet.addRow([
        text(r.school),
        text(r.district),
        r.origin,
        text(r.source),
        text(r.error),
        matrix.quarters[i]!,
        cellStatusCode(c),
        // Empty, not 0, where the report says nothing about the quarter.
        c.kind === 'reported' ? c.count : null,
        c.kind === 'reported' ? c.late : null,
      ]);
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rowCount, column: DETAIL_COLUMNS.length } };
  setWidths(sheet, 1, sheet.rowCount);
}

export async function districtWorkbook(
  matrix: DistrictMatrix,
  options: { generatedAt: Date; title?: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Dated by the report, not by the machine's clock: the same matrix gives the same workbook.
  workbook.created = options.generatedAt;
  workbook.modified = options.generatedAt;
  workbook.title = options.title ?? DISTRICT_LABELS.title;
  summarySheet(workbook, matrix, options.generatedAt, options.title ?? DISTRICT_LABELS.title);
  detailSheet(workbook, matrix);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
