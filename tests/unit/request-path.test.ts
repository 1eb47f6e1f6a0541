import { describe, expect, it } from 'vitest';

import { encodePath, parseRequestPath } from '../../src/domain/request-path';

describe('parseRequestPath', () => {
  it('decodes each segment once and keeps the trailing slash and the query', () => {
    expect(parseRequestPath('/binh-dang-gioi/bai-viet/?trang=2')).toEqual({
      ok: true,
      segments: ['binh-dang-gioi', 'bai-viet'],
      trailingSlash: true,
      search: '?trang=2',
    });
    expect(parseRequestPath('/binh-dang-gioi/b%C3%A0i')).toEqual({
      ok: true,
      segments: ['binh-dang-gioi', 'bài'],
      trailingSlash: false,
      search: '',
    });
    expect(parseRequestPath('/')).toEqual({ ok: true, segments: [], trailingSlash: true, search: '' });
  });

  it.each([
    ['an encoded slash and dot-dot (the probe that ended the process)', '/binh-dang-gioi/%C3%A9%2f..%2fbai-viet'],
    ['a plain dot-dot segment', '/binh-dang-gioi/../etc/passwd'],
    ['an encoded dot-dot', '/binh-dang-gioi/%2e%2e/x'],
    ['a dot segment', '/binh-dang-gioi/./x'],
    ['an encoded backslash', '/binh-dang-gioi/a%5c..%5cb'],
    ['an encoded CR LF (header injection)', '/binh-dang-gioi/a%0d%0aSet-Cookie:%20x=1'],
    ['an encoded NUL', '/binh-dang-gioi/a%00.html'],
    ['broken percent-encoding', '/binh-dang-gioi/%E0%A4%A'],
    ['an empty segment', '/binh-dang-gioi//x'],
    ['no leading slash', 'binh-dang-gioi/'],
    ['an absolute URL', 'http://evil.example/'],
  ])('refuses %s', (_name, url) => {
    expect(parseRequestPath(url)).toEqual({ ok: false });
  });

  it('drops a query that could not go into a header as it is', () => {
    expect(parseRequestPath('/a/?x=\u00e9').ok && parseRequestPath('/a/?x=\u00e9')).toMatchObject({ search: '' });
    expect(parseRequestPath('/a/?x=%C3%A9')).toMatchObject({ search: '?x=%C3%A9' });
  });
});

describe('encodePath', () => {
  it('percent-encodes every segment, so a Location header only ever holds ASCII', () => {
    const location = encodePath(['binh-dang-gioi', 'bài viết', 'ꙮ'], true);
    expect(location).toBe('/binh-dang-gioi/b%C3%A0i%20vi%E1%BA%BFt/%EA%99%AE/');
    expect(/^[\x21-\x7e]+$/.test(location)).toBe(true);
    expect(encodePath([], true)).toBe('/');
  });
});
