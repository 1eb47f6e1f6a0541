import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

import { cmsLoader } from '../site-loader/astro-loader';

/** CMS collections (Payload REST at PAYLOAD_URL) and the MDX pages in content/. */
export const collections = {
  articles: defineCollection({ loader: cmsLoader('articles') }),
  modelStories: defineCollection({ loader: cmsLoader('model-stories') }),
  teachingResources: defineCollection({ loader: cmsLoader('teaching-resources') }),
  topics: defineCollection({ loader: cmsLoader('topics') }),
  media: defineCollection({ loader: cmsLoader('media') }),
  documents: defineCollection({ loader: cmsLoader('documents') }),
  pages: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: './content' }),
    schema: z.object({
      title: z.string(),
      description: z.string(),
      /** Order in the footer / "Về chuyên mục" menu. */
      order: z.number().int(),
      updated: z.coerce.date().optional(),
    }),
  }),
};
