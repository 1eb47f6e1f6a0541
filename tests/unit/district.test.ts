import { describe, expect, it } from 'vitest';

import { buildCoverageReport, type CoverageItem } from '../../src/domain/coverage';
import { parseCoverageReport } from '../../src/domain/coverage-report-schema';
import { buildDistrictMatrix, districtCsv, districtHtml } from '../../src/domain/district';

const item = (id: number, publishedAt: string, extra: Partial<CoverageItem> = {}): CoverageItem => ({
  id, collection: 'articles', title: `Bài ${id}`, status: 'published', publishedAt, countsTowardColumn: true, ...extra,
});
const schoolA = buildCoverageReport({
  policy: { start: '2022-Q1', minPerQuarter: 1 },
  now: new Date('2022-08-01T00:00:00Z'),
  items: [item(1, '2022-02-01T00:00:00Z'), item(2, '2022-05-01T00:00:00Z', { firstPublishedAt: '2022-07-05T00:00:00Z' })],
  school: { name: 'THCS <A> & "B"', district: 'Quận 1' },
});
const schoolB = buildCoverageReport({
  policy: { start: '2022-Q2', minPerQuarter: 1 },
  now: new Date('2022-05-01T00:00:00Z'),
  items: [item(3, '2022-04-10T00:00:00Z')],
  school: { name: 'THCS B', district: 'Quận 1' },
});

describe('the district matrix', () => {
  const matrix = buildDistrictMatrix([
    { source: 'a.json', report: schoolA },
    { source: 'b.json', report: schoolB },
    { source: 'https://c.example/', error: 'máy chủ trả lời HTTP 404' },
  ]);

  it('spans every quarter any school reports', () => {
    expect(matrix.quarters).toEqual(['2022-Q1', '2022-Q2', '2022-Q3']);
  });

  it('marks missed and late cells', () => {
    expect(matrix.rows[0]!.cells).toEqual([
      { kind: 'reported', status: 'covered', count: 1, late: 0 },
      { kind: 'reported', status: 'missed', count: 0, late: 1 },
      { kind: 'reported', status: 'in-progress', count: 0, late: 0 },
    ]);
    expect(matrix.rows[0]!.missed).toBe(1);
  });

  it('never shows a quarter a report does not speak for as covered', () => {
    expect(matrix.rows[1]!.cells.map((c) => c.kind)).toEqual(['not-tracked', 'reported', 'no-data']);
  });

  it('shows an unreadable report as such, with no covered cell', () => {
    const row = matrix.rows[2]!;
    expect(row.error).toContain('404');
    expect(row.cells.every((c) => c.kind === 'no-data')).toBe(true);
  });

  it('renders HTML with every school string escaped', () => {
    const html = districtHtml(matrix, new Date('2022-08-01T00:00:00Z'));
    expect(html).toContain('THCS &lt;A&gt; &amp; &quot;B&quot;');
    expect(html).not.toContain('<A>');
    expect(html).toContain('Không đọc được báo cáo');
    expect(html).toContain('class="missed late"');
    expect(html).toContain('lang="vi"');
  });

  it('writes one CSV row per school', () => {
    const lines = districtCsv(matrix).trim().split('\r\n');
    expect(lines[0]).toBe('school,district,source,report_error,generated_at,missed,2022-Q1,2022-Q2,2022-Q3');
    expect(lines[1]).toBe('"THCS <A> & ""B""",Quận 1,a.json,,2022-08-01T00:00:00.000Z,1,covered,missed+late1,in-progress');
    expect(lines[3]).toMatch(/^,,https:\/\/c.example\/,máy chủ trả lời HTTP 404,,0,no-data,no-data,no-data$/);
  });
});

describe('reading a published coverage.json', () => {
  it('accepts what buildCoverageReport writes', () => {
    expect(parseCoverageReport(JSON.parse(JSON.stringify(schoolA)))).toEqual(schoolA);
  });

  it('refuses another version, a foreign file, and a "covered" quarter without its items', () => {
    expect(() => parseCoverageReport({ ...schoolA, version: 2 })).toThrow(/coverage.json v1/);
    expect(() => parseCoverageReport({ hello: 'world' })).toThrow();
    const forged = JSON.parse(JSON.stringify(schoolA));
    forged.quarters[1].status = 'covered';
    expect(() => parseCoverageReport(forged)).toThrow(/mâu thuẫn/);
  });
});
