/**
 * The plan's key dates, in Vietnam's calendar: 8/3, 20/3, 28/6 and the Action
 * Month for gender equality and against gender-based violence (15/11–15/12).
 * Pure: the site's home page and any reminder ask this module.
 */
import { VIETNAM_OFFSET_MS } from './quarters';
import type { Campaign } from './vocabulary';

type DayOfYear = { day: number; month: number };

export const KEY_DATES: readonly { campaign: Campaign; start: DayOfYear; end?: DayOfYear }[] = [
  { campaign: 'women-day-8-3', start: { day: 8, month: 3 } },
  { campaign: 'happiness-day-20-3', start: { day: 20, month: 3 } },
  { campaign: 'family-day-28-6', start: { day: 28, month: 6 } },
  { campaign: 'action-month-15-11', start: { day: 15, month: 11 }, end: { day: 15, month: 12 } },
];

const DAY_MS = 86_400_000;

export type KeyDateOccurrence = {
  campaign: Campaign;
  /** First local day, as the UTC instant of its local midnight. */
  start: Date;
  /** Last local day (the start for one-day dates), as the UTC instant of its local midnight. */
  end: Date;
};

export type KeyDateStatus = {
  /** Key dates running today (a one-day date on its day, the Action Month from 15/11 to 15/12). */
  ongoing: (KeyDateOccurrence & { daysLeft: number })[];
  /** The next key date that starts after today, with whole days until it. */
  next: KeyDateOccurrence & { daysAway: number };
};

/** Local midnight of a calendar day in Vietnam, as a UTC epoch. */
const localMidnight = (year: number, { day, month }: DayOfYear) => Date.UTC(year, month - 1, day) - VIETNAM_OFFSET_MS;

/** The key dates of one calendar year, in the plan's order. */
export function keyDateOccurrences(year: number): KeyDateOccurrence[] {
  return KEY_DATES.map((k) => ({
    campaign: k.campaign,
    start: new Date(localMidnight(year, k.start)),
    end: new Date(localMidnight(year, k.end ?? k.start)),
  }));
}

export function keyDateStatus(now: Date): KeyDateStatus {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const year = local.getUTCFullYear();
  const today = Date.UTC(year, local.getUTCMonth(), local.getUTCDate()) - VIETNAM_OFFSET_MS;
  const occurrences = [year - 1, year, year + 1].flatMap(keyDateOccurrences).map((o) => ({
    campaign: o.campaign,
    startMs: o.start.getTime(),
    endMs: o.end.getTime(),
  }));
  const toOccurrence = (o: (typeof occurrences)[number]): KeyDateOccurrence => ({
    campaign: o.campaign,
    start: new Date(o.startMs),
    end: new Date(o.endMs),
  });
  const ongoing = occurrences
    .filter((o) => o.startMs <= today && today <= o.endMs)
    .map((o) => ({ ...toOccurrence(o), daysLeft: Math.round((o.endMs - today) / DAY_MS) + 1 }));
  const next = occurrences.filter((o) => o.startMs > today).sort((a, b) => a.startMs - b.startMs)[0]!;
  return { ongoing, next: { ...toOccurrence(next), daysAway: Math.round((next.startMs - today) / DAY_MS) } };
}
