/**
 * When a message the mail server refused (or could not be reached for) is
 * tried again. Never given up on: a message stays in the outbox, shown to
 * admins with its last error, until it is delivered. The waits grow so a
 * server that is down for hours is not hammered, and are capped so a message
 * goes out within the hour once the server is back.
 */
const MINUTE = 60_000;

/** The wait after the 1st, 2nd, … failed attempt; every later one waits the last. */
export const RETRY_DELAYS_MS = [30_000, MINUTE, 2 * MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, 60 * MINUTE] as const;

/** After `attempts` failed attempts (1 or more), the next one is due this long after the last. */
export function retryDelay(attempts: number): number {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be 1 or more, got ${attempts}`);
  return RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1]!;
}

export function nextAttemptAt(attempts: number, failedAt: Date): Date {
  return new Date(failedAt.getTime() + retryDelay(attempts));
}
