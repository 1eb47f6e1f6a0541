import type { Payload, PayloadRequest } from 'payload';

import type { SchoolId } from '../../domain/school-access';
import { settings } from '../../settings';
import { REBUILD_QUEUE, REBUILD_TASK, rebuildKey } from './keys';
import { statusDocFor } from './lease';
import { SITE_BUILDS } from './status-collection';
import { wakeRebuildAt } from './wake';

export { REBUILD_QUEUE, REBUILD_TASK, rebuildKey };

/** Edits within this window of each other make one build. */
export const REBUILD_DEBOUNCE_MS = settings().SITE_REBUILD_DEBOUNCE_MS;

/**
 * Asks for a rebuild of one school's public site at `at` (now, or a
 * scheduled post's time). A pending rebuild of the same school due within the
 * debounce window is pushed back instead of queueing another, so ten quick
 * edits make one build; other schools' rebuilds are never touched. In a
 * process that runs the job queues, the rebuild is woken when it is due
 * (./wake.ts) rather than at the queue's next tick.
 */
export async function requestSiteRebuild(
  payload: Payload,
  options: { school: SchoolId; reason: string; at?: Date; req?: PayloadRequest },
): Promise<'queued' | 'merged'> {
  const due = new Date(Math.max(Date.now(), (options.at ?? new Date()).getTime()) + REBUILD_DEBOUNCE_MS);
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: REBUILD_TASK } },
        { concurrencyKey: { equals: rebuildKey(options.school) } },
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
    wakeRebuildAt(payload, options.school, due);
    return 'merged';
  }
  await payload.jobs.queue({
    task: REBUILD_TASK,
    queue: REBUILD_QUEUE,
    input: { reason: options.reason, school: String(options.school) },
    waitUntil: due,
    req: options.req,
  });
  wakeRebuildAt(payload, options.school, due);
  const status = await statusDocFor(payload, options.school);
  // A running build keeps saying so; the queued one shows once it starts.
  await payload.update({
    collection: SITE_BUILDS,
    id: status.id,
    data: {
      ...(status.state === 'running' ? {} : { state: 'pending' as const }),
      lastReason: options.reason,
      lastRequestedAt: new Date().toISOString(),
    },
    overrideAccess: true,
    req: options.req,
  });
  return 'queued';
}
