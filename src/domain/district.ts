/**
 * The district's view: many schools' coverage reports as one schools ×
 * quarters matrix. Pure. A school whose report could not be read is a row
 * that says so; a quarter a report does not speak for is "no data"; neither
 * is ever shown as covered.
 */
import type { CoverageReport, CoverageStatus } from './coverage';
import { STATUS_LABELS } from './coverage-format';
import { compareQuarters, parseQuarterId, quarterId, quarterLabel, quartersBetween } from './quarters';

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
};

export type DistrictMatrix = { quarters: string[]; rows: DistrictRow[] };

export function buildDistrictMatrix(sources: readonly DistrictSource[]): DistrictMatrix {
  const reported = sources.flatMap((s) => ('report' in s ? s.report.quarters.map((q) => parseQuarterId(q.quarter)) : []));
  const sorted = [...reported].sort(compareQuarters);
  const quarters = sorted.length ? quartersBetween(sorted[0]!, sorted[sorted.length - 1]!).map(quarterId) : [];

  const rows = sources.map((s): DistrictRow => {
    if ('error' in s) {
      return { source: s.source, school: '', district: '', error: s.error, generatedAt: null, cells: quarters.map(() => ({ kind: 'no-data' })), missed: 0 };
    }
    const byQuarter = new Map(s.report.quarters.map((q) => [q.quarter, q]));
    const start = s.report.policy.start;
    const cells = quarters.map((id): DistrictCell => {
      const q = byQuarter.get(id);
      if (q) return { kind: 'reported', status: q.status, count: q.count, late: q.late };
      return compareQuarters(parseQuarterId(id), parseQuarterId(start)) < 0 ? { kind: 'not-tracked' } : { kind: 'no-data' };
    });
    return {
      source: s.source,
      school: s.report.school.name,
      district: s.report.school.district,
      error: null,
      generatedAt: s.report.generatedAt,
      cells,
      missed: s.report.summary.missed,
    };
  });
  return { quarters, rows };
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
    [r.school, r.district, r.source, r.error ?? '', r.generatedAt ?? '', String(r.missed), ...r.cells.map((c) => (c.kind === 'reported' ? `${c.status}${c.late ? `+late${c.late}` : ''}` : c.kind))].map(csvCell).join(','),
  );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const CELL_CLASS: Record<string, string> = { covered: 'ok', missed: 'missed', 'in-progress': 'progress', 'not-tracked': 'none', 'no-data': 'nodata' };

export function districtHtml(matrix: DistrictMatrix, generatedAt: Date): string {
  const head = matrix.quarters.map((q) => `<th scope="col">${escapeHtml(quarterLabel(q))}</th>`).join('');
  const body = matrix.rows
    .map((r) => {
      const name = r.error
        ? `<th scope="row" class="error">Không đọc được báo cáo<br><small>${escapeHtml(r.source)}</small><br><small>${escapeHtml(r.error)}</small></th>`
        : `<th scope="row">${escapeHtml(r.school || '(không tên)')}<br><small>${escapeHtml(r.source)}</small></th>`;
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
.ok{background:#dcfce7}.missed{background:#fecaca;font-weight:600}.progress{background:#fef3c7}
.none{color:#555}.nodata{background:repeating-linear-gradient(45deg,#f3f4f6,#f3f4f6 6px,#e5e7eb 6px,#e5e7eb 12px)}
.late{outline:2px dashed #b45309;outline-offset:-3px}.error{background:#fecaca}
small{color:#333}
</style>
</head>
<body>
<h1>Tổng hợp duy trì chuyên mục Bình đẳng giới theo quý</h1>
<p>Lập lúc ${escapeHtml(generatedAt.toISOString())}. Mỗi ô: trạng thái (số bài được tính). Đỏ: bỏ lỡ; viền nét đứt: có bài đăng muộn (không được tính); kẻ sọc: không có dữ liệu; trường không đọc được báo cáo không bao giờ được tính là đạt.</p>
<div style="overflow-x:auto">
<table>
<thead><tr><th scope="col">Trường</th><th scope="col">Số quý bỏ lỡ</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
</body>
</html>
`;
}
