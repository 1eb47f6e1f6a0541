/**
 * Schools that run their own install report to the district through their
 * published coverage.json. This fetches each one (src/district/fetch-report.ts,
 * the same reading as `npm run district`), stores the outcome on its
 * `self-reported-schools` document, and hands the dashboard those schools as
 * district sources marked self-reported. A failed fetch keeps the last good
 * report: the dashboard shows the older figures with the error beside them.
 */
import type { CollectionAfterChangeHook, Payload, PayloadRequest } from 'payload';

import type { CoverageReport } from '../../domain/coverage';
import { parseCoverageReport } from '../../domain/coverage-report-schema';
import type { DistrictSource } from '../../domain/district';
import { fetchCoverageReport, type FetchReportOptions } from '../../district/fetch-report';
import { renderMessage } from '../../messages/catalogue';
import { ColumnError } from '../../messages/column-error';
import type { SelfReportedSchool } from '../../payload-types';

export const SELF_REPORTED_SCHOOLS = 'self-reported-schools';
export const SELF_REPORTS_TASK = 'fetchSelfReports';
export const SELF_REPORTS_QUEUE = 'district';
/** Schools fetched at once: enough that one slow server does not hold up the rest, few enough for a small machine. */
export const SELF_REPORTS_CONCURRENCY = 4;
/** Context flag for bulk writes (an import, a restore) that must not queue a fetch per school. */
export const SKIP_SELF_REPORT_FETCH = 'skipSelfReportFetch';

type Id = SelfReportedSchool['id'];

export type RefreshOptions = Pick<FetchReportOptions, 'fetch' | 'timeoutMs'> & {
  /** The moment written as each school's lastFetchedAt (and lastSuccessAt). */
  now: Date;
  /** Only these schools (the one just added or readdressed); every school otherwise. */
  ids?: readonly (Id | string)[];
  concurrency?: number;
};

/** One school's fetch. `written` is false when the school was deleted or readdressed meanwhile, or its write failed. */
export type RefreshOutcome = { id: Id; source: string; written: boolean } & (
  { ok: true } | { ok: false; errorName: string; error: string }
);

export type RefreshSummary = { fetched: number; failed: number; outcomes: RefreshOutcome[] };

/**
 * Fetches every self-reported school's coverage.json (a few at a time) and
 * writes each outcome; one school's failure, or a failed write, never stops
 * the others. Writes go past access (the lastX fields are the system's).
 */
export async function refreshSelfReports(payload: Payload, options: RefreshOptions): Promise<RefreshSummary> {
  const { docs } = await payload.find({
    collection: SELF_REPORTED_SCHOOLS,
    where: options.ids ? { id: { in: [...options.ids] } } : {},
    pagination: false,
    depth: 0,
    sort: 'id',
    select: { coverageUrl: true },
  });
  const now = options.now.toISOString();
  const outcomes = await mapLimited(docs, options.concurrency ?? SELF_REPORTS_CONCURRENCY, async (doc) => {
    const fetched = await fetchCoverageReport(doc.coverageUrl, { fetch: options.fetch, timeoutMs: options.timeoutMs });
    const data =
      'report' in fetched
        ? { lastFetchedAt: now, lastSuccessAt: now, lastReport: fetched.report, lastError: null, lastErrorName: null }
        : { lastFetchedAt: now, lastError: fetched.error, lastErrorName: fetched.errorName };
    const written = await write(payload, doc.id, doc.coverageUrl, data);
    const result = 'report' in fetched ? { ok: true as const } : { ok: false as const, ...pick(fetched) };
    return { id: doc.id, source: doc.coverageUrl, written, ...result };
  });
  const failed = outcomes.filter((o) => !o.ok).length;
  return { fetched: outcomes.length - failed, failed, outcomes };
}

const pick = ({ errorName, error }: { errorName: string; error: string }) => ({ errorName, error });

/**
 * Only while the school still has the address that was fetched: a report
 * fetched from an address the admin has just replaced is not written over
 * the new address's (the fetch queued by that change writes it).
 */
async function write(
  payload: Payload,
  id: Id,
  coverageUrl: string,
  data: Partial<SelfReportedSchool>,
): Promise<boolean> {
  try {
    const { docs, errors } = await payload.update({
      collection: SELF_REPORTED_SCHOOLS,
      where: { and: [{ id: { equals: id } }, { coverageUrl: { equals: coverageUrl } }] },
      data,
      depth: 0,
      context: { [SKIP_SELF_REPORT_FETCH]: true },
    });
    for (const e of errors) payload.logger.error({ err: e.message, id: e.id }, 'self-reported school: write failed');
    return docs.length > 0;
  } catch (error) {
    payload.logger.error({ err: error, id }, 'self-reported school: write failed');
    return false;
  }
}

/** `fn` over `items`, at most `limit` at a time, results in the items' order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * A self-reported school as the district report takes it: `source` its
 * address, the last good report when there is one (even if a later fetch
 * failed: `lastError` says so), else the reason there is none.
 */
export type SelfReportedSource = DistrictSource & {
  origin: 'self-reported';
  id: Id;
  /** As the platform admin entered them; the report carries the school's own. */
  name: string;
  district: string;
  lastFetchedAt: string | null;
  /** When `report` was fetched. */
  lastSuccessAt: string | null;
  /** The latest fetch's failure (catalogue name and text), null when it succeeded. */
  lastError: { name: string; message: string } | null;
};

/** Every self-reported school for the dashboard, by name. */
export async function selfReportedSources(
  payload: Payload,
  options: { req?: PayloadRequest } = {},
): Promise<SelfReportedSource[]> {
  const { docs } = await payload.find({
    collection: SELF_REPORTED_SCHOOLS,
    pagination: false,
    depth: 0,
    sort: 'name',
    req: options.req,
  });
  return docs.map((doc): SelfReportedSource => {
    const common = {
      origin: 'self-reported' as const,
      id: doc.id,
      source: doc.coverageUrl,
      name: doc.name,
      district: doc.district ?? '',
      lastFetchedAt: doc.lastFetchedAt ?? null,
      lastSuccessAt: doc.lastSuccessAt ?? null,
      lastError: doc.lastError ? { name: doc.lastErrorName ?? '', message: doc.lastError } : null,
    };
    const stored = storedReport(doc);
    if ('report' in stored) return { ...common, report: stored.report };
    return { ...common, error: stored.error };
  });
}

/** The stored report, checked again (the database is not the schema); never fetched: the reason there is none yet. */
function storedReport(doc: SelfReportedSchool): { report: CoverageReport } | { error: string } {
  if (doc.lastReport === null || doc.lastReport === undefined)
    return { error: doc.lastError ?? renderMessage('DistrictNotFetchedYet').message };
  try {
    return { report: parseCoverageReport(doc.lastReport) };
  } catch (error) {
    return { error: ColumnError.is(error) ? error.summary : String(error) };
  }
}

/** A new school, or a new address: fetch it now (through the job queue, so the save does not wait on the school's server). */
export const fetchAfterUrlChange: CollectionAfterChangeHook<SelfReportedSchool> = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  if (context[SKIP_SELF_REPORT_FETCH]) return doc;
  if (operation !== 'create' && doc.coverageUrl === previousDoc?.coverageUrl) return doc;
  try {
    await req.payload.jobs.queue({
      task: SELF_REPORTS_TASK,
      queue: SELF_REPORTS_QUEUE,
      input: { school: String(doc.id) },
      req,
    });
  } catch (error) {
    // The hourly fetch will reach it; the admin's save stands.
    req.payload.logger.error({ err: error, id: doc.id }, 'self-reported school: could not queue its fetch');
  }
  return doc;
};
