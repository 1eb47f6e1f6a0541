/**
 * Calendar quarters in Vietnam's time (Asia/Ho_Chi_Minh: UTC+7 all year, no
 * daylight saving). Pure arithmetic on a fixed offset, so the result never
 * depends on the machine's time zone or its tz database.
 */
import { parseQuarterId, type QuarterId } from './quarter-id';

export { isQuarterId, parseQuarterId, type QuarterId } from './quarter-id';

export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

/** The quarter containing an instant, in Vietnam's time. */
export function quarterOf(instant: Date): Quarter {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return { year: local.getUTCFullYear(), quarter: (Math.floor(local.getUTCMonth() / 3) + 1) as Quarter['quarter'] };
}

export function quarterId(q: Quarter): QuarterId {
  return `${q.year}-Q${q.quarter}` as QuarterId;
}

export function quarterIdOf(instant: Date): QuarterId {
  return quarterId(quarterOf(instant));
}

/** First instant of the quarter: local midnight on its first day. */
export function quarterStart(q: Quarter | string): Date {
  const { year, quarter } = typeof q === 'string' ? parseQuarterId(q) : q;
  return new Date(Date.UTC(year, (quarter - 1) * 3, 1) - VIETNAM_OFFSET_MS);
}

/** Last millisecond of the quarter (one before the next quarter's start). */
export function quarterEnd(q: Quarter | string): Date {
  return new Date(quarterStart(nextQuarter(typeof q === 'string' ? parseQuarterId(q) : q)).getTime() - 1);
}

export function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4
    ? { year: q.year + 1, quarter: 1 }
    : { year: q.year, quarter: (q.quarter + 1) as Quarter['quarter'] };
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year - b.year || a.quarter - b.quarter;
}

/** Every quarter from `first` to `last`, both included, oldest first. */
export function quartersBetween(first: Quarter, last: Quarter): Quarter[] {
  const list: Quarter[] = [];
  for (let q = first; compareQuarters(q, last) <= 0; q = nextQuarter(q)) list.push(q);
  return list;
}

/** "Quý I/2022": how Vietnamese documents name a quarter. */
export function quarterLabel(q: Quarter | string): string {
  const { year, quarter } = typeof q === 'string' ? parseQuarterId(q) : q;
  return `Quý ${ROMAN[quarter - 1]}/${year}`;
}

/** The archive address segment: `2022-q1`. */
export function quarterSlug(q: Quarter | string): string {
  const { year, quarter } = typeof q === 'string' ? parseQuarterId(q) : q;
  return `${year}-q${quarter}`;
}

/**
 * Whole or part days left in the quarter after `now`, counting today: on the
 * last day of a quarter 1 day is left. 0 once the quarter has ended.
 */
export function daysLeftInQuarter(q: Quarter, now: Date): number {
  const end = quarterEnd(q).getTime() + 1;
  if (now.getTime() >= end) return 0;
  return Math.ceil((end - now.getTime()) / DAY_MS);
}
