import autocannon from 'autocannon';

import { percentiles } from './stats';

export type CannonResult = {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

/**
 * One autocannon run, with p50/p95/p99 computed from every response's time
 * (autocannon's own summary stops at p90 and p97.5).
 */
export function cannon(url: string, connections: number, seconds: number): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon({ url, connections, duration: seconds }, (error, r) => {
      if (error) return reject(error);
      resolve({
        requests: r.requests.total,
        requestsPerSecond: Math.round(r.requests.average),
        ...percentiles(times),
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
      });
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  });
}
