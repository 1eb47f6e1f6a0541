/** Schools' coverage reports for the district tests (matrix, year totals, workbook). */
import { buildCoverageReport, type CoverageItem, type CoverageReport } from '../../src/domain/coverage';
import { quarterStart } from '../../src/domain/quarters';

export const item = (id: number, publishedAt: string, extra: Partial<CoverageItem> = {}): CoverageItem => ({
  id,
  collection: 'articles',
  title: `Bài ${id}`,
  status: 'published',
  publishedAt,
  countsTowardColumn: true,
  ...extra,
});

/** 2022-Q1 covered, 2022-Q2 missed with one late item, 2022-Q3 in progress. */
export const schoolA = buildCoverageReport({
  policy: { start: '2022-Q1', minPerQuarter: 1 },
  now: new Date('2022-08-01T00:00:00Z'),
  items: [
    item(1, '2022-02-01T00:00:00Z'),
    item(2, '2022-05-01T00:00:00Z', { firstPublishedAt: '2022-07-05T00:00:00Z' }),
  ],
  school: { name: 'THCS <A> & "B"', district: 'Quận 1' },
});

/** Starts 2022-Q2 (covered, in progress when generated); says nothing of 2022-Q3. */
export const schoolB = buildCoverageReport({
  policy: { start: '2022-Q2', minPerQuarter: 1 },
  now: new Date('2022-05-01T00:00:00Z'),
  items: [item(3, '2022-04-10T00:00:00Z')],
  school: { name: 'THCS B', district: 'Quận 1' },
});

/**
 * A school's report from `start` to the quarter of `now`, with one article
 * in the middle of each quarter in `covered` (published on time).
 */
export function schoolReport(
  name: string,
  { start, now, covered }: { start: string; now: string; covered: string[] },
): CoverageReport {
  return buildCoverageReport({
    policy: { start, minPerQuarter: 1 },
    now: new Date(now),
    items: covered.map((q, i) => item(i + 1, new Date(quarterStart(q).getTime() + 30 * 86_400_000).toISOString())),
    school: { name, district: 'Huyện Gia Lâm' },
  });
}
