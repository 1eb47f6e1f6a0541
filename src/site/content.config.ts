import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';

import { cmsLoader } from '../site-loader/astro-loader';
import { settings } from '../settings';
import { SCHEMAS, type CmsCollection } from '../site-loader/schemas';

/**
 * Each CMS collection comes from Payload's REST API at PAYLOAD_URL, or, when
 * SITE_CONTENT_FILE names a JSON export ({ "articles": [...], ... } in
 * Payload's REST shape), from that file through Astro's own file loader:
 * the benchmark's baseline, and a way to build from an export without a CMS.
 */
function fromCms(collection: CmsCollection) {
  const exported = settings().SITE_CONTENT_FILE;
  if (!exported) return defineCollection({ loader: cmsLoader(collection) });
  return defineCollection({
    loader: file(exported, {
      parser: (text) => (JSON.parse(text) as Record<string, Record<string, unknown>[]>)[collection] ?? [],
    }),
    schema: SCHEMAS[collection],
  });
}

/** CMS collections and the MDX pages in content/ (SITE_PAGES_DIR). */
export const collections = {
  articles: fromCms('articles'),
  modelStories: fromCms('model-stories'),
  teachingResources: fromCms('teaching-resources'),
  topics: fromCms('topics'),
  media: fromCms('media'),
  documents: fromCms('documents'),
  pages: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: settings().SITE_PAGES_DIR }),
    schema: z.object({
      title: z.string(),
      description: z.string(),
      /** Order in the footer / "Về chuyên mục" menu. */
      order: z.number().int(),
      updated: z.coerce.date().optional(),
    }),
  }),
};
