/**
 * When a queued site rebuild is woken (src/cms/site-build/wake.ts) instead of
 * waiting for the job queue's next tick. Only rebuilds due soon get a timer:
 * a post scheduled for next week is left to the tick, so a process does not
 * hold timers for days (and one restart would lose them anyway).
 */

/** Rebuilds due further away than this are left to the queue's tick. */
export const WAKE_HORIZON_MS = 5 * 60_000;

/**
 * Payload runs a job only once its `waitUntil` is strictly before now, and a
 * timer may fire a millisecond early on some platforms: wake a little after.
 */
export const WAKE_MARGIN_MS = 25;

/** How long to wait before waking a rebuild due at `dueAt`, or null when it is for the tick. */
export function wakeDelay(dueAt: number, now: number, horizon: number = WAKE_HORIZON_MS): number | null {
  if (!Number.isFinite(dueAt) || !Number.isFinite(now)) return null;
  const wait = Math.max(0, dueAt - now);
  if (wait > horizon) return null;
  return wait + WAKE_MARGIN_MS;
}

/**
 * One timer per school: a newly asked wake replaces the armed one only when
 * it is earlier. A later one (a merge pushed the job back) is picked up when
 * the earlier timer fires and finds the job not due yet (it re-arms for it).
 */
export function replacesArmedWake(armedAt: number | undefined, nextAt: number): boolean {
  return armedAt === undefined || nextAt < armedAt;
}
