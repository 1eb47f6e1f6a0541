import type { Payload, PayloadRequest } from 'payload';

import { settings } from '../../settings';

/** Edits within this window of each other make one build. */
export const REBUILD_DEBOUNCE_MS = settings().SITE_REBUILD_DEBOUNCE_MS;
export const REBUILD_TASK = 'rebuildSite';
export const REBUILD_QUEUE = 'site';

/**
 * Asks for a rebuild of the public site at `at` (now, or a scheduled post's
 * time). A pending rebuild due within the debounce window is pushed back
 * instead of queueing another, so ten quick edits make one build.
 */
export async function requestSiteRebuild(
  payload: Payload,
  options: { reason: string; at?: Date; req?: PayloadRequest },
): Promise<'queued' | 'merged'> {
  const due = new Date(Math.max(Date.now(), (options.at ?? new Date()).getTime()) + REBUILD_DEBOUNCE_MS);
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: REBUILD_TASK } },
        { processing: { equals: false } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { waitUntil: { greater_than_equal: new Date(due.getTime() - 2 * REBUILD_DEBOUNCE_MS).toISOString() } },
        { waitUntil: { less_than_equal: due.toISOString() } },
      ],
    },
    limit: 1,
    depth: 0,
    req: options.req,
  });
  const pending = docs[0];
  if (pending) {
    await payload.update({
      collection: 'payload-jobs',
      id: pending.id,
      data: { waitUntil: due.toISOString() },
      req: options.req,
    });
    return 'merged';
  }
  await payload.jobs.queue({
    task: REBUILD_TASK,
    queue: REBUILD_QUEUE,
    input: { reason: options.reason },
    waitUntil: due,
    req: options.req,
  } as never);
  await payload.updateGlobal({
    slug: 'site-build-status',
    data: { state: 'pending', lastReason: options.reason, lastRequestedAt: new Date().toISOString() },
    req: options.req,
  });
  return 'queued';
}
