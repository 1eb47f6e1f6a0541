/**
 * `npm run district -- <url-or-file>... [--out DIR] [--xlsx FILE]`: reads the
 * coverage.json of many schools (site URLs or files) and writes one report,
 * HTML and CSV in DIR, schools × quarters; with `--xlsx`, the same as an Excel
 * workbook too. A school whose report cannot be fetched or parsed is a row
 * that says so, never a covered one. Every school given this way is
 * self-reported (its own install published the file).
 * Exit codes: 0 every report read; 1 a report could not be read; 2 bad usage.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadCoverageReport } from '../src/district/fetch-report';
import { districtWorkbook } from '../src/district/workbook';
import {
  buildDistrictMatrix,
  districtCsv,
  districtHtml,
  matrixYears,
  totalText,
  yearLabel,
  yearTotal,
  yearTotalText,
} from '../src/domain/district';
import { quarterLabel } from '../src/domain/quarters';
import { formatForTerminal, renderMessage } from '../src/messages/catalogue';
import { ColumnError } from '../src/messages/column-error';

function usage(error: ColumnError): never {
  console.error(error.format());
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: { out: { type: 'string', default: 'district-report' }, xlsx: { type: 'string' } },
    allowPositionals: true,
  });
}
try {
  args = parse();
} catch (error) {
  usage(new ColumnError('DistrictBadArguments', { problem: (error as Error).message }));
}
const { values, positionals } = args;
if (positionals.length === 0) {
  console.error(formatForTerminal(renderMessage('DistrictUsage')));
  process.exit(2);
}
// Checked before any school is fetched: a wrong name would otherwise be found only at the end.
if (values.xlsx !== undefined && !/\.xlsx$/i.test(values.xlsx))
  usage(new ColumnError('DistrictXlsxName', { file: values.xlsx }));

// A site URL (its coverage.json is found under it) or a path to a coverage.json file.
const sources = await Promise.all(positionals.map((source) => loadCoverageReport(source)));
const matrix = buildDistrictMatrix(sources);
const now = new Date();
await mkdir(values.out, { recursive: true });
const htmlFile = path.join(values.out, 'district-report.html');
const csvFile = path.join(values.out, 'district-report.csv');
await writeFile(htmlFile, districtHtml(matrix, now));
await writeFile(csvFile, districtCsv(matrix));
const written = [htmlFile, csvFile];
if (values.xlsx !== undefined) {
  await mkdir(path.dirname(values.xlsx), { recursive: true });
  await writeFile(values.xlsx, await districtWorkbook(matrix, { generatedAt: now }));
  written.push(values.xlsx);
}

const failed = matrix.rows.filter((r) => r.error);
console.log(`Đã tổng hợp ${matrix.rows.length} trường × ${matrix.quarters.length} quý → ${written.join(', ')}`);
// One line per school: a list the district reads down, not one message each.
for (const r of failed)
  console.error(`⚠ ${renderMessage('DistrictReportUnreadable', { source: r.source, reason: r.error ?? '' }).message}`);
for (const r of matrix.rows.filter((row) => row.alsoListedAs.length > 0)) {
  const listed = {
    school: r.school || r.source,
    times: r.alsoListedAs.length + 1,
    sources: [r.source, ...r.alsoListedAs],
  };
  console.error(`⚠ ${renderMessage('DistrictDuplicateSchool', listed).message}`);
}
for (const r of matrix.rows.filter((row) => row.missed > 0))
  console.log(
    `✖ ${renderMessage('DistrictQuartersMissed', { school: r.school || r.source, missed: r.missed }).message}`,
  );
for (const t of matrix.totals) console.log(`${quarterLabel(t.quarter)}: ${totalText(t)}`);
for (const year of matrixYears(matrix)) console.log(`${yearLabel(year)}: ${yearTotalText(yearTotal(matrix, year))}`);
process.exit(failed.length > 0 ? 1 : 0);
