import type { Payload } from 'payload';

import { replacesArmedWake, wakeDelay } from '../../domain/rebuild-wake';
import type { SchoolId } from '../../domain/school-access';
import { REBUILD_QUEUE, REBUILD_TASK, rebuildKey } from './keys';

/**
 * A queued rebuild starts as soon as its debounce ends, not at the site
 * queue's next cron tick: when a rebuild is queued or pushed back, the
 * process arms one timer per school for the job's `waitUntil`, which then
 * runs that school's due job at once. The tick stays the fallback (rebuilds
 * asked for in a process that does not run the queues, jobs left by a
 * restart, posts scheduled beyond WAKE_HORIZON_MS).
 *
 * Nothing here can start a second build of a school: the timer only asks
 * Payload to run the school's due jobs (`jobs.run` with its filters: not
 * processing, not done, due, and the concurrency key not running anywhere),
 * and a job that slips through still has to take the build lease
 * (./lease.ts). A job another runner took first is simply not found, and
 * so is one whose request's transaction (MongoDB) has not committed by the
 * time the debounce ends: the tick takes that one.
 */
type Wake = { timer: NodeJS.Timeout; at: number };

/** Armed timers, by concurrency key (one per school). */
const armed = new Map<string, Wake>();
/** Schools whose due jobs this process is running now; `again`: look once more when done. */
const draining = new Map<string, { again: boolean }>();
/** Finished builds whose job Payload has not released yet (wakeAfterBuild). */
let awaitingRelease = 0;

/**
 * Whether this process runs the site queue. Decided here only, from the
 * Payload instance's own config: its `jobs.autoRun` lists the site queue
 * exactly when the process was started to run jobs (src/cms/config.ts, with
 * `options.runJobs`: `npm start`'s server and `npm run jobs`). Not a flag the
 * config sets in this module: Next.js loads its own copy of the config and
 * of these modules inside cms-server's process, and the instance that queued
 * the job is the one that knows. Scripts and tests have no autoRun, so their
 * requests never run a job from a timer (nor keep them from exiting).
 */
export function runsSiteQueue(payload: Payload): boolean {
  const autoRun: unknown = payload.config.jobs?.autoRun;
  return Array.isArray(autoRun) && autoRun.some((entry: { queue?: string }) => entry.queue === REBUILD_QUEUE);
}

/** Arms (or brings forward) the school's wake-up for a rebuild due at `due`; far-future ones are left to the tick. */
export function wakeRebuildAt(payload: Payload, school: SchoolId, due: Date, now = Date.now()): void {
  if (!runsSiteQueue(payload)) return;
  const delay = wakeDelay(due.getTime(), now);
  if (delay === null) return;
  const key = rebuildKey(school);
  const at = now + delay;
  const current = armed.get(key);
  if (!replacesArmedWake(current?.at, at)) return;
  if (current) clearTimeout(current.timer);
  const timer = setTimeout(() => {
    if (armed.get(key)?.timer === timer) armed.delete(key);
    void drain(payload, school);
  }, delay);
  // A timer never keeps a process alive: one that stops loses only the wake, and the tick remains.
  timer.unref();
  armed.set(key, { timer, at });
}

/**
 * From the rebuild task, when its build is over: the job is still marked
 * processing until the handler returns, so this waits (in the background) for
 * Payload to release it and then runs the school's next due rebuild, one
 * asked for while this build ran, which its own timer could not start (the
 * concurrency key was busy). Whoever ran the job (the tick or a timer), the
 * next one is not left for the tick.
 */
export function wakeAfterBuild(payload: Payload, school: SchoolId, jobId: number | string): void {
  if (!runsSiteQueue(payload)) return;
  awaitingRelease++;
  void (async () => {
    try {
      for (let tries = 0; tries < RELEASE_POLLS; tries++) {
        await new Promise((resolve) => setTimeout(resolve, RELEASE_POLL_MS).unref());
        if (!(await stillProcessing(payload, jobId))) return void (await drain(payload, school));
      }
      // Not released in time (a slow database): the tick takes the next one.
    } catch (error) {
      payload.logger.warn(
        `site rebuild wake-up after a build of school ${school} failed (the queue's tick remains): ${String(error)}`,
      );
    } finally {
      awaitingRelease--;
    }
  })();
}

const RELEASE_POLL_MS = 100;
const RELEASE_POLLS = 100;

/** For tests: the schools' armed wake-ups (concurrency key and when it fires). */
export function armedRebuildWakes(): { key: string; at: Date }[] {
  return [...armed].map(([key, wake]) => ({ key, at: new Date(wake.at) }));
}

/** For tests: nothing armed, running or waiting here, so the CMS can be stopped without a wake-up reaching it. */
export function rebuildWakesIdle(): boolean {
  return armed.size === 0 && draining.size === 0 && awaitingRelease === 0;
}

/**
 * Runs the school's due rebuild, then looks again: a rebuild asked for while
 * it ran is run now when due, or woken when it will be. One drain per school
 * at a time in this process; a wake that comes meanwhile makes it look again.
 */
async function drain(payload: Payload, school: SchoolId): Promise<void> {
  const key = rebuildKey(school);
  const inProgress = draining.get(key);
  if (inProgress) {
    inProgress.again = true;
    return;
  }
  const state = { again: true };
  draining.set(key, state);
  try {
    while (state.again) {
      state.again = false;
      const result = await payload.jobs.run({
        queue: REBUILD_QUEUE,
        limit: 1,
        where: { concurrencyKey: { equals: key } },
      });
      const ran = Object.keys(result.jobStatus ?? {}).length > 0;
      // The loop goes round again only when asked to meanwhile (`again`), or for a due job below.
      const next = await nextPending(payload, key);
      if (!next) continue;
      const dueAt = next.waitUntil ? Date.parse(next.waitUntil) : Date.now();
      if (dueAt > Date.now()) wakeRebuildAt(payload, school, new Date(dueAt));
      // Due, and this process just built: run it now. Due but nothing ran: the school's
      // build is running (its end wakes the next, see wakeAfterBuild) or another runner has it.
      else if (ran) state.again = true;
    }
  } catch (error) {
    payload.logger.warn(`site rebuild wake-up of school ${school} failed (the queue's tick remains): ${String(error)}`);
  } finally {
    draining.delete(key);
  }
}

/** The school's earliest rebuild job that no runner has taken yet. */
async function nextPending(payload: Payload, key: string) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: REBUILD_TASK } },
        { concurrencyKey: { equals: key } },
        { processing: { equals: false } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    sort: 'waitUntil',
    limit: 1,
    depth: 0,
  });
  return docs[0];
}

async function stillProcessing(payload: Payload, jobId: number | string): Promise<boolean> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: { and: [{ id: { equals: jobId } }, { processing: { equals: true } }] },
  });
  return totalDocs > 0;
}
