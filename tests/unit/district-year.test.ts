import { describe, expect, it } from 'vitest';

import {
  buildDistrictMatrix,
  type DistrictSource,
  filterMatrix,
  matrixYears,
  yearTotal,
  yearTotalText,
} from '../../src/domain/district';
import { schoolReport } from '../support/district-reports';

// Generated in 2026-Q2 (in progress) unless said otherwise.
const now = '2026-05-15T03:00:00Z';
const keptAll = schoolReport('THCS Giữ Đủ', { start: '2025-Q4', now, covered: ['2025-Q4', '2026-Q1'] });
const missedQ1 = schoolReport('THCS Bỏ Quý I', { start: '2025-Q4', now, covered: ['2025-Q4'] });
const missedQ4 = schoolReport('THCS Bỏ Quý IV', { start: '2025-Q4', now, covered: ['2026-Q1'] });
const newcomer = schoolReport('THCS Mới', { start: '2026-Q2', now, covered: [] });
// Its last report is from January: 2026-Q1 was in progress then, 2026-Q2 has no data.
const stale = schoolReport('THCS Cũ', { start: '2025-Q4', now: '2026-01-20T03:00:00Z', covered: ['2025-Q4'] });

const sources: DistrictSource[] = [
  { source: 'giu-du.json', report: keptAll },
  { source: 'bo-quy-1.json', report: missedQ1 },
  { source: 'bo-quy-4.json', report: missedQ4, origin: 'hosted' },
  { source: 'moi.json', report: newcomer },
  { source: 'cu.json', report: stale },
  { source: 'https://hong.example/', error: 'không phải JSON hợp lệ' },
];
const matrix = buildDistrictMatrix(sources);

describe("a year's figure: schools that kept every quarter of it", () => {
  it('spans the years of the matrix', () => {
    expect(matrix.quarters).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(matrixYears(matrix)).toEqual([2025, 2026]);
  });

  it('does not hold a quarter in progress against a school, and counts a missed quarter, no data and an unreadable report as not kept', () => {
    // Kept: Giữ Đủ (Q1 covered, Q2 in progress), Bỏ Quý IV (its miss is in 2025), Mới (only Q2, in progress).
    // Not kept: Bỏ Quý I (missed Q1), Cũ (no data for Q2), the unreadable report.
    expect(yearTotal(matrix, 2026)).toEqual({
      year: 2026,
      schools: 6,
      keptEveryQuarter: 3,
      percent: 50,
      quartersCounted: ['2026-Q1', '2026-Q2'],
    });
  });

  it('does not count a school that tracks none of the year’s quarters', () => {
    // Mới starts in 2026: 2025 is not its year. Bỏ Quý IV missed 2025-Q4.
    expect(yearTotal(matrix, 2025)).toEqual({
      year: 2025,
      schools: 5,
      keptEveryQuarter: 3,
      percent: 60,
      quartersCounted: ['2025-Q4'],
    });
    const none = yearTotal(matrix, 2024);
    expect(none).toEqual({ year: 2024, schools: 0, keptEveryQuarter: 0, percent: null, quartersCounted: [] });
    expect(yearTotalText(none)).toBe('chưa có trường nào theo dõi');
  });

  it('rounds to one decimal and writes it with a Vietnamese decimal comma', () => {
    const three = buildDistrictMatrix(sources.slice(0, 2).concat(sources[3]!));
    const twoOfThree = yearTotal(three, 2026);
    expect(twoOfThree).toMatchObject({ schools: 3, keptEveryQuarter: 2, percent: 66.7 });
    expect(yearTotalText(twoOfThree)).toBe('2/3 trường duy trì đủ các quý (66,7%)');
    const oneOfThree = yearTotal(buildDistrictMatrix([sources[1]!, sources[4]!, sources[3]!]), 2026);
    expect(yearTotalText(oneOfThree)).toBe('1/3 trường duy trì đủ các quý (33,3%)');
    expect(yearTotalText(yearTotal(matrix, 2026))).toBe('3/6 trường duy trì đủ các quý (50%)');
  });
});

describe('a view of the matrix', () => {
  const before = structuredClone(matrix);

  it("keeps one year's quarters, with their totals and each school's missed quarters in view", () => {
    const year = filterMatrix(matrix, { year: 2026 });
    expect(year.quarters).toEqual(['2026-Q1', '2026-Q2']);
    expect(year.rows).toHaveLength(6);
    expect(year.rows.every((r) => r.cells.length === 2)).toBe(true);
    expect(year.rows[2]!.cells).toEqual(matrix.rows[2]!.cells.slice(1));
    expect(year.totals).toEqual(matrix.totals.slice(1));
    // Bỏ Quý IV missed 2025-Q4 only: none in 2026.
    expect(matrix.rows[2]!.missed).toBe(1);
    expect(year.rows[2]!.missed).toBe(0);
    expect(yearTotal(year, 2026)).toEqual(yearTotal(matrix, 2026));
  });

  it('keeps only the schools that missed a quarter in view, and totals the schools shown', () => {
    const missed = filterMatrix(matrix, { onlyMissed: true });
    expect(missed.rows.map((r) => r.school)).toEqual(['THCS Bỏ Quý I', 'THCS Bỏ Quý IV']);
    expect(missed.totals).toEqual([
      { quarter: '2025-Q4', covered: 1, tracked: 2, percent: 50 },
      { quarter: '2026-Q1', covered: 1, tracked: 2, percent: 50 },
      { quarter: '2026-Q2', covered: 0, tracked: 2, percent: 0 },
    ]);
    const missed2026 = filterMatrix(matrix, { year: 2026, onlyMissed: true });
    expect(missed2026.rows.map((r) => r.school)).toEqual(['THCS Bỏ Quý I']);
    expect(missed2026.totals.map((t) => `${t.covered}/${t.tracked}`)).toEqual(['0/1', '0/1']);
  });

  it('leaves out an unreadable school when only missed quarters are asked for: it has none', () => {
    const missed = filterMatrix(matrix, { onlyMissed: true });
    expect(missed.rows.some((r) => r.error)).toBe(false);
    expect(filterMatrix(matrix, {}).rows.some((r) => r.error)).toBe(true);
  });

  it('is empty for a year the matrix does not reach, and leaves the matrix as it was', () => {
    const empty = filterMatrix(matrix, { year: 2030 });
    expect(empty.quarters).toEqual([]);
    expect(empty.totals).toEqual([]);
    expect(empty.rows.every((r) => r.cells.length === 0 && r.missed === 0)).toBe(true);
    expect(filterMatrix(matrix, { year: 2030, onlyMissed: true }).rows).toEqual([]);
    expect(filterMatrix(matrix, {})).toEqual(matrix);
    expect(matrix).toEqual(before);
  });
});
