/**
 * Orders and neighbours of the site's lists, in plain TypeScript (no Astro
 * import), so they are unit-tested.
 */

type Dated = { publishedAt: string; id: string };

/** Newest first; items published at the same instant by id, so every build lists them in one order. */
export const newestFirst = (a: Dated, b: Dated) =>
  b.publishedAt.localeCompare(a.publishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * "Bài viết khác" under an article: the three published just before it (the
 * newest ones after it when it is among the oldest). Its neighbours, not the
 * newest articles: a new article then changes the foot of a few pages, not of
 * every page, which an incremental build would otherwise render again.
 */
export function otherArticles<T extends Dated & { title: string; url: string }>(
  articles: readonly T[],
  article: Dated,
  count = 3,
): { title: string; url: string; publishedAt: string }[] {
  // Where the article stands (or would, for a draft shown in preview) among the others: the first
  // one it sorts before. `articles` is newest first, so a binary search finds it (every article
  // page asks, and a linear scan made 10,000 pages cost 10^8 comparisons).
  let low = 0;
  for (let high = articles.length; low < high;) {
    const mid = (low + high) >>> 1;
    if (newestFirst(article, articles[mid]!) < 0) high = mid;
    else low = mid + 1;
  }
  const isOther = (a: T) => a.id !== article.id;
  const older: T[] = [];
  for (let i = low; i < articles.length && older.length < count; i++)
    if (isOther(articles[i]!)) older.push(articles[i]!);
  const newer: T[] = [];
  for (let i = low - 1; i >= 0 && newer.length < count - older.length; i--)
    if (isOther(articles[i]!)) newer.push(articles[i]!);
  return [...older, ...newer].map((a) => ({ title: a.title, url: a.url, publishedAt: a.publishedAt }));
}
