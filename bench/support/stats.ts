/** The few statistics the benchmarks share. */

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** p50/p95/p99 of latencies in ms (nearest rank), rounded to `digits`. */
export function percentiles(times: number[], digits = 1): { p50: number; p95: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0, digits);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
