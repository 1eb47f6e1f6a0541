/**
 * The quarterly coverage rule: was the column kept up every quarter?
 * Pure and deterministic: the CLI, the site build, the admin dashboard and the
 * district report all call `buildCoverageReport`; nothing re-implements it.
 *
 * - Quarters are calendar quarters in Vietnam's time (see quarters.ts).
 * - The report lists every quarter from the policy's start to the quarter
 *   containing `now`, oldest first.
 * - An item counts when it is published, `countsTowardColumn` is true, its
 *   collection is counted, and its `publishedAt` is not after `now`. It counts
 *   in the quarter containing `publishedAt`, provided it was first published
 *   (`firstPublishedAt`, else `publishedAt`) no later than that quarter's end;
 *   otherwise it is late there and counts nowhere.
 */
import type { MessageName } from '../messages/catalogue';
import { ColumnError } from '../messages/column-error';
import { isIsoInstant } from './instant';
import {
  compareQuarters,
  daysLeftInQuarter,
  isQuarterId,
  parseQuarterId,
  type Quarter,
  quarterEnd,
  quarterId,
  quarterLabel,
  quarterOf,
  quartersBetween,
  quarterStart,
} from './quarters';

export const COVERAGE_REPORT_VERSION = 1;

export type CoverageStatus = 'covered' | 'missed' | 'in-progress';

export type CoveragePolicy = {
  /** First reported quarter, `YYYY-Qn`. */
  start: string;
  minPerQuarter: number;
  /** Collections whose items count; default `['articles']`. */
  countedCollections?: readonly string[];
};

export type CoverageItem = {
  id: string | number;
  collection: string;
  title: string;
  status: string;
  publishedAt?: string | null;
  firstPublishedAt?: string | null;
  countsTowardColumn?: boolean | null;
  /** Where a reader finds the item, when known. */
  url?: string | null;
};

export type ReportedItem = {
  id: string | number;
  collection: string;
  title: string;
  url: string | null;
  publishedAt: string;
  /** When it was first published (`firstPublishedAt`, else `publishedAt`): a closed quarter's record keeps it. */
  firstPublishedAt: string;
};

/** A reported item first published after its quarter ended. */
export type LateItem = ReportedItem;

export type QuarterReport = {
  quarter: string;
  /** "Quý I/2022" */
  label: string;
  start: string;
  end: string;
  status: CoverageStatus;
  /** Items counted in this quarter. */
  count: number;
  /** Items dated in this quarter but first published after it ended. */
  late: number;
  /** Days left in the quarter counting today; 0 once it has ended. */
  daysLeft: number;
  items: ReportedItem[];
  lateItems: LateItem[];
};

export type CoverageReport = {
  version: typeof COVERAGE_REPORT_VERSION;
  school: { name: string; district: string };
  generatedAt: string;
  policy: { start: string; minPerQuarter: number; countedCollections: string[] };
  summary: { quarters: number; covered: number; missed: number; inProgress: number; missedQuarters: string[] };
  quarters: QuarterReport[];
};

/** Bad input: the report would be wrong, so none is made. A catalogue message in Vietnamese and English. */
export class CoverageInputError<N extends CoverageInputName = CoverageInputName> extends ColumnError<N> {}

type CoverageInputName = Extract<MessageName, `Coverage${string}`>;

export type CoverageInput = {
  policy: CoveragePolicy;
  now: Date;
  items: readonly CoverageItem[];
  school?: { name?: string; district?: string };
};

function parseInstant(value: string, what: string): Date {
  if (!isIsoInstant(value)) {
    throw new CoverageInputError('CoverageBadInstant', { what, value });
  }
  return new Date(value);
}

function validatePolicy(policy: CoveragePolicy, now: Date): { start: Quarter; min: number; counted: Set<string> } {
  if (!policy || typeof policy.start !== 'string' || !isQuarterId(policy.start)) {
    throw new CoverageInputError('CoverageBadStart', { start: String(policy?.start) });
  }
  const start = parseQuarterId(policy.start);
  if (compareQuarters(start, quarterOf(now)) > 0) {
    throw new CoverageInputError('CoverageStartInFuture', { start: policy.start, current: quarterId(quarterOf(now)) });
  }
  if (!Number.isInteger(policy.minPerQuarter) || policy.minPerQuarter < 1) {
    throw new CoverageInputError('CoverageBadMinimum', { value: String(policy.minPerQuarter) });
  }
  const counted = policy.countedCollections ?? ['articles'];
  if (counted.length === 0) {
    throw new CoverageInputError('CoverageNothingCounted');
  }
  return { start, min: policy.minPerQuarter, counted: new Set(counted) };
}

export function buildCoverageReport({ policy, now, items, school }: CoverageInput): CoverageReport {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new CoverageInputError('CoverageBadNow');
  }
  const { start, min, counted } = validatePolicy(policy, now);
  const current = quarterOf(now);
  const quarters = quartersBetween(start, current);
  const buckets = new Map<string, { endMs: number; items: ReportedItem[]; late: LateItem[] }>(
    quarters.map((q) => [quarterId(q), { endMs: quarterEnd(q).getTime(), items: [], late: [] }]),
  );

  for (const item of items) {
    if (item.status !== 'published' || item.countsTowardColumn !== true || !counted.has(item.collection)) continue;
    const label = `Mục ${item.collection}/${item.id}`;
    if (!item.publishedAt) {
      throw new CoverageInputError('CoverageNoPublishedAt', { label });
    }
    const published = parseInstant(item.publishedAt, `${label} publishedAt`);
    const first = item.firstPublishedAt ? parseInstant(item.firstPublishedAt, `${label} firstPublishedAt`) : published;
    if (published.getTime() > now.getTime()) continue; // scheduled: not yet public
    const bucket = buckets.get(quarterId(quarterOf(published)));
    if (!bucket) continue; // before the reporting start
    const reported: ReportedItem = {
      id: item.id,
      collection: item.collection,
      title: item.title,
      url: item.url ?? null,
      publishedAt: published.toISOString(),
      firstPublishedAt: first.toISOString(),
    };
    if (first.getTime() > bucket.endMs) {
      bucket.late.push(reported);
    } else {
      bucket.items.push(reported);
    }
  }

  // Every publishedAt here came from toISOString(), so plain string order is time order
  // (and far cheaper than localeCompare on a million items); ties by id, stably.
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const byDate = (a: ReportedItem, b: ReportedItem) =>
    order(a.publishedAt, b.publishedAt) || order(String(a.id), String(b.id));
  const reports = quarters.map((q): QuarterReport => {
    const id = quarterId(q);
    const bucket = buckets.get(id)!;
    const isCurrent = compareQuarters(q, current) === 0;
    const count = bucket.items.length;
    const status: CoverageStatus = count >= min ? 'covered' : isCurrent ? 'in-progress' : 'missed';
    return {
      quarter: id,
      label: quarterLabel(q),
      start: quarterStart(q).toISOString(),
      end: quarterEnd(q).toISOString(),
      status,
      count,
      late: bucket.late.length,
      daysLeft: isCurrent ? daysLeftInQuarter(q, now) : 0,
      items: bucket.items.sort(byDate),
      lateItems: bucket.late.sort(byDate),
    };
  });

  const missedQuarters = reports.filter((r) => r.status === 'missed').map((r) => r.quarter);
  return {
    version: COVERAGE_REPORT_VERSION,
    school: { name: school?.name ?? '', district: school?.district ?? '' },
    generatedAt: now.toISOString(),
    policy: { start: quarterId(start), minPerQuarter: min, countedCollections: [...counted] },
    summary: {
      quarters: reports.length,
      covered: reports.filter((r) => r.status === 'covered').length,
      missed: missedQuarters.length,
      inProgress: reports.filter((r) => r.status === 'in-progress').length,
      missedQuarters,
    },
    quarters: reports,
  };
}

/** The quarter in progress (always the last one of a report). */
export function currentQuarter(report: CoverageReport): QuarterReport {
  return report.quarters[report.quarters.length - 1]!;
}

/** Editors are warned when the current quarter is not yet covered and this many days or fewer are left. */
export const REMINDER_DAYS = 21;

/** The current quarter when it needs a reminder, else null. */
export function quarterNeedingReminder(report: CoverageReport, thresholdDays = REMINDER_DAYS): QuarterReport | null {
  const current = currentQuarter(report);
  return current.status === 'in-progress' && current.daysLeft <= thresholdDays ? current : null;
}
