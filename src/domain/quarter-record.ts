/**
 * The record of a closed quarter: what a school's coverage report said about
 * it once it had ended, kept unchanged (the closing job appends it with its
 * hash; nobody edits or deletes it). The district shows a closed quarter from
 * its record and flags where today's data says otherwise.
 *
 * Pure: the record is made from a report (nothing re-implements the rule), and
 * the same data at the same moment always gives the same record and the same
 * bytes hashed, whatever order the items or an object's keys came in.
 */
import { createHash } from 'node:crypto';

import { ColumnError } from '../messages/column-error';
import type { CoverageReport, CoverageStatus, ReportedItem } from './coverage';
import {
  isQuarterId,
  parseQuarterId,
  quarterEnd,
  quarterId,
  quarterOf,
  quartersBetween,
  quarterStart,
  VIETNAM_OFFSET_MS,
} from './quarters';

export const QUARTER_RECORD_VERSION = 1;

export type RecordedItem = {
  id: string;
  collection: string;
  title: string;
  url: string | null;
  publishedAt: string;
  firstPublishedAt: string;
};

export type QuarterRecord = {
  version: typeof QUARTER_RECORD_VERSION;
  school: { slug: string; name: string };
  /** `YYYY-Qn` */
  quarter: string;
  /** A record is only made for an ended quarter: never 'in-progress'. */
  status: 'covered' | 'missed';
  minPerQuarter: number;
  count: number;
  items: RecordedItem[];
  lateItems: RecordedItem[];
  /** ISO instant the closing job ran. */
  closedAt: string;
};

// Code-unit order, not localeCompare: the order must not depend on the machine's locale.
const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const canonicalOrder = (a: RecordedItem, b: RecordedItem) =>
  order(a.publishedAt, b.publishedAt) || order(a.collection, b.collection) || order(a.id, b.id);

function recorded(item: ReportedItem): RecordedItem {
  return {
    id: String(item.id),
    collection: item.collection,
    title: item.title.normalize('NFC'),
    url: item.url,
    publishedAt: item.publishedAt,
    firstPublishedAt: item.firstPublishedAt,
  };
}

const recordedSorted = (items: readonly ReportedItem[]) => items.map(recorded).sort(canonicalOrder);

/**
 * The record of one ended quarter, from the school's coverage report computed
 * at `now` (after the quarter's end). Throws a ColumnError if the quarter is
 * not in the report, or has not ended at `now` or when the report was made.
 */
export function quarterRecordFrom(
  report: CoverageReport,
  quarter: string,
  school: { slug: string; name: string },
  now: Date,
): QuarterRecord {
  const q = report.quarters.find((r) => r.quarter === quarter);
  if (!q) {
    throw new ColumnError('QuarterRecordNotInReport', {
      quarter,
      first: report.quarters[0]?.quarter ?? '—',
      last: report.quarters.at(-1)?.quarter ?? '—',
    });
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new ColumnError('CoverageBadNow');
  const end = quarterEnd(quarter);
  const notEnded = (at: string) => new ColumnError('QuarterRecordNotEnded', { quarter, end: end.toISOString(), at });
  if (now.getTime() <= end.getTime()) throw notEnded(now.toISOString());
  // A report made before the end may lack the quarter's last items, however late the job runs.
  if (!(Date.parse(report.generatedAt) > end.getTime())) throw notEnded(report.generatedAt);
  if (q.status === 'in-progress') {
    throw new ColumnError('CoverageReportInconsistent', {
      quarter,
      status: q.status,
      count: q.count,
      items: q.items.length,
    });
  }
  const items = recordedSorted(q.items);
  return {
    version: QUARTER_RECORD_VERSION,
    school: { slug: school.slug, name: school.name.normalize('NFC') },
    quarter,
    status: q.status,
    minPerQuarter: report.policy.minPerQuarter,
    count: items.length,
    items,
    lateItems: recordedSorted(q.lateItems),
    closedAt: now.toISOString(),
  };
}

/**
 * Canonical JSON: keys sorted (by UTF-16 code unit, as RFC 8785) at every
 * level, no whitespace, every string and key in NFC: the bytes that are
 * hashed. Properties set to undefined are left out, as JSON.stringify does;
 * anything JSON cannot carry exactly (NaN, Infinity, a Date, a class
 * instance, a cycle) is refused rather than silently written another way.
 */
export function canonicalJson(value: unknown): string {
  const ancestors = new Set<object>();
  const write = (v: unknown): string => {
    if (v === null || typeof v === 'boolean') return String(v);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: ${v} has no JSON form`);
      return JSON.stringify(v);
    }
    if (typeof v === 'string') return JSON.stringify(v.normalize('NFC'));
    if (typeof v !== 'object') throw new TypeError(`canonicalJson: a ${typeof v} has no JSON form`);
    if (ancestors.has(v)) throw new TypeError('canonicalJson: the value contains a cycle');
    ancestors.add(v);
    try {
      if (Array.isArray(v)) return `[${v.map((e) => (e === undefined ? 'null' : write(e))).join(',')}]`;
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError('canonicalJson: only plain objects and arrays have a canonical form');
      }
      const entries = new Map<string, unknown>();
      for (const [key, val] of Object.entries(v)) {
        if (val === undefined) continue;
        const nfc = key.normalize('NFC');
        if (entries.has(nfc)) throw new TypeError(`canonicalJson: two keys read "${nfc}" once normalized`);
        entries.set(nfc, val);
      }
      const keys = [...entries.keys()].sort(order);
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(entries.get(k))}`).join(',')}}`;
    } finally {
      ancestors.delete(v);
    }
  };
  return write(value);
}

/** SHA-256 (lowercase hex) of the record's canonical JSON in UTF-8. */
export function recordHash(record: QuarterRecord): string {
  return createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');
}

/** True when `hash` is the record's hash; false for a record that cannot be hashed or a malformed hash. */
export function verifyRecord(record: QuarterRecord, hash: string): boolean {
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/i.test(hash)) return false;
  try {
    return recordHash(record) === hash.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * What today's data says differently about a closed quarter. `removed`: items
 * in the record no longer counted there today (deleted, unpublished, moved to
 * another quarter, or set not to count). `added`: items counted there today
 * that the record does not have (e.g. back-dated later); they do not change
 * the closed result. `statusToday` is null when today's report does not cover
 * the quarter (its start was moved later): then nothing is compared item by
 * item, and the status counts as changed.
 */
export type RecordDifference = {
  removed: RecordedItem[];
  added: RecordedItem[];
  statusToday: CoverageStatus | null;
  statusChanged: boolean;
};

// An item is the same item whatever became of its title or date: the same collection and id, or
// the same collection and address (a school restored into another database keeps its addresses,
// not its ids; an item whose slug was edited keeps its id).
type Comparable = { collection: string; id: string | number; url: string | null };
const idKey = (item: Comparable) => `${item.collection}\u0000id\u0000${String(item.id)}`;
const urlKey = (item: Comparable) => (item.url ? `${item.collection}\u0000url\u0000${item.url}` : null);
const keysOf = (items: readonly Comparable[]) =>
  new Set(items.flatMap((item) => [idKey(item), urlKey(item)].filter((k): k is string => k !== null)));
const isIn = (keys: Set<string>) => (item: Comparable) =>
  keys.has(idKey(item)) || (urlKey(item) !== null && keys.has(urlKey(item)!));

export function compareWithToday(record: QuarterRecord, today: CoverageReport): RecordDifference {
  const q = today.quarters.find((r) => r.quarter === record.quarter);
  if (!q) return { removed: [], added: [], statusToday: null, statusChanged: true };
  const inToday = isIn(keysOf(q.items));
  const inRecord = isIn(keysOf(record.items));
  return {
    removed: record.items.filter((item) => !inToday(item)),
    added: recordedSorted(q.items.filter((item) => !inRecord(item))),
    statusToday: q.status,
    statusChanged: q.status !== record.status,
  };
}

/**
 * Quarters that ended at or before `now` and have no record yet, from the
 * policy start, oldest first: what the closing job must record. A job that
 * missed runs catches up; a second run records nothing twice. Records of
 * quarters before the start (it was moved later) are ignored.
 */
export function quartersToClose(policyStart: string, now: Date, recorded: readonly string[]): string[] {
  if (typeof policyStart !== 'string' || !isQuarterId(policyStart)) {
    throw new ColumnError('CoverageBadStart', { start: String(policyStart) });
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new ColumnError('CoverageBadNow');
  // The last ended quarter is the one holding the instant just before the current quarter began.
  const lastEnded = quarterOf(new Date(quarterStart(quarterOf(now)).getTime() - 1));
  const done = new Set(recorded);
  // Empty when the start is after the last ended quarter.
  return quartersBetween(parseQuarterId(policyStart), lastEnded)
    .map(quarterId)
    .filter((id) => !done.has(id));
}

/** Minutes after midnight, Vietnam time, when the closing job runs each day. */
export const CLOSING_RUN_MINUTE = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The closing job's next run strictly after `after`: 00:05 Vietnam time, a
 * few minutes into the day a quarter ends on. Fixed-offset arithmetic, so it
 * does not depend on the server's time zone (a cron would be read in it).
 */
export function nextClosingRun(after: Date): Date {
  if (!(after instanceof Date) || Number.isNaN(after.getTime())) throw new ColumnError('CoverageBadNow');
  const local = after.getTime() + VIETNAM_OFFSET_MS;
  const runToday = Math.floor(local / DAY_MS) * DAY_MS + CLOSING_RUN_MINUTE * 60_000;
  const run = runToday > local ? runToday : runToday + DAY_MS;
  return new Date(run - VIETNAM_OFFSET_MS);
}

/** A stored record as the dashboard gets it: `verified` when its hash matches its content. */
export type StoredRecord = { record: QuarterRecord; verified: boolean };

/**
 * A school's report as the district sees it: each closed quarter from its
 * record (what was true when the quarter ended), not from today's data.
 * `differs`: closed quarters where today's data says otherwise (an item
 * deleted, unpublished or re-dated since, or another status), or whose record
 * no longer matches its hash (`unverified`, then not applied: the cell keeps
 * today's figures and says the record cannot be trusted).
 */
export function applyRecords(
  today: CoverageReport,
  records: readonly StoredRecord[],
): { report: CoverageReport; differs: string[]; unverified: string[] } {
  const differs: string[] = [];
  const unverified: string[] = [];
  const byQuarter = new Map(records.map((r) => [r.record?.quarter, r]));
  const quarters = today.quarters.map((q) => {
    const stored = byQuarter.get(q.quarter);
    if (!stored) return q;
    if (!stored.verified) {
      unverified.push(q.quarter);
      differs.push(q.quarter);
      return q;
    }
    const { record } = stored;
    const diff = compareWithToday(record, today);
    if (diff.statusChanged || diff.removed.length > 0) differs.push(q.quarter);
    return {
      ...q,
      status: record.status,
      count: record.count,
      items: record.items,
      late: record.lateItems.length,
      lateItems: record.lateItems,
    };
  });
  const covered = quarters.filter((q) => q.status === 'covered').length;
  const missed = quarters.filter((q) => q.status === 'missed');
  return {
    report: {
      ...today,
      quarters,
      summary: {
        ...today.summary,
        covered,
        missed: missed.length,
        missedQuarters: missed.map((q) => q.quarter),
      },
    },
    differs,
    unverified,
  };
}
