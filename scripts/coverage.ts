/**
 * `npm run coverage [-- options]`: the quarterly coverage report.
 *   --input FILE   read policy, now and items from a JSON file instead of the CMS
 *   --json         print the report as JSON (schema: README, "Coverage report")
 *   --csv          print one CSV row per quarter
 *   --strict       exit 1 when any quarter was missed
 *   --school SLUG  the school's report (default: the install's first school)
 * Exit codes: 0 report made; 1 --strict and a quarter missed; 2 bad input.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { buildCoverageReport, type CoverageInput, CoverageInputError } from '../src/domain/coverage';
import { formatCsv, formatTable, missedMessage } from '../src/domain/coverage-format';
import { parseCoverageFile } from '../src/domain/coverage-input';
import { ColumnError } from '../src/messages/column-error';

function fail(error: Pick<ColumnError, 'format'>): never {
  console.error(error.format());
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
      school: { type: 'string' },
    },
  });
}
try {
  args = parse();
} catch (error) {
  fail(new ColumnError('CoverageUsage', { problem: (error as Error).message }));
}
const { values } = args;
if (values.json && values.csv) fail(new ColumnError('CoverageOneFormat'));

async function fromFile(file: string): Promise<CoverageInput> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    fail(
      new ColumnError('CoverageFileUnreadable', {
        file,
        reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
      }),
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(new ColumnError('CoverageFileNotJson', { file, reason: (error as Error).message }));
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
    return await coverageInputFromCms(payload, { school: values.school });
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
  if (error instanceof CoverageInputError) fail(error);
  throw error;
}
