/**
 * A fixed-window counter per key (a client address): at most `limit` hits in
 * each `windowMs`. In memory, so per server process — enough for the one CMS
 * process of a school; a larger deployment also limits in its reverse proxy.
 *
 * The table holds at most `maxKeys` windows. When it is full of windows that
 * are still open, a new key shares one overflow window instead of evicting an
 * old one: otherwise an attacker with many addresses (an IPv6 range) could
 * push its own blocked window out of the table and start afresh.
 */
export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

const OVERFLOW_KEY = '\u0000overflow';

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be an integer ≥ 1');
    if (!(windowMs > 0)) throw new RangeError('windowMs must be > 0');
    if (!Number.isInteger(maxKeys) || maxKeys < 2) throw new RangeError('maxKeys must be an integer ≥ 2');
  }

  hit(requested: string, now = Date.now()): RateDecision {
    let key = requested;
    // One slot stays free for the overflow window.
    if (!this.windows.has(key) && this.windows.size >= this.maxKeys - 1) {
      this.dropExpired(now);
      if (this.windows.size >= this.maxKeys - 1) key = OVERFLOW_KEY;
    }
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count > this.limit)
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
    return { allowed: true, remaining: this.limit - window.count };
  }

  private dropExpired(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
