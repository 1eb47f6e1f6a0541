import type { TaskConfig } from 'payload';

import { nextClosingRun } from '../../domain/quarter-record';
import { notifyClosedQuarters } from '../mail/passes';
import { requestSiteRebuild } from '../site-build/request';
import { closeEndedQuarters } from './close-quarters';

export const CLOSE_QUARTERS_TASK = 'closeQuarters';
/** The district's own queue, so its runs never wait behind (or hold up) publishing and site rebuilds. */
export const DISTRICT_QUEUE = 'district';

/** Payload does not export the hook's type. */
type BeforeSchedule = NonNullable<NonNullable<NonNullable<TaskConfig['schedule']>[number]['hooks']>['beforeSchedule']>;

/**
 * Payload reads a schedule's cron in the server's time zone; the run is due
 * at 00:05 in Vietnam's, so the queued job's time is set here. Payload's own
 * check still decides whether to queue (none of this task already waiting or
 * running), so there is one pending run at a time.
 */
const atVietnamMidnight: BeforeSchedule = async (args) => {
  const verdict = await args.defaultBeforeSchedule(args);
  return { ...verdict, waitUntil: nextClosingRun(new Date()) };
};

/**
 * Closes the quarters that have ended (src/cms/district/close-quarters.ts):
 * daily shortly after midnight, Vietnam time. Running it more often, or
 * again after a failure, records nothing twice; a run that was missed
 * catches up. A school that fails is logged and counted in the output, and
 * the next run tries it again.
 */
export const closeQuartersTask: TaskConfig<typeof CLOSE_QUARTERS_TASK> = {
  slug: CLOSE_QUARTERS_TASK,
  label: 'Chốt kết quả các quý đã kết thúc',
  retries: 0,
  // The cron is 00:05 server time; the hook moves each queued run to 00:05 Vietnam time.
  schedule: [{ cron: '0 5 0 * * *', queue: DISTRICT_QUEUE, hooks: { beforeSchedule: atVietnamMidnight } }],
  outputSchema: [
    { name: 'created', type: 'number' },
    { name: 'failed', type: 'number' },
    { name: 'failures', type: 'json' },
  ],
  handler: async ({ req }) => {
    const now = new Date();
    const { created, failed } = await closeEndedQuarters(req.payload, { now });
    // Each school's admins hear the result (the seed, which also closes quarters, tells nobody), and its
    // site is rebuilt: the coverage page lists the new record, and lich.ics moves on to the next quarters.
    await notifyClosedQuarters(req.payload, created, { now });
    for (const school of new Set(created.map((c) => c.school))) {
      await requestSiteRebuild(req.payload, { school, reason: 'Chốt kết quả quý' }).catch((error: unknown) =>
        req.payload.logger.error({ err: error }, `rebuild after closing quarters of school ${school} not queued`),
      );
    }
    return { output: { created: created.length, failed: failed.length, failures: failed } };
  },
};
