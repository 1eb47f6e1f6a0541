/**
 * The published `coverage.json` (report version 1), as read back by the
 * district: validated, so that a malformed or foreign file is reported as
 * unreadable rather than mistaken for a covered school.
 */
import { z } from 'zod';

import { ColumnError } from '../messages/column-error';
import { COVERAGE_REPORT_VERSION, type CoverageReport } from './coverage';

const itemFields = {
  id: z.union([z.string(), z.number()]),
  collection: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  publishedAt: z.string(),
};

// Reports written before counted items carried firstPublishedAt stay readable: the
// coverage rule itself takes publishedAt when an item has no firstPublishedAt.
const item = z
  .object({ ...itemFields, firstPublishedAt: z.string().optional() })
  .transform(({ firstPublishedAt, ...rest }) => ({ ...rest, firstPublishedAt: firstPublishedAt ?? rest.publishedAt }));
const lateItem = z.object({ ...itemFields, firstPublishedAt: z.string() });

export const coverageReportSchema = z.object({
  version: z.literal(COVERAGE_REPORT_VERSION),
  school: z.object({ name: z.string(), district: z.string() }),
  generatedAt: z.string(),
  policy: z.object({
    start: z.string().regex(/^\d{4}-Q[1-4]$/),
    minPerQuarter: z.number().int().min(1),
    countedCollections: z.array(z.string()),
  }),
  summary: z.object({
    quarters: z.number(),
    covered: z.number(),
    missed: z.number(),
    inProgress: z.number(),
    missedQuarters: z.array(z.string()),
  }),
  quarters: z.array(
    z.object({
      quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
      label: z.string(),
      start: z.string(),
      end: z.string(),
      status: z.enum(['covered', 'missed', 'in-progress']),
      count: z.number().int().min(0),
      late: z.number().int().min(0),
      daysLeft: z.number(),
      items: z.array(item),
      lateItems: z.array(lateItem),
    }),
  ),
});

export function parseCoverageReport(json: unknown): CoverageReport {
  const result = coverageReportSchema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw new ColumnError('CoverageReportInvalid', {
      version: COVERAGE_REPORT_VERSION,
      path: first.path.join('.') || 'gốc',
      problem: first.message,
    });
  }
  // A covered quarter must actually carry its items: a hand-edited "covered" with count 0 is refused.
  for (const q of result.data.quarters) {
    if (q.count !== q.items.length || (q.status === 'covered' && q.count < result.data.policy.minPerQuarter)) {
      throw new ColumnError('CoverageReportInconsistent', {
        quarter: q.quarter,
        status: q.status,
        count: q.count,
        items: q.items.length,
      });
    }
  }
  return result.data as CoverageReport;
}
