import type { TaskConfig } from 'payload';

import { REBUILD_TASK } from './request';
import { runSiteBuild } from './run';

/** The job that rebuilds the public site; failures are recorded for editors, not retried blindly. */
export const rebuildSiteTask: TaskConfig<typeof REBUILD_TASK> = {
  slug: REBUILD_TASK,
  label: 'Dựng lại trang chuyên mục',
  retries: 0,
  inputSchema: [{ name: 'reason', type: 'text' }],
  outputSchema: [
    { name: 'ok', type: 'checkbox' },
    { name: 'ms', type: 'number' },
  ],
  handler: async ({ input, req }) => {
    const outcome = await runSiteBuild(req.payload, input.reason ?? '');
    return { output: { ok: outcome.ok, ms: outcome.ms } };
  },
};
