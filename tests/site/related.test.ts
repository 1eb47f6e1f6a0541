import { describe, expect, it } from 'vitest';

import { newestFirst, otherArticles } from '../../src/site/lib/related';

const article = (id: string, publishedAt: string) => ({ id, publishedAt, title: `Bài ${id}`, url: `/bai-viet/${id}/` });
// Newest first, as the site lists them.
const list = ['2026-06', '2026-05', '2026-04', '2026-03', '2026-02', '2026-01'].map((month, i) =>
  article(String(i + 1), `${month}-01T00:00:00.000Z`),
);
const ids = (more: { url: string }[]) => more.map((m) => m.url.split('/')[2]);

describe('"Bài viết khác": an article’s neighbours', () => {
  it('are the three published just before it', () => {
    expect(ids(otherArticles(list, list[0]!))).toEqual(['2', '3', '4']);
    expect(ids(otherArticles(list, list[2]!))).toEqual(['4', '5', '6']);
  });

  it('are filled with the newer ones next to it for the oldest articles', () => {
    expect(ids(otherArticles(list, list[4]!))).toEqual(['6', '4', '3']);
    expect(ids(otherArticles(list, list[5]!))).toEqual(['5', '4', '3']);
  });

  it('change only near a new article: the other pages keep their foot', () => {
    const fresh = article('7', '2026-07-01T00:00:00.000Z');
    const after = [fresh, ...list];
    const changed = list.filter((a) => ids(otherArticles(after, a)).join() !== ids(otherArticles(list, a)).join());
    expect(changed).toEqual([]);
    expect(ids(otherArticles(after, fresh))).toEqual(['1', '2', '3']);
  });

  it('are found for a draft in preview by where its date puts it', () => {
    expect(ids(otherArticles(list, { id: 'nhap', publishedAt: '2026-03-15T00:00:00.000Z' }))).toEqual(['4', '5', '6']);
  });

  it('are fewer on a small site, never the article itself', () => {
    expect(ids(otherArticles(list.slice(0, 2), list[0]!))).toEqual(['2']);
    expect(otherArticles(list.slice(0, 1), list[0]!)).toEqual([]);
  });

  it('keep one order for articles published at the same instant', () => {
    const same = [article('b', '2026-01-01T00:00:00.000Z'), article('a', '2026-01-01T00:00:00.000Z')];
    expect([...same].sort(newestFirst).map((a) => a.id)).toEqual(['a', 'b']);
    expect(
      [...same]
        .reverse()
        .sort(newestFirst)
        .map((a) => a.id),
    ).toEqual(['a', 'b']);
  });
});
