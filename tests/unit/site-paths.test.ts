import { describe, expect, it } from 'vitest';

import { editorialPreview } from '../../src/cms/collections/editorial';
import { itemPath, previewPath, withBase } from '../../src/domain/site-paths';
import { settingsFromEnv } from '../../src/settings';

describe('readers’ addresses', () => {
  it('places each collection’s items under its Vietnamese section', () => {
    expect(itemPath('articles', 'binh-dang-gioi')).toBe('bai-viet/binh-dang-gioi/');
    expect(itemPath('model-stories', 'co-lan')).toBe('guong-dien-hinh/co-lan/');
    expect(itemPath('teaching-resources', 'giao-an')).toBe('tai-lieu/giao-an/');
    expect(itemPath('users', 'x')).toBeNull();
    expect(itemPath('articles', '')).toBeNull();
  });

  it('joins a base path with or without slashes', () => {
    expect(withBase('/binh-dang-gioi/', 'bai-viet/')).toBe('/binh-dang-gioi/bai-viet/');
    expect(withBase('/binh-dang-gioi', '/bai-viet/')).toBe('/binh-dang-gioi/bai-viet/');
    expect(withBase('/', 'bai-viet/')).toBe('/bai-viet/');
  });
});

describe('draft preview addresses', () => {
  it('exist for the three editorial collections only, by id (numbers on SQLite, strings on MongoDB)', () => {
    expect(previewPath('articles', 42)).toBe('xem-truoc/articles/42/');
    expect(previewPath('model-stories', '66a1f0c2e4b0a1b2c3d4e5f6')).toBe(
      'xem-truoc/model-stories/66a1f0c2e4b0a1b2c3d4e5f6/',
    );
    expect(previewPath('teaching-resources', 7)).toBe('xem-truoc/teaching-resources/7/');
    expect(previewPath('media', 1)).toBeNull();
    expect(previewPath('articles', '')).toBeNull();
    expect(previewPath('articles', 'a/b')).toBe('xem-truoc/articles/a%2Fb/');
  });

  it('the admin’s preview button points at the public site (SITE_URL + SITE_BASE)', () => {
    const site = settingsFromEnv({
      SITE_URL: 'https://thcs-nguyendu.edu.vn',
      SITE_BASE: '/chuyen-muc/binh-dang-gioi/',
    });
    const url = editorialPreview('articles', site)({ id: 12 }, {} as never);
    expect(url).toBe('https://thcs-nguyendu.edu.vn/chuyen-muc/binh-dang-gioi/xem-truoc/articles/12/');
    expect(editorialPreview('articles', site)({}, {} as never)).toBeNull();
  });

  it("a school's draft previews on that school's own site (its origin and base path)", async () => {
    const site = settingsFromEnv({ SITE_URL: 'https://phong-gd.edu.vn' });
    const school = { basePath: '/thcs-le-loi/binh-dang-gioi/', origin: null };
    expect(editorialPreview('articles', site)({ id: 3, school }, {} as never)).toBe(
      'https://phong-gd.edu.vn/thcs-le-loi/binh-dang-gioi/xem-truoc/articles/3/',
    );
    const own = { basePath: '/binh-dang-gioi/', origin: 'https://thcs-le-loi.edu.vn' };
    expect(editorialPreview('articles', site)({ id: 3, school: own }, {} as never)).toBe(
      'https://thcs-le-loi.edu.vn/binh-dang-gioi/xem-truoc/articles/3/',
    );
    // Only the school's id in the form: looked up.
    const req = { payload: { findByID: async () => school } };
    expect(await editorialPreview('articles', site)({ id: 3, school: 9 }, { req } as never)).toBe(
      'https://phong-gd.edu.vn/thcs-le-loi/binh-dang-gioi/xem-truoc/articles/3/',
    );
  });

  it('defaults to the local site of npm start', () => {
    const site = settingsFromEnv({ SITE_URL: '' });
    expect(editorialPreview('model-stories', site)({ id: '5' }, {} as never)).toBe(
      'http://localhost:4321/binh-dang-gioi/xem-truoc/model-stories/5/',
    );
  });
});
