import { describe, expect, it } from 'vitest';

import { replacesArmedWake, WAKE_HORIZON_MS, WAKE_MARGIN_MS, wakeDelay } from '../../src/domain/rebuild-wake';

describe('when a queued rebuild is woken', () => {
  const now = Date.parse('2026-12-03T10:00:00Z');

  it('just after it is due (Payload runs a job once its waitUntil has passed)', () => {
    expect(wakeDelay(now + 2000, now)).toBe(2000 + WAKE_MARGIN_MS);
  });

  it('at once when it is already due', () => {
    expect(wakeDelay(now - 60_000, now)).toBe(WAKE_MARGIN_MS);
  });

  it('not at all when it is due beyond the horizon (a scheduled post): the tick takes it', () => {
    expect(wakeDelay(now + WAKE_HORIZON_MS, now)).toBe(WAKE_HORIZON_MS + WAKE_MARGIN_MS);
    expect(wakeDelay(now + WAKE_HORIZON_MS + 1, now)).toBeNull();
    expect(wakeDelay(now + 3 * 86_400_000, now)).toBeNull();
    expect(wakeDelay(now + 10_000, now, 5000)).toBeNull();
  });

  it('not at all for a time that is not one', () => {
    expect(wakeDelay(Number.NaN, now)).toBeNull();
    expect(wakeDelay(now, Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('one wake-up per school', () => {
  it('is armed when there is none, and replaced only by an earlier one', () => {
    expect(replacesArmedWake(undefined, 5)).toBe(true);
    expect(replacesArmedWake(10, 5)).toBe(true);
    expect(replacesArmedWake(10, 10)).toBe(false);
    // A merge pushed the job back: the armed wake fires first and re-arms for the new time.
    expect(replacesArmedWake(10, 15)).toBe(false);
  });
});
