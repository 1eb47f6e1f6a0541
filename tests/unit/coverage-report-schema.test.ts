import { describe, expect, it } from 'vitest';

import { buildCoverageReport } from '../../src/domain/coverage';
import { parseCoverageReport } from '../../src/domain/coverage-report-schema';
import { ColumnError } from '../../src/messages/column-error';

const report = buildCoverageReport({
  policy: { start: '2022-Q1', minPerQuarter: 1 },
  now: new Date('2022-08-01T00:00:00Z'),
  items: [
    {
      id: 1,
      collection: 'articles',
      title: 'Bài 1',
      status: 'published',
      countsTowardColumn: true,
      publishedAt: '2022-02-01T00:00:00Z',
      firstPublishedAt: '2022-01-15T00:00:00Z',
    },
    {
      id: 2,
      collection: 'articles',
      title: 'Bài 2',
      status: 'published',
      countsTowardColumn: true,
      publishedAt: '2022-05-01T00:00:00Z',
      firstPublishedAt: '2022-07-05T00:00:00Z',
    },
  ],
});
const copy = () => JSON.parse(JSON.stringify(report));

describe("counted items' firstPublishedAt in a published coverage.json", () => {
  it('is read back as written', () => {
    expect(parseCoverageReport(copy()).quarters[0]!.items[0]!.firstPublishedAt).toBe('2022-01-15T00:00:00.000Z');
  });

  it('a report written before items carried it stays readable, taking publishedAt as the rule does', () => {
    const old = copy();
    delete old.quarters[0].items[0].firstPublishedAt;
    const parsed = parseCoverageReport(old);
    expect(parsed.quarters[0]!.items[0]).toEqual({
      id: 1,
      collection: 'articles',
      title: 'Bài 1',
      url: null,
      publishedAt: '2022-02-01T00:00:00.000Z',
      firstPublishedAt: '2022-02-01T00:00:00.000Z',
    });
  });

  it('a late item still needs it, and it must be text', () => {
    const noLateDate = copy();
    delete noLateDate.quarters[1].lateItems[0].firstPublishedAt;
    expect(() => parseCoverageReport(noLateDate)).toThrow(ColumnError);
    const notText = copy();
    notText.quarters[0].items[0].firstPublishedAt = 20220115;
    expect(() => parseCoverageReport(notText)).toThrow(/quarters\.0\.items\.0\.firstPublishedAt/);
  });
});
