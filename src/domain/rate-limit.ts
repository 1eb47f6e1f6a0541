/**
 * A fixed-window counter per key (e.g. a client address): at most `limit`
 * hits in each `windowMs`. In memory, so per server process — enough for the
 * one CMS process of a school; a larger deployment puts the limit in its
 * reverse proxy. Old windows are dropped as new ones start.
 */
export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be an integer ≥ 1');
    if (!(windowMs > 0)) throw new RangeError('windowMs must be > 0');
  }

  hit(key: string, now = Date.now()): RateDecision {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (!window && this.windows.size >= this.maxKeys) this.prune(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count > this.limit) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
    return { allowed: true, remaining: this.limit - window.count };
  }

  private prune(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
    // Still full of live windows: forget the oldest rather than grow without bound.
    while (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
  }
}
