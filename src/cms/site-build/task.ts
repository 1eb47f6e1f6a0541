import type { TaskConfig } from 'payload';

import { REBUILD_TASK, rebuildKey, requestSiteRebuild } from './request';
import { runSiteBuild } from './run';
import { wakeAfterBuild } from './wake';

/**
 * The job that rebuilds one school's public site. Payload runs one job per
 * concurrency key at a time (`site:<school id>`), so a school's builds never
 * overlap while other schools' run; the build lease (./lease.ts) makes that
 * hold even when two runners claim at the same instant. Failures are recorded
 * for editors, not retried blindly.
 */
export const rebuildSiteTask: TaskConfig<typeof REBUILD_TASK> = {
  slug: REBUILD_TASK,
  label: 'Dựng lại trang chuyên mục',
  retries: 0,
  inputSchema: [
    { name: 'reason', type: 'text' },
    { name: 'school', type: 'text', required: true },
  ],
  outputSchema: [
    { name: 'ok', type: 'checkbox' },
    { name: 'ms', type: 'number' },
    { name: 'deferred', type: 'checkbox' },
  ],
  concurrency: { key: ({ input }) => rebuildKey(input.school), exclusive: true },
  handler: async ({ input, job, req }) => {
    // SQLite ids are numbers; the job's input keeps them as text.
    const school = req.payload.db.defaultIDType === 'number' ? Number(input.school) : input.school;
    try {
      const outcome = await runSiteBuild(req.payload, { school, reason: input.reason ?? '' });
      // Another runner is building this school: ask again after it, rather than build twice at once.
      if (outcome.deferred) await requestSiteRebuild(req.payload, { school, reason: input.reason ?? '' });
      return { output: { ok: outcome.ok, ms: outcome.ms, deferred: Boolean(outcome.deferred) } };
    } finally {
      // A rebuild asked for while this one ran starts when this job is released, not at the next tick.
      wakeAfterBuild(req.payload, school, job.id);
    }
  },
};
