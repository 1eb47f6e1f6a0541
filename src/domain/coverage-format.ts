/**
 * Renderings of a coverage report: Vietnamese labels, a terminal table and
 * CSV. Pure; the CLI, the site build and the district report use them.
 */
import type { CoverageReport, CoverageStatus, QuarterReport } from './coverage';
import { formatVietnamDate } from './vietnam-time';

export const STATUS_LABELS: Record<CoverageStatus, string> = {
  covered: 'Đạt',
  missed: 'Bỏ lỡ',
  'in-progress': 'Đang thực hiện',
};

function statusText(q: QuarterReport): string {
  if (q.status === 'in-progress') return `${STATUS_LABELS[q.status]} (còn ${q.daysLeft} ngày)`;
  return STATUS_LABELS[q.status];
}

/** A plain-text table for the terminal. */
export function formatTable(report: CoverageReport): string {
  const rows = report.quarters.map((q) => [
    q.label,
    statusText(q),
    String(q.count),
    q.late ? String(q.late) : '',
    q.items.map((i) => i.title).join('; '),
  ]);
  const header = ['Quý', 'Trạng thái', 'Số bài', 'Đăng muộn', 'Bài được tính'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const { summary } = report;
  const title = [report.school.name, report.school.district].filter(Boolean).join(' – ');
  return [
    `Báo cáo duy trì chuyên mục theo quý${title ? ` — ${title}` : ''}`,
    `Từ ${report.policy.start}, tối thiểu ${report.policy.minPerQuarter} bài/quý; lập lúc ${formatVietnamDate(report.generatedAt)}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `Tổng: ${summary.quarters} quý — đạt ${summary.covered}, bỏ lỡ ${summary.missed}, đang thực hiện ${summary.inProgress}.`,
    ...(summary.missed ? [`Các quý bỏ lỡ: ${summary.missedQuarters.join(', ')}`] : []),
  ].join('\n');
}

function csvCell(value: string | number): string {
  const text = String(value);
  // Quote what CSV needs, and defuse formulas a spreadsheet would execute.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = ['quarter', 'label', 'start', 'end', 'status', 'count', 'late', 'days_left', 'items'];

/** One row per quarter; UTF-8, comma-separated, RFC 4180 quoting. */
export function formatCsv(report: CoverageReport): string {
  const rows = report.quarters.map((q) =>
    [q.quarter, q.label, q.start, q.end, q.status, q.count, q.late, q.daysLeft, q.items.map((i) => i.title).join(' | ')]
      .map(csvCell)
      .join(','),
  );
  return [CSV_HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}

/** The build-check message naming every missed quarter, in Vietnamese and English. */
export function missedMessage(report: CoverageReport): string | null {
  const missed = report.quarters.filter((q) => q.status === 'missed');
  if (missed.length === 0) return null;
  return [
    `Chuyên mục không được cập nhật trong ${missed.length} quý: ${missed.map((q) => `${q.label} (${q.quarter})`).join(', ')}.`,
    `The column was not updated in ${missed.length} quarter(s): ${missed.map((q) => q.quarter).join(', ')}.`,
  ].join('\n');
}

/** The warning for a current quarter with too few items so far, or null. */
export function inProgressWarning(report: CoverageReport): string | null {
  const current = report.quarters[report.quarters.length - 1];
  if (!current || current.status !== 'in-progress') return null;
  return (
    `${current.label} chưa đủ bài (${current.count}/${report.policy.minPerQuarter}); còn ${current.daysLeft} ngày. ` +
    `${current.quarter} is not covered yet (${current.count}/${report.policy.minPerQuarter}); ${current.daysLeft} day(s) left.`
  );
}
