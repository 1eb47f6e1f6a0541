/**
 * The district's view: many schools' coverage reports as one schools ×
 * quarters matrix. Pure. A school whose report could not be read is a row
 * that says so; a quarter a report does not speak for is "no data"; neither
 * is ever shown as covered. A school given twice (the same address, or the
 * same name and district from two addresses) is one row, from its newest
 * report. Each quarter has the district's number, the plan's target
 * (Chỉ tiêu 3): "X/Y trường đạt (Z%)", over the schools that track that quarter.
 */
import type { CoverageReport, CoverageStatus } from './coverage';
import { STATUS_LABELS } from './coverage-format';
import { compareQuarters, parseQuarterId, quarterId, quarterLabel, quartersBetween } from './quarters';
import { formatVietnamDateTime } from './vietnam-time';

export type DistrictSource = { source: string } & ({ report: CoverageReport } | { error: string });

export type DistrictCell =
  | { kind: 'reported'; status: CoverageStatus; count: number; late: number }
  | { kind: 'not-tracked' } // before the school's reporting start
  | { kind: 'no-data' }; // after the school's report was generated, or no report at all

export type DistrictRow = {
  source: string;
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
      school: s.report.school.name,
      district: s.report.school.district,
      error: null,
      generatedAt: s.report.generatedAt,
      cells,
      missed: s.report.summary.missed,
      alsoListedAs,
    };
  });
  const totals = quarters.map((quarter, i): QuarterTotal => {
    const cells = rows.map((r) => r.cells[i]!).filter((c) => c.kind !== 'not-tracked');
    const covered = cells.filter((c) => c.kind === 'reported' && c.status === 'covered').length;
    return {
      quarter,
      covered,
      tracked: cells.length,
      percent: cells.length ? Math.round((covered / cells.length) * 1000) / 10 : null,
    };
  });
  return { quarters, rows, totals };
}

/** "3/4 trường đạt (75%)", with a Vietnamese decimal comma. */
export function totalText(total: QuarterTotal): string {
  if (total.percent === null) return 'chưa có trường nào theo dõi';
  return `${total.covered}/${total.tracked} trường đạt (${String(total.percent).replace('.', ',')}%)`;
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
  const header = ['school', 'district', 'source', 'report_error', 'generated_at', 'missed', ...matrix.quarters];
  const rows = matrix.rows.map((r) =>
    [
      r.school,
      r.district,
      r.source,
      r.error ?? '',
      r.generatedAt ?? '',
      String(r.missed),
      ...r.cells.map((c) => (c.kind === 'reported' ? `${c.status}${c.late ? `+late${c.late}` : ''}` : c.kind)),
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
  const head = matrix.quarters.map((q) => `<th scope="col">${escapeHtml(quarterLabel(q))}</th>`).join('');
  const body = matrix.rows
    .map((r) => {
      const name = r.error
        ? `<th scope="row" class="error">Không đọc được báo cáo<br><small>${escapeHtml(r.source)}</small><br><small>${escapeHtml(r.error)}</small></th>`
        : `<th scope="row">${escapeHtml(r.school || '(không tên)')}<br><small>${escapeHtml(r.source)}</small>${r.alsoListedAs.length ? `<br><small>(cũng được liệt kê: ${escapeHtml(r.alsoListedAs.join(', '))})</small>` : ''}</th>`;
      const cells = r.cells
        .map((c) => {
          const cls = c.kind === 'reported' ? CELL_CLASS[c.status] : CELL_CLASS[c.kind];
          const late = c.kind === 'reported' && c.late ? ' late' : '';
          return `<td class="${cls}${late}">${escapeHtml(cellText(c))}</td>`;
        })
        .join('');
      return `<tr>${name}<td>${r.error ? '—' : r.missed}</td>${cells}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tổng hợp duy trì chuyên mục Bình đẳng giới theo quý</title>
<style>
body{font-family:system-ui,sans-serif;margin:1rem;color:#111}
table{border-collapse:collapse;font-size:.9rem}
th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eee;position:sticky;top:0}
tfoot th,tfoot td{background:#eee;font-weight:600}
.ok{background:#dcfce7}.missed{background:#fecaca;font-weight:600}.progress{background:#fef3c7}
.none{color:#555}.nodata{background:repeating-linear-gradient(45deg,#f3f4f6,#f3f4f6 6px,#e5e7eb 6px,#e5e7eb 12px)}
.late{outline:2px dashed #b45309;outline-offset:-3px}.error{background:#fecaca}
small{color:#333}
</style>
</head>
<body>
<h1>Tổng hợp duy trì chuyên mục Bình đẳng giới theo quý</h1>
<p>Lập lúc ${escapeHtml(formatVietnamDateTime(generatedAt))} (giờ Việt Nam). Mỗi ô: trạng thái (số bài được tính). Đỏ: bỏ lỡ; viền nét đứt: có bài đăng muộn (không được tính); kẻ sọc: không có dữ liệu; trường không đọc được báo cáo không bao giờ được tính là đạt.</p>
<div style="overflow-x:auto">
<table>
<thead><tr><th scope="col">Trường</th><th scope="col">Số quý bỏ lỡ</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><th scope="row">Tổng số trường đạt (Chỉ tiêu 3: 100%)</th><td></td>${matrix.totals.map((t) => `<td>${escapeHtml(totalText(t))}</td>`).join('')}</tr></tfoot>
</table>
</div>
</body>
</html>
`;
}
