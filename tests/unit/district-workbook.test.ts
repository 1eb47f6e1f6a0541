/** The district workbook, written and read back with exceljs: what a district officer opening it in Excel sees. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  DETAIL_COLUMNS,
  DETAIL_SHEET,
  districtWorkbook,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEET,
} from '../../src/district/workbook';
import { buildDistrictMatrix, cellText, totalText, yearTotal, yearTotalText } from '../../src/domain/district';
import { schoolA, schoolB, schoolReport } from '../support/district-reports';

const FORMULA_NAME = '=HYPERLINK("http://ke-gian.example","Bấm vào đây")';
// 2022-Q3 covered, 2022-Q4 missed, 2023-Q1 in progress: the matrix spans two years.
const formulaSchool = schoolReport(FORMULA_NAME, {
  start: '2022-Q3',
  now: '2023-02-01T03:00:00Z',
  covered: ['2022-Q3'],
});
const matrix = buildDistrictMatrix([
  { source: 'a.json', report: schoolA },
  { source: 'db:thcs-b', origin: 'hosted', report: schoolB },
  { source: '+84-truong.json', report: formulaSchool },
  { source: 'https://c.example/', error: 'máy chủ trả lời HTTP 404' },
]);
const generatedAt = new Date('2022-08-01T17:05:00Z');

/** Cells `from`..`to` of a row, 1-based, as exceljs reads them back. */
const cells = (sheet: ExcelJS.Worksheet, row: number, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => sheet.getCell(row, from + i).value);

describe('the district workbook', () => {
  let workbook: ExcelJS.Workbook;
  let summary: ExcelJS.Worksheet;
  let detail: ExcelJS.Worksheet;
  const firstQuarter = 5;
  const lastQuarter = firstQuarter + matrix.quarters.length - 1;
  const firstSchool = SUMMARY_HEADER_ROW + 1;
  const totalsRow = firstSchool + matrix.rows.length;

  beforeAll(async () => {
    const buffer = await districtWorkbook(matrix, { generatedAt });
    expect(buffer.subarray(0, 2).toString()).toBe('PK'); // a zip, as .xlsx files are
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    summary = workbook.getWorksheet(SUMMARY_SHEET)!;
    detail = workbook.getWorksheet(DETAIL_SHEET)!;
  });

  it('has the summary, then the detail', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Chi tiết']);
    expect(matrix.quarters).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1']);
  });

  it('opens with the title and the time in Vietnam', () => {
    expect(summary.getCell('A1').value).toBe('Tổng hợp duy trì chuyên mục Bình đẳng giới theo quý');
    expect(summary.getCell('A2').value).toBe('Lập lúc 00:05 02/08/2022 (giờ Việt Nam)');
  });

  it('takes another title when given one', async () => {
    const titled = new ExcelJS.Workbook();
    const buffer = await districtWorkbook(matrix, {
      generatedAt,
      title: 'Phòng GDĐT huyện Gia Lâm – năm học 2022–2023',
    });
    await titled.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    expect(titled.getWorksheet(SUMMARY_SHEET)!.getCell('A1').value).toBe(
      'Phòng GDĐT huyện Gia Lâm – năm học 2022–2023',
    );
  });

  it('names the columns in Vietnamese, one per quarter', () => {
    expect(cells(summary, SUMMARY_HEADER_ROW, 1, lastQuarter + 2)).toEqual([
      'Trường',
      'Huyện/Quận',
      'Nguồn',
      'Số quý bỏ lỡ',
      'Quý I/2022',
      'Quý II/2022',
      'Quý III/2022',
      'Quý IV/2022',
      'Quý I/2023',
      'Địa chỉ báo cáo',
      'Ghi chú',
    ]);
  });

  it("gives each school a row: its name, district, where its figures come from, missed quarters, and each quarter's words", () => {
    matrix.rows.forEach((r, i) => {
      const row = firstSchool + i;
      expect(cells(summary, row, firstQuarter, lastQuarter)).toEqual(r.cells.map(cellText));
      expect(summary.getCell(row, lastQuarter + 1).value).toBe(r.source);
    });
    expect(cells(summary, firstSchool, 1, 4)).toEqual(['THCS <A> & "B"', 'Quận 1', 'tự báo cáo', 1]);
    expect(cells(summary, firstSchool + 1, 1, 4)).toEqual(['THCS B', 'Quận 1', 'trên nền tảng', 0]);
    expect(cells(summary, firstSchool + 2, 1, 4)).toEqual([FORMULA_NAME, 'Huyện Gia Lâm', 'tự báo cáo', 1]);
    expect(cells(summary, firstSchool, firstQuarter, firstQuarter + 2)).toEqual([
      'Đạt (1)',
      'Bỏ lỡ (0) · 1 muộn',
      'Đang thực hiện (0)',
    ]);
    // The unreadable report says so, and why.
    const unreadable = firstSchool + 3;
    expect(cells(summary, unreadable, 1, 4)).toEqual(['Không đọc được báo cáo', null, 'tự báo cáo', '—']);
    expect(summary.getCell(unreadable, lastQuarter + 2).value).toBe('máy chủ trả lời HTTP 404');
    expect(cells(summary, unreadable, firstQuarter, lastQuarter)).toEqual(Array(5).fill('không có dữ liệu'));
  });

  it("ends with each quarter's district figure and each year's", () => {
    expect(summary.getCell(totalsRow, 1).value).toBe('Tổng số trường đạt (Chỉ tiêu 3: 100%)');
    expect(cells(summary, totalsRow, firstQuarter, lastQuarter)).toEqual(matrix.totals.map(totalText));
    expect(cells(summary, totalsRow, firstQuarter, firstQuarter + 1)).toEqual([
      '1/2 trường đạt (50%)',
      '1/3 trường đạt (33,3%)',
    ]);
    const yearRow = totalsRow + 1;
    expect(summary.getCell(yearRow, 1).value).toBe('Cả năm: số trường duy trì đủ các quý');
    // A missed 2022-Q2, B has no data after 2022-Q2, the formula school missed 2022-Q4, C is unreadable.
    expect(summary.getCell(yearRow, firstQuarter).value).toBe('Năm 2022: 0/4 trường duy trì đủ các quý (0%)');
    expect(summary.getCell(yearRow, firstQuarter).value).toBe(`Năm 2022: ${yearTotalText(yearTotal(matrix, 2022))}`);
    expect(summary.getCell(yearRow, firstQuarter + 3).isMerged).toBe(true);
    // 2023: only Q1, in progress for the formula school, not held against it; the others have no data.
    expect(summary.getCell(yearRow, lastQuarter).value).toBe('Năm 2023: 1/4 trường duy trì đủ các quý (25%)');
    expect(summary.getCell(yearRow, lastQuarter).isMerged).toBe(false);
    expect(summary.getCell(yearRow + 1, 1).value).toMatch(/^Mỗi ô: trạng thái/);
  });

  it('colours each quarter by its status, as the HTML page does', () => {
    const fill = (row: number, column: number) => {
      const f = summary.getCell(row, column).fill;
      return f?.type === 'pattern' ? [f.pattern, f.fgColor?.argb] : null;
    };
    expect(fill(firstSchool, firstQuarter)).toEqual(['solid', 'FFDCFCE7']); // covered: green
    expect(fill(firstSchool, firstQuarter + 1)).toEqual(['solid', 'FFFECACA']); // missed: red
    expect(fill(firstSchool, firstQuarter + 2)).toEqual(['solid', 'FFFEF3C7']); // in progress: amber
    expect(fill(firstSchool + 3, firstQuarter)?.[0]).toBe('lightUp'); // no data: hatched
    expect(fill(firstSchool + 3, 1)).toEqual(['solid', 'FFFECACA']); // unreadable report
    expect(summary.getCell(firstSchool, firstQuarter + 1).border?.top?.style).toBe('dashed'); // late item
    expect(summary.getCell(firstSchool, firstQuarter).border?.top?.style).toBe('thin');
  });

  it('freezes the header and the school column, and sizes the columns', () => {
    expect(summary.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: SUMMARY_HEADER_ROW });
    expect(detail.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (let c = 1; c <= lastQuarter + 2; c++) {
      const width = summary.getColumn(c).width!;
      expect(width).toBeGreaterThanOrEqual(10);
      expect(width).toBeLessThanOrEqual(50);
    }
    // Wide enough for its words ("Đang thực hiện (0)"), not for the notes below the table.
    expect(summary.getColumn(firstQuarter + 2).width).toBeGreaterThanOrEqual('Đang thực hiện (0)'.length);
  });

  it('sizes a column by the table, not by the title or the notes that overflow past it', async () => {
    const short = new ExcelJS.Workbook();
    const two = buildDistrictMatrix([
      { source: 'a.json', report: schoolA },
      { source: 'b.json', report: schoolB },
    ]);
    await short.xlsx.load((await districtWorkbook(two, { generatedAt })) as unknown as ExcelJS.Buffer);
    // The longest text of column A within the table is the totals label.
    const label = 'Tổng số trường đạt (Chỉ tiêu 3: 100%)';
    expect(short.getWorksheet(SUMMARY_SHEET)!.getColumn(1).width).toBe(label.length + 2);
  });

  it('keeps a name that looks like a formula a string, in both sheets', () => {
    const named = summary.getCell(firstSchool + 2, 1);
    expect(named.type).toBe(ExcelJS.ValueType.String);
    expect(named.value).toBe(FORMULA_NAME);
    expect(named.formula).toBeUndefined();
    const source = summary.getCell(firstSchool + 2, lastQuarter + 1);
    expect([source.type, source.value]).toEqual([ExcelJS.ValueType.String, '+84-truong.json']);
    const detailCells: ExcelJS.Cell[] = [];
    detail.eachRow((row) => row.eachCell((cell) => detailCells.push(cell)));
    expect(detailCells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    expect(detailCells.filter((c) => c.value === FORMULA_NAME)).toHaveLength(matrix.quarters.length);
  });

  it('lists every school and quarter in the detail sheet as plain values, with a filter', () => {
    expect(cells(detail, 1, 1, DETAIL_COLUMNS.length)).toEqual([
      'school',
      'district',
      'origin',
      'source',
      'report_error',
      'quarter',
      'status',
      'count',
      'late',
    ]);
    expect(detail.rowCount).toBe(1 + matrix.rows.length * matrix.quarters.length);
    const row = (n: number) => cells(detail, n, 1, DETAIL_COLUMNS.length);
    // School A, then B, then the formula school, then C; five quarters each.
    expect(row(2)).toEqual(['THCS <A> & "B"', 'Quận 1', 'self-reported', 'a.json', null, '2022-Q1', 'covered', 1, 0]);
    expect(row(3)).toEqual(['THCS <A> & "B"', 'Quận 1', 'self-reported', 'a.json', null, '2022-Q2', 'missed', 0, 1]);
    expect(row(4)).toEqual([
      'THCS <A> & "B"',
      'Quận 1',
      'self-reported',
      'a.json',
      null,
      '2022-Q3',
      'in-progress',
      0,
      0,
    ]);
    expect(row(7)).toEqual(['THCS B', 'Quận 1', 'hosted', 'db:thcs-b', null, '2022-Q1', 'not-tracked', null, null]);
    expect(row(9)).toEqual(['THCS B', 'Quận 1', 'hosted', 'db:thcs-b', null, '2022-Q3', 'no-data', null, null]);
    expect(row(17)).toEqual([
      null,
      null,
      'self-reported',
      'https://c.example/',
      'máy chủ trả lời HTTP 404',
      '2022-Q1',
      'no-data',
      null,
      null,
    ]);
    expect(detail.autoFilter).toBe(`A1:I${detail.rowCount}`);
  });

  it('writes an empty matrix as a header and nothing else', async () => {
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load(
      (await districtWorkbook(buildDistrictMatrix([]), { generatedAt })) as unknown as ExcelJS.Buffer,
    );
    expect(cells(empty.getWorksheet(SUMMARY_SHEET)!, SUMMARY_HEADER_ROW, 1, 6)).toEqual([
      'Trường',
      'Huyện/Quận',
      'Nguồn',
      'Số quý bỏ lỡ',
      'Địa chỉ báo cáo',
      'Ghi chú',
    ]);
    expect(empty.getWorksheet(DETAIL_SHEET)!.rowCount).toBe(1);
  });
});
