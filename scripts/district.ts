/**
 * `npm run district -- <url-or-file>... [--out DIR]`: reads the coverage.json
 * of many schools (site URLs or files) and writes one report, HTML and CSV,
 * schools × quarters. A school whose report cannot be fetched or parsed is a
 * row that says so, never a covered one.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { parseCoverageReport } from '../src/domain/coverage-report-schema';
import { buildDistrictMatrix, districtCsv, districtHtml, type DistrictSource, totalText } from '../src/domain/district';
import { quarterLabel } from '../src/domain/quarters';

const { values, positionals } = parseArgs({
  options: { out: { type: 'string', default: 'district-report' } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  console.error('✖ Dùng: npm run district -- <địa chỉ trang hoặc tệp coverage.json>... [--out THƯ_MỤC]');
  process.exit(2);
}

/** A site URL (its coverage.json is found under it) or a path to a coverage.json file. */
async function load(source: string): Promise<DistrictSource> {
  try {
    let text: string;
    if (/^https?:\/\//i.test(source)) {
      const url = source.endsWith('.json') ? source : `${source.replace(/\/?$/, '/')}coverage.json`;
      const response = await fetch(url, {
        signal: AbortSignal.timeout(15_000),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`máy chủ trả lời HTTP ${response.status} cho ${url}`);
      text = await response.text();
    } else {
      text = await readFile(source, 'utf8');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error('không phải JSON hợp lệ');
    }
    return { source, report: parseCoverageReport(json) };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const inner = e.cause as (NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] }) | undefined;
    const cause = inner?.code ?? inner?.errors?.[0]?.code;
    const reason =
      e.name === 'TimeoutError'
        ? 'quá thời gian chờ (15 giây)'
        : e.code === 'ENOENT'
          ? 'không tìm thấy tệp'
          : cause
            ? `không kết nối được (${cause})`
            : e.message;
    return { source, error: reason };
  }
}

const sources = await Promise.all(positionals.map(load));
const matrix = buildDistrictMatrix(sources);
const now = new Date();
await mkdir(values.out, { recursive: true });
const htmlFile = path.join(values.out, 'district-report.html');
const csvFile = path.join(values.out, 'district-report.csv');
await writeFile(htmlFile, districtHtml(matrix, now));
await writeFile(csvFile, districtCsv(matrix));

const failed = matrix.rows.filter((r) => r.error);
console.log(`Đã tổng hợp ${matrix.rows.length} trường × ${matrix.quarters.length} quý → ${htmlFile}, ${csvFile}`);
for (const r of failed) console.error(`⚠ Không đọc được báo cáo của ${r.source}: ${r.error}`);
for (const r of matrix.rows.filter((row) => row.alsoListedAs.length > 0)) {
  console.error(
    `⚠ ${r.school || r.source} được liệt kê ${r.alsoListedAs.length + 1} lần (${[r.source, ...r.alsoListedAs].join(', ')}): chỉ tính một lần, theo báo cáo mới nhất.`,
  );
}
for (const r of matrix.rows.filter((row) => row.missed > 0))
  console.log(`✖ ${r.school || r.source}: bỏ lỡ ${r.missed} quý`);
for (const t of matrix.totals) console.log(`${quarterLabel(t.quarter)}: ${totalText(t)}`);
process.exit(failed.length > 0 ? 1 : 0);
