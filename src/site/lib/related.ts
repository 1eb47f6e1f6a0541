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
  // Where the article stands (or would, for a draft shown in preview) among the others.
  const others = articles.filter((a) => a.id !== article.id);
  let at = others.findIndex((a) => newestFirst(article, a) < 0);
  if (at < 0) at = others.length;
  const older = others.slice(at, at + count);
  const newer = others.slice(Math.max(0, at - (count - older.length)), at).reverse();
  return [...older, ...newer].map((a) => ({ title: a.title, url: a.url, publishedAt: a.publishedAt }));
}
