import { describe, expect, it } from 'vitest';

import {
  ALL_YEARS,
  attachmentDisposition,
  dashboardQuery,
  matrixFilter,
  parseDashboardFilter,
  publicHref,
  reportFileName,
  shortfallText,
} from '../../src/domain/district-view';

// 2026-12-31 20:00 UTC is already 2027-01-01 in Vietnam.
const newYearsEveUtc = new Date('2026-12-31T20:00:00Z');
const midYear = new Date('2026-06-15T03:00:00Z');

describe('the dashboard filter from an address', () => {
  const years = [2025, 2026];

  it('takes a year the matrix has, and "all"', () => {
    expect(parseDashboardFilter({ year: '2025' }, years, midYear)).toEqual({ year: 2025, onlyMissed: false });
    expect(parseDashboardFilter({ year: ALL_YEARS }, years, midYear)).toEqual({ year: null, onlyMissed: false });
    expect(parseDashboardFilter(new URLSearchParams('year=2025&onlyMissed=1'), years, midYear)).toEqual({
      year: 2025,
      onlyMissed: true,
    });
  });

  it('without a year, the current year in Vietnam time when the matrix has it, else its latest', () => {
    expect(parseDashboardFilter({}, years, midYear).year).toBe(2026);
    expect(parseDashboardFilter({}, [2026, 2027], newYearsEveUtc).year).toBe(2027);
    expect(parseDashboardFilter({}, years, newYearsEveUtc).year).toBe(2026);
    expect(parseDashboardFilter(undefined, [], midYear)).toEqual({ year: null, onlyMissed: false });
  });

  it('falls back from a year it does not have or cannot read, instead of an empty table', () => {
    for (const year of ['1999', '20x6', '', ' 2025', '2025.0']) {
      expect(parseDashboardFilter({ year }, years, midYear).year, year).toBe(2026);
    }
  });

  it('reads the checkbox as a browser sends it, and the first of repeated values', () => {
    expect(parseDashboardFilter({ onlyMissed: 'on' }, years, midYear).onlyMissed).toBe(true);
    expect(parseDashboardFilter({ onlyMissed: ['1', '0'] }, years, midYear).onlyMissed).toBe(true);
    expect(parseDashboardFilter({ onlyMissed: '0' }, years, midYear).onlyMissed).toBe(false);
    expect(parseDashboardFilter({ year: ['2025', '2026'] }, years, midYear).year).toBe(2025);
  });

  it('round-trips through its query string', () => {
    for (const filter of [
      { year: 2025, onlyMissed: true },
      { year: null, onlyMissed: false },
    ]) {
      const query = new URLSearchParams(dashboardQuery(filter).slice(1));
      expect(parseDashboardFilter(query, years, midYear)).toEqual(filter);
    }
    expect(dashboardQuery({ year: 2026, onlyMissed: false })).toBe('?year=2026');
    expect(matrixFilter({ year: null, onlyMissed: true })).toEqual({ year: undefined, onlyMissed: true });
  });
});

describe('download names', () => {
  it('are readable Vietnamese, with an ASCII slug for older browsers', () => {
    expect(reportFileName({ year: 2026, onlyMissed: false }, 'csv')).toEqual({
      utf8: 'Tổng hợp Bình đẳng giới năm 2026.csv',
      ascii: 'tong-hop-binh-dang-gioi-nam-2026.csv',
    });
    expect(reportFileName({ year: null, onlyMissed: true }, 'xlsx').ascii).toBe(
      'tong-hop-binh-dang-gioi-cac-nam-truong-bo-lo.xlsx',
    );
  });

  it('give a Content-Disposition whose filename* decodes back to the Vietnamese name', () => {
    const name = reportFileName({ year: 2026, onlyMissed: true }, 'xlsx');
    const header = attachmentDisposition(name);
    expect(header).toMatch(/^attachment; filename="[a-z0-9.-]+"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(name.utf8);
  });
});

describe('links to readers’ pages', () => {
  const base = 'https://pgd.example.vn/thcs-a/binh-dang-gioi/';

  it('resolve a site path against the school’s column address, and keep full addresses', () => {
    expect(publicHref('/thcs-a/binh-dang-gioi/bai-viet/mot/', base)).toBe(
      'https://pgd.example.vn/thcs-a/binh-dang-gioi/bai-viet/mot/',
    );
    expect(publicHref('https://truong.edu.vn/bai/', base)).toBe('https://truong.edu.vn/bai/');
  });

  it('are no link for anything but http(s), or nothing', () => {
    expect(publicHref('javascript:alert(1)', base)).toBeNull();
    expect(publicHref('data:text/html,<b>x</b>', base)).toBeNull();
    expect(publicHref(null, base)).toBeNull();
    expect(publicHref('/a/', 'not a base')).toBeNull();
  });
});

describe('what a quarter lacks', () => {
  it('is nothing once covered, the items and days left in progress, the shortfall when missed', () => {
    expect(shortfallText({ status: 'covered', count: 2, daysLeft: 0, min: 1 })).toBeNull();
    expect(shortfallText({ status: 'in-progress', count: 1, daysLeft: 12, min: 3 })).toBe(
      'Còn thiếu 2 bài để đạt (tối thiểu 3 bài/quý, đã có 1); quý còn 12 ngày.',
    );
    expect(shortfallText({ status: 'missed', count: 0, daysLeft: 0, min: 1 })).toBe(
      'Thiếu 1 bài: quý đã kết thúc với 0/1 bài được tính.',
    );
  });
});
