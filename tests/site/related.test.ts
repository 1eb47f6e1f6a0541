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

  it('are what filtering the list and scanning it gives, for any list (binary search)', () => {
    // The plain definition the binary search must agree with: drop the article, find where it would stand.
    const byScan = (articles: ReturnType<typeof article>[], at: { id: string; publishedAt: string }) => {
      const others = articles.filter((a) => a.id !== at.id);
      let i = others.findIndex((a) => newestFirst(at, a) < 0);
      if (i < 0) i = others.length;
      const older = others.slice(i, i + 3);
      return [...older, ...others.slice(Math.max(0, i - (3 - older.length)), i).reverse()].map((a) => a.url);
    };
    let seed = 7;
    const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    for (let round = 0; round < 200; round++) {
      // Few distinct instants, so ties are common.
      const articles = Array.from({ length: random(12) }, (_, i) =>
        article(`a${i}`, `2026-0${1 + random(4)}-01T00:00:00.000Z`),
      ).sort(newestFirst);
      const probes = [...articles, { id: 'nhap', publishedAt: `2026-0${1 + random(5)}-01T00:00:00.000Z` }];
      // The same id at another date: a published article previewed with a changed date.
      if (articles[0]) probes.push({ id: articles[0].id, publishedAt: '2026-02-15T00:00:00.000Z' });
      for (const probe of probes)
        expect(otherArticles(articles, probe).map((m) => m.url)).toEqual(byScan(articles, probe));
    }
  });
});
