/**
 * The school's closed-quarter records for its public coverage page: what was
 * recorded when each quarter ended, with the record's SHA-256, so a parent or
 * the district can check that the figures were not rewritten afterwards.
 * Read once per build from the CMS (`quarter-records`, public like the
 * coverage page itself). A CMS that has no such collection (an older
 * release, a test stand-in) answers 404: the page then shows no records.
 */
import { z } from 'zod';

import { type QuarterRecord, verifyRecord } from '../domain/quarter-record';
import { settings } from '../settings';
import { CmsClient } from './client';
import { CmsDataError, CmsHttpError } from './errors';
import { siteSchoolSlug } from './school';

export type PublishedRecord = {
  quarter: string;
  status: 'covered' | 'missed';
  count: number;
  closedAt: string;
  hash: string;
  /** The hash matches the record as stored: shown as checked, or as not to be trusted. */
  verified: boolean;
};

const recordDoc = z.object({
  quarter: z.string(),
  status: z.enum(['covered', 'missed']),
  closedAt: z.string(),
  hash: z.string(),
  record: z.record(z.string(), z.unknown()),
});
const listShape = z.object({ docs: z.array(recordDoc) });

let cached: Promise<PublishedRecord[]> | undefined;

async function fetchRecords(): Promise<PublishedRecord[]> {
  const client = new CmsClient({ baseUrl: settings().PAYLOAD_URL });
  let body: unknown;
  try {
    body = await client.getJson('/api/quarter-records', {
      'where[school.slug][equals]': await siteSchoolSlug(),
      depth: 0,
      limit: 0,
      sort: 'quarter',
    });
  } catch (error) {
    if (error instanceof CmsHttpError && error.status === 404) return [];
    throw error;
  }
  const parsed = listShape.safeParse(body);
  if (!parsed.success) throw new CmsDataError('CmsListShape', { collection: 'quarter-records' });
  return parsed.data.docs.map((doc) => ({
    quarter: doc.quarter,
    status: doc.status,
    count: typeof doc.record.count === 'number' ? doc.record.count : 0,
    closedAt: doc.closedAt,
    hash: doc.hash,
    verified: verifyRecord(doc.record as QuarterRecord, doc.hash),
  }));
}

export function closedRecords(): Promise<PublishedRecord[]> {
  cached ??= fetchRecords();
  return cached;
}
