/**
 * `npm run jobs`: the job runner as its own process, beside one or more admin
 * servers started without `--run-jobs` (a district outgrows one process).
 * It runs the same queues on the same schedules as `npm start`'s server:
 * scheduled publishing and every school's site rebuilds. Any number of
 * runners may share one database: a school's builds still run one at a
 * time (Payload's concurrency key and the build lease, src/cms/site-build/).
 * Stops cleanly on SIGINT / SIGTERM.
 */
import { getPayload } from 'payload';

import { exitWith, openCms } from './lib/open-cms';

const config = await openCms({ runJobs: true });
const payload = await getPayload({ config, cron: true }).catch(exitWith);
console.error(
  `▶ Job runner ${process.pid}: queues ${(config.jobs.autoRun as { queue?: string }[]).map((r) => r.queue).join(', ')}`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    void payload.destroy().finally(() => process.exit(0));
  });
