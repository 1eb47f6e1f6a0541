import type { Payload, TypedUser } from 'payload';

import { buildCoverageReport } from '../../domain/coverage';
import {
  type QuarterRecord,
  quarterRecordFrom,
  quartersToClose,
  recordHash,
  verifyRecord,
} from '../../domain/quarter-record';
import type { SchoolId } from '../../domain/school-access';
import { renderMessage } from '../../messages/catalogue';
import { ColumnError } from '../../messages/column-error';
import type { QuarterRecord as QuarterRecordDoc, School } from '../../payload-types';
import { CLOSING_JOB_CONTEXT } from '../collections/QuarterRecords';
import { coverageInputFromCms } from '../coverage-source';

export type ClosedQuarter = { school: SchoolId; slug: string; quarter: string };
/** `code`: the catalogue name when the failure is one of ours, else null; `error`: the message a person reads. */
export type CloseFailure = { school: SchoolId; slug: string; code: string | null; error: string };
export type CloseResult = { created: ClosedQuarter[]; failed: CloseFailure[] };

const recordedQuarters = async (payload: Payload, school: SchoolId): Promise<string[]> => {
  const { docs } = await payload.find({
    collection: 'quarter-records',
    where: { school: { equals: school } },
    pagination: false,
    depth: 0,
    select: { quarter: true },
  });
  return docs.map((d) => d.quarter);
};

/**
 * Records the quarters of one school that ended by `now` and have none yet.
 * A create that fails because the record now exists (another runner got
 * there first: the unique index, or the hook's own check) is not a failure.
 */
async function closeSchool(payload: Payload, school: School, now: Date): Promise<ClosedQuarter[]> {
  const due = quartersToClose(school.reportingStartQuarter, now, await recordedQuarters(payload, school.id));
  if (due.length === 0) return [];
  // One report for every due quarter: they all come from the data as it is at `now`.
  const report = buildCoverageReport(await coverageInputFromCms(payload, { school, now }));
  const created: ClosedQuarter[] = [];
  for (const quarter of due) {
    const record = quarterRecordFrom(report, quarter, { slug: school.slug, name: school.name }, now);
    try {
      await payload.create({
        collection: 'quarter-records',
        data: {
          school: school.id,
          quarter,
          status: record.status,
          record,
          hash: recordHash(record),
          closedAt: record.closedAt,
        },
        depth: 0,
        context: { [CLOSING_JOB_CONTEXT]: true },
      });
      created.push({ school: school.id, slug: school.slug, quarter });
    } catch (error) {
      // A database that failed the create may fail this read too: then the create's error is the one to report.
      const recordedNow = await recordedQuarters(payload, school.id).catch((): string[] => []);
      if (recordedNow.includes(quarter)) continue;
      throw error;
    }
  }
  return created;
}

/**
 * The closing job's work: for every school that is not archived, a record of
 * each quarter that has ended by `now` and has none yet, made from the
 * school's coverage report at `now`. Idempotent (a second run creates
 * nothing; a run that missed days catches up). One school's failure is
 * logged and reported and does not stop the others.
 */
export async function closeEndedQuarters(payload: Payload, options: { now: Date }): Promise<CloseResult> {
  const { now } = options;
  const { docs: schools } = await payload.find({
    collection: 'schools',
    where: { archived: { not_equals: true } },
    sort: 'id',
    pagination: false,
    depth: 0,
  });
  const result: CloseResult = { created: [], failed: [] };
  for (const school of schools) {
    try {
      result.created.push(...(await closeSchool(payload, school, now)));
    } catch (error) {
      const code = ColumnError.is(error) ? error.code : null;
      const reason = ColumnError.is(error) ? error.summary : error instanceof Error ? error.message : String(error);
      payload.logger.error({ err: error }, renderMessage('QuarterCloseFailed', { school: school.slug, reason }).text);
      result.failed.push({ school: school.id, slug: school.slug, code, error: reason });
    }
  }
  return result;
}

export type ClosedRecord = {
  id: QuarterRecordDoc['id'];
  quarter: string;
  status: QuarterRecordDoc['status'];
  closedAt: string;
  record: QuarterRecord;
  hash: string;
  /** The hash matches the record, and the document's own fields say what the record says. */
  verified: boolean;
};

/**
 * A school's closed quarters, oldest first, each checked against its hash,
 * for the district dashboard. With `user`, only what that account may read
 * (an anonymous reader: null); without, everything.
 */
export async function closedRecords(
  payload: Payload,
  schoolId: SchoolId,
  options: { user?: TypedUser | null } = {},
): Promise<ClosedRecord[]> {
  const asUser = 'user' in options ? { overrideAccess: false, user: options.user ?? undefined } : {};
  const { docs } = await payload.find({
    collection: 'quarter-records',
    where: { school: { equals: schoolId } },
    sort: 'quarter',
    pagination: false,
    depth: 0,
    ...asUser,
  });
  return docs.map((doc) => {
    const record = doc.record as QuarterRecord;
    const consistent =
      typeof record === 'object' &&
      record !== null &&
      record.quarter === doc.quarter &&
      record.status === doc.status &&
      Date.parse(record.closedAt) === Date.parse(doc.closedAt);
    return {
      id: doc.id,
      quarter: doc.quarter,
      status: doc.status,
      closedAt: doc.closedAt,
      record,
      hash: doc.hash,
      verified: consistent && verifyRecord(record, doc.hash),
    };
  });
}
