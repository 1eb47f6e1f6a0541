/**
 * The district's view: many schools' coverage reports as one schools ×
 * quarters matrix. Pure. A school whose report could not be read is a row
 * that says so; a quarter a report does not speak for is "no data"; neither
 * is ever shown as covered. A school given twice (the same address, or the
 * same name and district from two addresses) is one row, from its newest
 * report. Each quarter has the district's number, the plan's target
 * (Chỉ tiêu 3): "X/Y trường đạt (Z%)", over the schools that track that quarter;
 * each year has its own: the schools that kept every quarter of it so far.
 * A row says where its figures come from: the platform's own database
 * ("trên nền tảng") or a school's own install ("tự báo cáo").
 */
import type { CoverageReport, CoverageStatus } from './coverage';
import { STATUS_LABELS } from './coverage-format';
import { compareQuarters, parseQuarterId, quarterId, quarterLabel, quartersBetween } from './quarters';
import { formatVietnamDateTime } from './vietnam-time';

/** Where a school's figures come from: this platform's database, or a coverage.json its own install published. */
export type DistrictOrigin = 'hosted' | 'self-reported';

export const ORIGIN_LABELS: Record<DistrictOrigin, string> = {
  hosted: 'trên nền tảng',
  'self-reported': 'tự báo cáo',
};

/** The district report's fixed words, shared by the HTML page and the workbook. */
export const DISTRICT_LABELS = {
  title: 'Tổng hợp duy trì chuyên mục Bình đẳng giới theo quý',
  school: 'Trường',
  district: 'Huyện/Quận',
  origin: 'Nguồn',
  missed: 'Số quý bỏ lỡ',
  source: 'Địa chỉ báo cáo',
  note: 'Ghi chú',
  unreadable: 'Không đọc được báo cáo',
  unnamed: '(không tên)',
  alsoListed: 'cũng được liệt kê',
  totals: 'Tổng số trường đạt (Chỉ tiêu 3: 100%)',
  yearTotal: 'Cả năm: số trường duy trì đủ các quý',
  legend:
    'Mỗi ô: trạng thái (số bài được tính). Đỏ: bỏ lỡ; viền nét đứt: có bài đăng muộn (không được tính); kẻ sọc: không có dữ liệu; trường không đọc được báo cáo không bao giờ được tính là đạt.',
  yearRule:
    'Cả năm: trường duy trì đủ khi mọi quý đã có kết quả trong năm đều đạt; quý đang thực hiện chưa bị tính là bỏ lỡ; không có dữ liệu hoặc không đọc được báo cáo là chưa đạt.',
} as const;

/** "Năm 2022". */
export const yearLabel = (year: number) => `Năm ${year}`;

/** "Lập lúc 07:00 01/08/2022 (giờ Việt Nam)". */
export const generatedAtText = (generatedAt: Date) => `Lập lúc ${formatVietnamDateTime(generatedAt)} (giờ Việt Nam)`;

/** `origin` defaults to self-reported: a URL or file given to `npm run district` is a school's own publication. */
export type DistrictSource = { source: string; origin?: DistrictOrigin } & (
  { report: CoverageReport } | { error: string }
);

export type DistrictCell =
  | { kind: 'reported'; status: CoverageStatus; count: number; late: number }
  | { kind: 'not-tracked' } // before the school's reporting start
  | { kind: 'no-data' }; // after the school's report was generated, or no report at all

export type DistrictRow = {
  source: string;
  origin: DistrictOrigin;
  school: string;
  district: string;
  error: string | null;
  generatedAt: string | null;
  cells: DistrictCell[];
  missed: number;
  /** Other sources that named the same school (not counted again). */
  alsoListedAs: string[];
};

/** One quarter's district figure: `covered` of the `tracked` schools (unreadable and no-data schools count as not covered). */
export type QuarterTotal = { quarter: string; covered: number; tracked: number; percent: number | null };

export type DistrictMatrix = { quarters: string[]; rows: DistrictRow[]; totals: QuarterTotal[] };

/**
 * One year's district figure: of the `schools` that track any quarter of it,
 * how many kept every one that has a result. `quartersCounted`: the year's
 * quarters in the matrix that at least one school tracks.
 */
export type YearTotal = {
  year: number;
  schools: number;
  keptEveryQuarter: number;
  percent: number | null;
  quartersCounted: string[];
};

export type DistrictFilter = { year?: number; onlyMissed?: boolean };

/** The same address however it was typed: case of the host, a trailing slash, `coverage.json` or not. */
function sourceKey(source: string): string {
  const trimmed = source
    .trim()
    .replace(/\/coverage\.json$/i, '')
    .replace(/\/+$/, '');
  return /^https?:\/\//i.test(trimmed)
    ? trimmed.replace(/^https?:\/\/[^/]+/i, (origin) => origin.toLowerCase().replace(/^https:/, 'http:'))
    : trimmed;
}

const schoolKey = (report: CoverageReport) =>
  report.school.name.trim()
    ? `${report.school.name.normalize('NFC').trim().toLowerCase()}|${report.school.district.normalize('NFC').trim().toLowerCase()}`
    : null;

/** Each school once: later duplicates fold into the first place it was listed, keeping the newest report. */
function distinctSchools(sources: readonly DistrictSource[]): { source: DistrictSource; alsoListedAs: string[] }[] {
  const kept: { source: DistrictSource; alsoListedAs: string[] }[] = [];
  const find = (s: DistrictSource) =>
    kept.find(({ source: k }) => {
      if (sourceKey(k.source) === sourceKey(s.source)) return true;
      return (
        'report' in k && 'report' in s && schoolKey(k.report) !== null && schoolKey(k.report) === schoolKey(s.report)
      );
    });
  for (const source of sources) {
    const twin = find(source);
    if (!twin) {
      kept.push({ source, alsoListedAs: [] });
      continue;
    }
    const newer =
      'report' in source &&
      (!('report' in twin.source) ||
        Date.parse(source.report.generatedAt) > Date.parse(twin.source.report.generatedAt));
    if (newer) {
      twin.alsoListedAs.push(twin.source.source);
      twin.source = source;
    } else {
      twin.alsoListedAs.push(source.source);
    }
  }
  return kept;
}

export function buildDistrictMatrix(input: readonly DistrictSource[]): DistrictMatrix {
  const schools = distinctSchools(input);
  const sources = schools.map((s) => s.source);
  const reported = sources.flatMap((s) =>
    'report' in s ? s.report.quarters.map((q) => parseQuarterId(q.quarter)) : [],
  );
  const sorted = [...reported].sort(compareQuarters);
  const quarters = sorted.length ? quartersBetween(sorted[0]!, sorted[sorted.length - 1]!).map(quarterId) : [];

  const rows = schools.map(({ source: s, alsoListedAs }): DistrictRow => {
    if ('error' in s) {
      return {
        source: s.source,
        origin: s.origin ?? 'self-reported',
        school: '',
        district: '',
        error: s.error,
        generatedAt: null,
        cells: quarters.map(() => ({ kind: 'no-data' })),
        missed: 0,
        alsoListedAs,
      };
    }
    const byQuarter = new Map(s.report.quarters.map((q) => [q.quarter, q]));
    const start = s.report.policy.start;
    const cells = quarters.map((id): DistrictCell => {
      const q = byQuarter.get(id);
      if (q) return { kind: 'reported', status: q.status, count: q.count, late: q.late };
      return compareQuarters(parseQuarterId(id), parseQuarterId(start)) < 0
        ? { kind: 'not-tracked' }
        : { kind: 'no-data' };
    });
    return {
      source: s.source,
      origin: s.origin ?? 'self-reported',
      school: s.report.school.name,
      district: s.report.school.district,
      error: null,
      generatedAt: s.report.generatedAt,
      cells,
      missed: s.report.summary.missed,
      alsoListedAs,
    };
  });
  return { quarters, rows, totals: quarterTotals(quarters, rows) };
}

/** One decimal, as the plan's reports give it; null when no school is counted. */
const percentOf = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

const isMissed = (c: DistrictCell) => c.kind === 'reported' && c.status === 'missed';

/** The one computation of each quarter's figure, for the whole matrix and for any view of it. */
function quarterTotals(quarters: readonly string[], rows: readonly DistrictRow[]): QuarterTotal[] {
  return quarters.map((quarter, i): QuarterTotal => {
    const cells = rows.map((r) => r.cells[i]!).filter((c) => c.kind !== 'not-tracked');
    const covered = cells.filter((c) => c.kind === 'reported' && c.status === 'covered').length;
    return { quarter, covered, tracked: cells.length, percent: percentOf(covered, cells.length) };
  });
}

/** The years the matrix's quarters fall in, oldest first. */
export function matrixYears(matrix: DistrictMatrix): number[] {
  return [...new Set(matrix.quarters.map((q) => parseQuarterId(q).year))];
}

/**
 * Chỉ tiêu 3 over a year: a school keeps it when every quarter of the year it
 * tracks has a result and none is missed. A quarter still in progress is not
 * held against it; no data (an old report, an unreadable one) is not kept,
 * since nothing shows it was covered. Schools tracking none of the year's
 * quarters are not counted.
 */
export function yearTotal(matrix: DistrictMatrix, year: number): YearTotal {
  const columns = matrix.quarters.flatMap((q, i) => (parseQuarterId(q).year === year ? [i] : []));
  const counted = matrix.rows
    .map((r) => columns.map((i) => r.cells[i]!).filter((c) => c.kind !== 'not-tracked'))
    .filter((cells) => cells.length > 0);
  const kept = counted.filter((cells) => cells.every((c) => c.kind === 'reported' && c.status !== 'missed')).length;
  return {
    year,
    schools: counted.length,
    keptEveryQuarter: kept,
    percent: percentOf(kept, counted.length),
    quartersCounted: columns
      .filter((i) => matrix.rows.some((r) => r.cells[i]!.kind !== 'not-tracked'))
      .map((i) => matrix.quarters[i]!),
  };
}

/**
 * A view of the matrix: one year's quarters, and with `onlyMissed` only the
 * schools that missed a quarter in view. Each row's `missed` and each
 * quarter's total are those of the view (the totals over the rows shown).
 */
export function filterMatrix(matrix: DistrictMatrix, filter: DistrictFilter): DistrictMatrix {
  const columns = matrix.quarters.flatMap((q, i) =>
    filter.year === undefined || parseQuarterId(q).year === filter.year ? [i] : [],
  );
  const quarters = columns.map((i) => matrix.quarters[i]!);
  const rows = matrix.rows
    .map((r): DistrictRow => {
      const cells = columns.map((i) => r.cells[i]!);
      return { ...r, cells, missed: cells.filter(isMissed).length, alsoListedAs: [...r.alsoListedAs] };
    })
    .filter((r) => !filter.onlyMissed || r.missed > 0);
  return { quarters, rows, totals: quarterTotals(quarters, rows) };
}

const percentText = (percent: number) => `${String(percent).replace('.', ',')}%`;

/** "3/4 trường đạt (75%)", with a Vietnamese decimal comma. */
export function totalText(total: QuarterTotal): string {
  if (total.percent === null) return 'chưa có trường nào theo dõi';
  return `${total.covered}/${total.tracked} trường đạt (${percentText(total.percent)})`;
}

/** "2/3 trường duy trì đủ các quý (66,7%)". */
export function yearTotalText(total: YearTotal): string {
  if (total.percent === null) return 'chưa có trường nào theo dõi';
  return `${total.keptEveryQuarter}/${total.schools} trường duy trì đủ các quý (${percentText(total.percent)})`;
}

/** A cell as a stable code: the coverage status, or `not-tracked` / `no-data`. */
export function cellStatusCode(cell: DistrictCell): CoverageStatus | 'not-tracked' | 'no-data' {
  return cell.kind === 'reported' ? cell.status : cell.kind;
}

export function cellText(cell: DistrictCell): string {
  if (cell.kind === 'not-tracked') return 'ngoài kỳ';
  if (cell.kind === 'no-data') return 'không có dữ liệu';
  return `${STATUS_LABELS[cell.status]} (${cell.count})${cell.late ? ` · ${cell.late} muộn` : ''}`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function districtCsv(matrix: DistrictMatrix): string {
  const header = [
    'school',
    'district',
    'source',
    'origin',
    'report_error',
    'generated_at',
    'missed',
    ...matrix.quarters,
  ];
  const rows = matrix.rows.map((r) =>
    [
      r.school,
      r.district,
      r.source,
      r.origin,
      r.error ?? '',
      r.generatedAt ?? '',
      String(r.missed),
      ...r.cells.map((c) => `${cellStatusCode(c)}${c.kind === 'reported' && c.late ? `+late${c.late}` : ''}`),
    ]
      .map(csvCell)
      .join(','),
  );
  const totals = [
    'Tổng: số trường đạt / số trường theo dõi',
    '',
    '',
    '',
    '',
    '',
    '',
    ...matrix.totals.map((t) => (t.percent === null ? '' : `${t.covered}/${t.tracked} (${t.percent}%)`)),
  ];
  return [header.join(','), ...rows, totals.map(csvCell).join(',')].join('\r\n') + '\r\n';
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const CELL_CLASS: Record<string, string> = {
  covered: 'ok',
  missed: 'missed',
  'in-progress': 'progress',
  'not-tracked': 'none',
  'no-data': 'nodata',
};

export function districtHtml(matrix: DistrictMatrix, generatedAt: Date): string {
  const L = DISTRICT_LABELS;
  const head = matrix.quarters.map((q) => `<th scope="col">${escapeHtml(quarterLabel(q))}</th>`).join('');
  const body = matrix.rows
    .map((r) => {
      const name = r.error
        ? `<th scope="row" class="error">${L.unreadable}<br><small>${escapeHtml(r.source)}</small><br><small>${escapeHtml(r.error)}</small></th>`
        : `<th scope="row">${escapeHtml(r.school || L.unnamed)}<br><small>${escapeHtml(r.source)}</small>${r.alsoListedAs.length ? `<br><small>(${L.alsoListed}: ${escapeHtml(r.alsoListedAs.join(', '))})</small>` : ''}</th>`;
      const cells = r.cells
        .map((c) => {
          const cls = CELL_CLASS[cellStatusCode(c)];
          const late = c.kind === 'reported' && c.late ? ' late' : '';
          return `<td class="${cls}${late}">${escapeHtml(cellText(c))}</td>`;
        })
        .join('');
      return `<tr>${name}<td class="origin-${r.origin}">${ORIGIN_LABELS[r.origin]}</td><td>${r.error ? '—' : r.missed}</td>${cells}</tr>`;
    })
    .join('\n');
  // One cell per year, spanning that year's quarters.
  const years = matrixYears(matrix)
    .map((year) => {
      const span = matrix.quarters.filter((q) => parseQuarterId(q).year === year).length;
      return `<td colspan="${span}">${yearLabel(year)}: ${escapeHtml(yearTotalText(yearTotal(matrix, year)))}</td>`;
    })
    .join('');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${L.title}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1rem;color:#111}
table{border-collapse:collapse;font-size:.9rem}
th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eee;position:sticky;top:0}
tfoot th,tfoot td{background:#eee;font-weight:600}
.ok{background:#dcfce7}.missed{background:#fecaca;font-weight:600}.progress{background:#fef3c7}
.none{color:#555}.nodata{background:repeating-linear-gradient(45deg,#f3f4f6,#f3f4f6 6px,#e5e7eb 6px,#e5e7eb 12px)}
.late{outline:2px dashed #b45309;outline-offset:-3px}.error{background:#fecaca}
.origin-self-reported{font-style:italic}
small{color:#333}
</style>
</head>
<body>
<h1>${L.title}</h1>
<p>${escapeHtml(generatedAtText(generatedAt))}. ${L.legend}</p>
<p>${L.yearRule}</p>
<div style="overflow-x:auto">
<table>
<thead><tr><th scope="col">${L.school}</th><th scope="col">${L.origin}</th><th scope="col">${L.missed}</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><th scope="row">${L.totals}</th><td></td><td></td>${matrix.totals.map((t) => `<td>${escapeHtml(totalText(t))}</td>`).join('')}</tr>
<tr><th scope="row">${L.yearTotal}</th><td></td><td></td>${years}</tr></tfoot>
</table>
</div>
</body>
</html>
`;
}
