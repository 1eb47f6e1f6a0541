import { describe, expect, it } from 'vitest';

import { isSlug, slugify, uniqueSlug } from '../../src/domain/slug';

describe('slugify', () => {
  it.each([
    ['Bình đẳng giới', 'binh-dang-gioi'],
    ['ĐOÀN KẾT – Đồng lòng', 'doan-ket-dong-long'],
    ['Ngày Gia đình Việt Nam 28/6', 'ngay-gia-dinh-viet-nam-28-6'],
    ['Tháng hành động (15/11–15/12)', 'thang-hanh-dong-15-11-15-12'],
    ['  “Giỏi việc trường – Đảm việc nhà”!  ', 'gioi-viec-truong-dam-viec-nha'],
    ['Phụ nữ & trẻ em: quyền được bảo vệ', 'phu-nu-tre-em-quyen-duoc-bao-ve'],
    ['Ưu tiên ươm mầm: Ơn thầy cô', 'uu-tien-uom-mam-on-thay-co'],
    ['Học sinh lớp 8A3', 'hoc-sinh-lop-8a3'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('treats composed and decomposed Unicode alike', () => {
    expect(slugify('Bình đẳng'.normalize('NFD'))).toBe(slugify('Bình đẳng'.normalize('NFC')));
  });

  it('returns empty for a title with no letters or digits', () => {
    expect(slugify('— !!! —')).toBe('');
  });

  it('cuts long titles at a word boundary, at most 80 characters', () => {
    const slug = slugify('Bình đẳng giới '.repeat(20));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toMatch(/^binh-dang-gioi(-binh-dang-gioi)*(-binh|-binh-dang)?$/);
  });

  it('isSlug accepts only normalised slugs', () => {
    expect(isSlug('binh-dang-gioi')).toBe(true);
    expect(isSlug('Bình-đẳng')).toBe(false);
    expect(isSlug('')).toBe(false);
  });
});

describe('uniqueSlug', () => {
  it('returns the base when free, else the first free suffix', async () => {
    const taken = new Set(['gia-dinh', 'gia-dinh-2']);
    expect(await uniqueSlug('binh-dang', async (s) => taken.has(s))).toBe('binh-dang');
    expect(await uniqueSlug('gia-dinh', async (s) => taken.has(s))).toBe('gia-dinh-3');
  });

  it('gives up loudly instead of looping forever', async () => {
    await expect(uniqueSlug('x', async () => true, 5)).rejects.toThrow(/No free slug/);
  });
});
