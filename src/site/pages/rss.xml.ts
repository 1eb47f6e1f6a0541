import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';

import { siteContent } from '../lib/content';
import { COLUMN_TITLE, SCHOOL_NAME, SITE_DESCRIPTION } from '../lib/site';

/** The column's feed: the 50 latest articles. */
export const GET: APIRoute = async (context) => {
  const { articles } = await siteContent();
  return rss({
    title: `${COLUMN_TITLE} – ${SCHOOL_NAME}`,
    description: SITE_DESCRIPTION,
    site: new URL(import.meta.env.BASE_URL, context.site!).href,
    customData: '<language>vi</language>',
    items: articles.slice(0, 50).map((a) => ({
      title: a.title,
      link: new URL(a.url, context.site!).href,
      pubDate: new Date(a.publishedAt),
      description: a.excerpt ?? a.text.slice(0, 300),
      categories: a.topics.map((t) => t.title),
    })),
  });
};
