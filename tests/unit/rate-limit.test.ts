import { describe, expect, it } from 'vitest';

import { RateLimiter } from '../../src/domain/rate-limit';

describe('RateLimiter', () => {
  it('allows `limit` hits per window and then says how long to wait', () => {
    const limiter = new RateLimiter(3, 60_000);
    expect(limiter.hit('1.2.3.4', 0)).toEqual({ allowed: true, remaining: 2 });
    limiter.hit('1.2.3.4', 1_000);
    expect(limiter.hit('1.2.3.4', 2_000)).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.hit('1.2.3.4', 30_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.hit('1.2.3.4', 59_999)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('starts afresh when the window has passed, and counts each key apart', () => {
    const limiter = new RateLimiter(1, 1_000);
    limiter.hit('a', 0);
    expect(limiter.hit('a', 500).allowed).toBe(false);
    expect(limiter.hit('b', 500).allowed).toBe(true);
    expect(limiter.hit('a', 1_000).allowed).toBe(true);
  });

  it('never holds more than maxKeys windows (a flood of addresses cannot exhaust memory)', () => {
    const limiter = new RateLimiter(1, 60_000, 100);
    for (let i = 0; i < 1_000; i++) limiter.hit(`10.0.${i >> 8}.${i & 255}`, i);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
  });

  it('a flood of new addresses cannot push a blocked address out of the table', () => {
    const limiter = new RateLimiter(2, 60_000, 100);
    for (let i = 0; i < 3; i++) limiter.hit('blocked', i);
    expect(limiter.hit('blocked', 10).allowed).toBe(false);
    for (let i = 0; i < 1_000; i++) limiter.hit(`rotating-${i}`, 20 + i);
    expect(limiter.hit('blocked', 2_000).allowed, 'still blocked').toBe(false);
    // The newcomers beyond the table's size share one window, which fills at once.
    expect(limiter.hit('rotating-new', 2_001).allowed).toBe(false);
    // Once windows expire, new addresses get their own again.
    expect(limiter.hit('after', 60_000 + 2_000).allowed).toBe(true);
  });

  it('refuses a nonsensical configuration', () => {
    expect(() => new RateLimiter(0, 1000)).toThrow(RangeError);
    expect(() => new RateLimiter(1.5, 1000)).toThrow(RangeError);
    expect(() => new RateLimiter(1, 0)).toThrow(RangeError);
  });
});
