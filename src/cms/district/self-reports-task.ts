import type { TaskConfig } from 'payload';

import { refreshSelfReports, SELF_REPORTS_QUEUE, SELF_REPORTS_TASK } from './self-reports';

/**
 * Fetches the self-reported schools' coverage.json: every school each hour
 * (at minute 17, off the top of the hour when school servers run their own
 * jobs), or the one school named by `school` (queued when it is added or
 * readdressed). Not retried: the next hour is the retry, and a failure is
 * already recorded on the school.
 */
export const fetchSelfReportsTask: TaskConfig<typeof SELF_REPORTS_TASK> = {
  slug: SELF_REPORTS_TASK,
  label: 'Tải báo cáo của các trường tự báo cáo',
  retries: 0,
  schedule: [{ cron: '17 * * * *', queue: SELF_REPORTS_QUEUE }],
  inputSchema: [{ name: 'school', type: 'text' }],
  outputSchema: [
    { name: 'fetched', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ input, req }) => {
    const summary = await refreshSelfReports(req.payload, {
      now: new Date(),
      ids: input.school ? [input.school] : undefined,
    });
    return { output: { fetched: summary.fetched, failed: summary.failed } };
  },
};
