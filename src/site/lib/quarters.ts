import { compareQuarters, quarterOf, quartersBetween, type Quarter } from '../../domain/quarters';
import { buildTime } from './build-time';
import type { ResolvedArticle } from './content';

/** Every quarter from the oldest article's to the current one, newest first. */
export function archiveQuarters(articles: ResolvedArticle[], now = buildTime()): Quarter[] {
  const current = quarterOf(now);
  const oldest = articles.reduce<Quarter>((min, a) => (compareQuarters(a.quarter, min) < 0 ? a.quarter : min), current);
  return quartersBetween(oldest, current).reverse();
}
