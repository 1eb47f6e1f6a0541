import { describe, expect, it } from 'vitest';

import { fileTypeLabel, foldD, formatDate, formatFileSize, readingTime } from '../../src/site/lib/format';
import { nextKeyDate } from '../../src/site/lib/key-dates';
import { AUDIENCE_SLUGS, CAMPAIGN_PAGES, KIND_SLUGS, urlFor, urls } from '../../src/site/lib/urls';

describe('addresses (vitest runs with base "/"; the build uses SITE_BASE)', () => {
  it('items, audiences, campaigns, quarters, filters', () => {
    expect(urlFor('articles', 'binh-dang-gioi')).toBe('/bai-viet/binh-dang-gioi/');
    expect(urlFor('model-stories', 'mot-guong')).toBe('/guong-dien-hinh/mot-guong/');
    expect(urlFor('teaching-resources', 'giao-an')).toBe('/tai-lieu/giao-an/');
    expect(urls.articles(1)).toBe('/bai-viet/');
    expect(urls.articles(3)).toBe('/bai-viet/trang/3/');
    expect(urls.quarter('2022-q1')).toBe('/quy/2022-q1/');
    expect(AUDIENCE_SLUGS).toEqual({ parents: 'phu-huynh', students: 'hoc-sinh', teachers: 'giao-vien' });
    expect(Object.values(CAMPAIGN_PAGES).map((c) => c.slug)).toEqual([
      'ngay-quoc-te-phu-nu-8-3',
      'ngay-quoc-te-hanh-phuc-20-3',
      'ngay-gia-dinh-viet-nam-28-6',
      'thang-hanh-dong-15-11-15-12',
    ]);
    expect(KIND_SLUGS['lesson-plan']).toBe('ke-hoach-bai-day');
    expect(urls.resourceFilter(undefined, '8')).toBe('/tai-lieu/loc/tat-ca/lop-8/tat-ca/');
    expect(urls.resourceFilter('toan', undefined, 'worksheet')).toBe('/tai-lieu/loc/toan/tat-ca/phieu-hoc-tap/');
  });
});

describe('Vietnamese presentation', () => {
  it('dates are dd/mm/yyyy in Vietnam time, whatever the machine zone', () => {
    expect(formatDate('2024-03-04T17:30:00.000Z')).toBe('05/03/2024');
    expect(formatDate('2024-03-04T16:59:59.000Z')).toBe('04/03/2024');
  });
  it('reading time, file sizes and types', () => {
    expect(readingTime('từ '.repeat(620))).toBe('3 phút đọc');
    expect(readingTime('ngắn')).toBe('1 phút đọc');
    expect(formatFileSize(2431)).toBe('2 KB');
    expect(formatFileSize(1_300_000)).toBe('1,2 MB');
    expect(fileTypeLabel('application/pdf', 'a.pdf')).toBe('PDF');
    expect(fileTypeLabel('application/x-unknown', 'a.odg')).toBe('ODG');
  });
  it('đ folding keeps the length (excerpts map back character for character)', () => {
    const s = 'Đoàn đội: gia đình bình đẳng';
    expect(foldD(s)).toBe('Doàn dội: gia dình bình dẳng');
    expect(foldD(s)).toHaveLength(s.length);
  });
  it('the next key date counts today and rolls over the year', () => {
    expect(nextKeyDate(new Date('2026-03-07T20:00:00.000Z'))).toMatchObject({ campaign: 'women-day-8-3', daysAway: 0 }); // 8/3 03:00 in Vietnam
    expect(nextKeyDate(new Date('2026-11-24T02:00:00.000Z'))).toMatchObject({
      campaign: 'action-month-15-11',
      ongoing: true,
    });
    expect(nextKeyDate(new Date('2026-12-16T02:00:00.000Z'))).toMatchObject({
      campaign: 'women-day-8-3',
      daysAway: 82,
      ongoing: false,
    });
    expect(nextKeyDate(new Date('2026-06-01T02:00:00.000Z'))).toMatchObject({
      campaign: 'family-day-28-6',
      daysAway: 27,
    });
  });
});
