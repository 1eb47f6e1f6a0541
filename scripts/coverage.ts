/**
 * `npm run coverage [-- options]`: the quarterly coverage report.
 *   --input FILE   read policy, now and items from a JSON file instead of the CMS
 *   --json         print the report as JSON (schema: README, "Coverage report")
 *   --csv          print one CSV row per quarter
 *   --strict       exit 1 when any quarter was missed
 * Exit codes: 0 report made; 1 --strict and a quarter missed; 2 bad input.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { buildCoverageReport, type CoverageInput, CoverageInputError } from '../src/domain/coverage';
import { formatCsv, formatTable, missedMessage } from '../src/domain/coverage-format';
import { parseCoverageFile } from '../src/domain/coverage-input';

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      input: { type: 'string' },
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  fail(`${(error as Error).message}\nDùng: npm run coverage -- [--input FILE] [--json | --csv] [--strict]`);
}
const { values } = args;
if (values.json && values.csv) fail('Chọn một trong --json hoặc --csv (choose one output format).');

async function fromFile(file: string): Promise<CoverageInput> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    fail(
      `Không đọc được tệp "${file}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Cannot read the input file.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`Tệp "${file}" không phải JSON hợp lệ: ${(error as Error).message}. The input file is not valid JSON.`);
  }
  return parseCoverageFile(json, new Date());
}

async function fromCms(): Promise<CoverageInput> {
  const { openCms, exitWith } = await import('./lib/open-cms');
  const { getPayload } = await import('payload');
  const { coverageInputFromCms } = await import('../src/cms/coverage-source');
  const config = await openCms();
  const payload = await getPayload({ config }).catch(exitWith);
  try {
    return await coverageInputFromCms(payload);
  } finally {
    await payload.destroy();
  }
}

try {
  const input = values.input ? await fromFile(values.input) : await fromCms();
  const report = buildCoverageReport(input);
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (values.csv) process.stdout.write(formatCsv(report));
  else console.log(formatTable(report));
  const missed = missedMessage(report);
  if (values.strict && missed) {
    console.error(`✖ ${missed}`);
    process.exit(1);
  }
  process.exit(0);
} catch (error) {
  if (error instanceof CoverageInputError) fail(error.message);
  throw error;
}
