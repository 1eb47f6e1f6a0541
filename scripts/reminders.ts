/**
 * `npm run reminders -- --now <ISO instant> [--dry-run] [--json]`: the
 * reminder pass (quarter reminders, the district's weekly digest, failing
 * builds) for that moment, as the hourly job runs it. How a school catches up
 * after downtime, and how the pass is tested. Prints who gets what; without
 * --dry-run it sends (through the outbox: SMTP_URL, else .eml files). Run
 * twice for the same moment it sends nothing new.
 * Exit codes: 0 done; 1 a school's pass failed (the others still ran); 2 bad arguments.
 */
import { parseArgs } from 'node:util';

import { getPayload } from 'payload';

import { ColumnError } from '../src/messages/column-error';
import { renderMessage } from '../src/messages/catalogue';
import { exitWith, openCms } from './lib/open-cms';

function usage(problem?: string): never {
  const m = renderMessage('RemindersUsage');
  console.error(`${problem ? `✖ ${problem}\n` : ''}${m.message}\n${m.hint}`);
  process.exit(2);
}

let values: { now?: string; 'dry-run': boolean; json: boolean };
try {
  ({ values } = parseArgs({
    options: {
      now: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  usage((error as Error).message);
}
if (!values.now) usage();
const now = new Date(values.now);
if (Number.isNaN(now.getTime())) usage(`--now ${values.now}`);

const config = await openCms();
const payload = await getPayload({ config }).catch(exitWith);
const { reminderPassAt } = await import('../src/cms/mail/passes');
try {
  const dryRun = values['dry-run'];
  const result = await reminderPassAt(payload, { now, dryRun });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ now: now.toISOString(), dryRun, ...result }, null, 2)}\n`);
  } else {
    const verb = dryRun ? 'sẽ gửi / would send' : 'đã xử lý / handled';
    console.log(`Lượt nhắc lúc ${now.toISOString()}: ${result.planned.length} thư ${verb}`);
    for (const m of result.planned) {
      const state = m.state ? ` [${m.state}]` : '';
      console.log(`- ${m.kind}${state} → ${m.name} <${m.to}>${m.school ? ` (${m.school})` : ''}: ${m.subject}`);
    }
    for (const f of result.failures) console.error(`✖ ${f.school ?? 'district'}: ${f.error}`);
  }
  await payload.destroy();
  process.exit(result.failures.length > 0 ? 1 : 0);
} catch (error) {
  if (ColumnError.is(error)) exitWith(error);
  throw error;
}
