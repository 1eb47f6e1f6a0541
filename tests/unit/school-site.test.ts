import { describe, expect, it } from 'vitest';

import {
  basePathsOverlap,
  defaultBasePath,
  isValidBasePath,
  normaliseBasePath,
  schoolSiteFolder,
  siteForPath,
} from '../../src/domain/school-site';

describe("a school's column address", () => {
  it('the first school keeps the classic address; the others get a folder of their own', () => {
    expect(defaultBasePath('truong-thcs-nguyen-du', true)).toBe('/binh-dang-gioi/');
    expect(defaultBasePath('truong-thcs-nguyen-du', true, 'chuyen-muc/binh-dang-gioi')).toBe(
      '/chuyen-muc/binh-dang-gioi/',
    );
    expect(defaultBasePath('thcs-le-loi', false)).toBe('/thcs-le-loi/binh-dang-gioi/');
  });

  it('normalises slashes and refuses what a static server cannot serve', () => {
    expect(normaliseBasePath(' a//b ')).toBe('/a/b/');
    expect(normaliseBasePath('')).toBe('/');
    expect(isValidBasePath('/thcs-le-loi/binh-dang-gioi/')).toBe(true);
    for (const bad of ['/', '/A/', '/a/../b/', '/a.b/', 'a/', '/a'] as const) expect(isValidBasePath(bad)).toBe(false);
  });

  it('two sites never sit one inside the other', () => {
    expect(basePathsOverlap('/binh-dang-gioi/', '/thcs-le-loi/binh-dang-gioi/')).toBe(false);
    expect(basePathsOverlap('/thcs-le-loi/', '/thcs-le-loi/binh-dang-gioi/')).toBe(true);
    expect(basePathsOverlap('/a/', '/a/')).toBe(true);
  });
});

describe('where a school site is built and which site a request is for', () => {
  it('one folder per school under the sites root, named by its slug', () => {
    expect(schoolSiteFolder('dist', 'thcs-le-loi')).toBe('dist/thcs-le-loi');
    expect(schoolSiteFolder('/srv/sites/', 'thcs-le-loi')).toBe('/srv/sites/thcs-le-loi');
    // A slug is never a path: nothing can be written outside the root.
    for (const bad of ['..', '../x', 'a/b', '', '.hidden', 'A']) expect(() => schoolSiteFolder('dist', bad)).toThrow();
  });

  it('a request belongs to the site whose base path it is under', () => {
    const sites = [
      { slug: 'a', basePath: '/binh-dang-gioi/' },
      { slug: 'b', basePath: '/thcs-le-loi/binh-dang-gioi/' },
    ];
    expect(siteForPath(sites, '/binh-dang-gioi/bai-viet/x/')?.slug).toBe('a');
    expect(siteForPath(sites, '/binh-dang-gioi')?.slug).toBe('a');
    expect(siteForPath(sites, '/thcs-le-loi/binh-dang-gioi/rss.xml')?.slug).toBe('b');
    expect(siteForPath(sites, '/thcs-le-loi/')).toBeUndefined();
    expect(siteForPath(sites, '/binh-dang-gioi-khac/')).toBeUndefined();
    expect(siteForPath(sites, '/')).toBeUndefined();
  });
});
