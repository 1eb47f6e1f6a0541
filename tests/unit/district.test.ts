import { describe, expect, it } from 'vitest';

import { parseCoverageReport } from '../../src/domain/coverage-report-schema';
import { buildDistrictMatrix, districtCsv, districtHtml, totalText } from '../../src/domain/district';
import { schoolA, schoolB } from '../support/district-reports';

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

  it("gives each quarter the district's figure: schools covered of the schools that track it", () => {
    expect(matrix.totals).toEqual([
      // B does not track 2022-Q1; C's report could not be read, so it counts as not covered.
      { quarter: '2022-Q1', covered: 1, tracked: 2, percent: 50 },
      { quarter: '2022-Q2', covered: 1, tracked: 3, percent: 33.3 },
      { quarter: '2022-Q3', covered: 0, tracked: 3, percent: 0 },
    ]);
    expect(totalText(matrix.totals[1]!)).toBe('1/3 trường đạt (33,3%)');
    const html = districtHtml(matrix, new Date('2022-08-01T00:00:00Z'));
    expect(html).toContain('<td>1/2 trường đạt (50%)</td><td>1/3 trường đạt (33,3%)</td><td>0/3 trường đạt (0%)</td>');
    // The year's figure spans its quarters: A missed Q2, B has no data for Q3, C is unreadable.
    expect(html).toContain('<td colspan="3">Năm 2022: 0/3 trường duy trì đủ các quý (0%)</td>');
  });

  it('counts a school listed twice once, from its newest report', () => {
    const older = { ...schoolA, generatedAt: '2022-07-01T00:00:00.000Z' };
    const twice = buildDistrictMatrix([
      { source: 'https://A.example/binh-dang-gioi/', report: older },
      { source: 'b.json', report: schoolB },
      // Same school, another spelling of the address, and a newer report.
      { source: 'http://a.example/binh-dang-gioi/coverage.json', report: schoolA },
      // Same school again from a copy of its file.
      { source: 'a-copy.json', report: older },
      // The same address that could not be read a second time.
      { source: 'b.json', error: 'không tìm thấy tệp' },
    ]);
    expect(twice.rows.map((r) => r.source)).toEqual(['http://a.example/binh-dang-gioi/coverage.json', 'b.json']);
    expect(twice.rows[0]!.generatedAt).toBe(schoolA.generatedAt);
    expect(twice.rows[0]!.alsoListedAs).toEqual(['https://A.example/binh-dang-gioi/', 'a-copy.json']);
    expect(twice.rows[1]!.error).toBeNull();
    expect(twice.totals[1]).toMatchObject({ covered: 1, tracked: 2 });
  });

  it('dates the report in Vietnamese local time, not as a UTC ISO string', () => {
    const html = districtHtml(matrix, new Date('2022-08-01T17:05:00Z'));
    expect(html).toContain('Lập lúc 00:05 02/08/2022 (giờ Việt Nam)');
    expect(html).not.toContain('2022-08-01T17:05');
  });

  it('writes one CSV row per school, and the totals last', () => {
    const lines = districtCsv(matrix).trim().split('\r\n');
    expect(lines.at(-1)).toBe('Tổng: số trường đạt / số trường theo dõi,,,,,,,1/2 (50%),1/3 (33.3%),0/3 (0%)');
    expect(lines[0]).toBe('school,district,source,origin,report_error,generated_at,missed,2022-Q1,2022-Q2,2022-Q3');
    expect(lines[1]).toBe(
      '"THCS <A> & ""B""",Quận 1,a.json,self-reported,,2022-08-01T00:00:00.000Z,1,covered,missed+late1,in-progress',
    );
    expect(lines[3]).toMatch(
      /^,,https:\/\/c.example\/,self-reported,máy chủ trả lời HTTP 404,,0,no-data,no-data,no-data$/,
    );
  });
});

describe("where a school's figures come from", () => {
  const matrix = buildDistrictMatrix([
    { source: 'a.json', report: schoolA },
    { source: 'db:truong-b', origin: 'hosted', report: schoolB },
    { source: 'db:truong-c', origin: 'hosted', error: 'không đọc được cơ sở dữ liệu' },
  ]);

  it('marks a source given by address or file self-reported, unless it says it is hosted', () => {
    expect(matrix.rows.map((r) => r.origin)).toEqual(['self-reported', 'hosted', 'hosted']);
  });

  it('shows it in the CSV as a code and in the HTML in Vietnamese', () => {
    const lines = districtCsv(matrix).split('\r\n');
    expect(lines[1]!.split(',')[3]).toBe('self-reported');
    expect(lines[2]!.split(',')[3]).toBe('hosted');
    const html = districtHtml(matrix, new Date('2022-08-01T00:00:00Z'));
    expect(html).toContain('<th scope="col">Trường</th><th scope="col">Nguồn</th>');
    expect(html).toContain('<td class="origin-self-reported">tự báo cáo</td>');
    expect(html.match(/<td class="origin-hosted">trên nền tảng<\/td>/g)).toHaveLength(2);
  });

  it("keeps the newest report's origin when a school is listed twice", () => {
    const moved = buildDistrictMatrix([
      { source: 'a-old.json', report: { ...schoolA, generatedAt: '2022-07-01T00:00:00.000Z' } },
      { source: 'db:truong-a', origin: 'hosted', report: schoolA },
    ]);
    expect(moved.rows).toHaveLength(1);
    expect(moved.rows[0]).toMatchObject({ source: 'db:truong-a', origin: 'hosted', alsoListedAs: ['a-old.json'] });
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
