/**
 * What the site needs from each CMS collection, as zod schemas. A document
 * that does not match fails the build with a message naming the collection,
 * the document and the field (see `describeIssues`), never a half-rendered page.
 *
 * Relations are kept as ids (`depth=0`) and resolved against the synced
 * topics / media / documents collections when pages are built, so renaming a
 * topic or changing an image's alt text reaches every page without
 * refetching every article.
 */
import { z } from 'astro/zod';

import { AUDIENCES, CAMPAIGNS, GRADES, MODEL_STORY_KINDS, RESOURCE_KINDS, SUBJECTS } from '../domain/vocabulary';

const values = <T extends readonly { value: string }[]>(list: T) =>
  list.map((o) => o.value) as unknown as [T[number]['value'], ...T[number]['value'][]];

/** Payload ids are numbers on SQLite and strings on MongoDB; the site uses strings. */
export const idSchema = z.union([z.number().int(), z.string().min(1)]).transform((v) => String(v));
const date = z.iso.datetime({ offset: true });
const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug phải là chữ thường không dấu nối bằng "-"');
/** Lexical JSON; the converter checks the node shapes, we check the root. */
const richText = z
  .object({
    root: z.object({ type: z.literal('root'), children: z.array(z.looseObject({ type: z.string() })) }).loose(),
  })
  .loose()
  .nullish()
  .transform((v) => v ?? undefined);
const relation = idSchema.nullish().transform((v) => v ?? undefined);
const relations = z
  .array(idSchema)
  .nullish()
  .transform((v) => v ?? []);

/** Fields every editorial item carries (what the coverage check needs too). */
const editorial = {
  id: idSchema,
  title: z.string().trim().min(1, 'tiêu đề trống'),
  slug,
  publishedAt: date,
  firstPublishedAt: date.nullish().transform((v) => v ?? undefined),
  countsTowardColumn: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  updatedAt: date,
};

export const articleSchema = z.object({
  ...editorial,
  excerpt: optionalText,
  cover: relation,
  body: richText,
  audiences: z
    .array(z.enum(values(AUDIENCES)))
    .nullish()
    .transform((v) => v ?? []),
  topics: relations,
  campaign: z
    .enum(values(CAMPAIGNS))
    .nullish()
    .transform((v) => v ?? undefined),
});

export const modelStorySchema = z.object({
  ...editorial,
  kind: z.enum(values(MODEL_STORY_KINDS)),
  subjectName: z.string().min(1),
  unit: optionalText,
  recognition: optionalText,
  year: z
    .number()
    .int()
    .nullish()
    .transform((v) => v ?? undefined),
  summary: optionalText,
  body: richText,
  photos: relations,
});

const httpsUrl = z
  .string()
  .refine((v) => /^https:\/\//i.test(v), 'đường dẫn video phải là https://')
  .nullish()
  .transform((v) => v ?? undefined);

export const teachingResourceSchema = z.object({
  ...editorial,
  summary: optionalText,
  subject: z.enum(values(SUBJECTS)),
  grades: z.array(z.enum(values(GRADES))).min(1),
  kind: z.enum(values(RESOURCE_KINDS)),
  files: relations,
  videoUrl: httpsUrl,
  durationMinutes: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? undefined),
  learningGoals: z
    .array(z.object({ goal: z.string().min(1) }).transform((g) => g.goal))
    .nullish()
    .transform((v) => v ?? []),
  license: optionalText,
});

export const topicSchema = z.object({ id: idSchema, title: z.string().trim().min(1), slug, updatedAt: date });

const imageSize = z
  .object({
    filename: z.string().nullish(),
    width: z.number().nullish(),
    height: z.number().nullish(),
    mimeType: z.string().nullish(),
  })
  .nullish();

export const mediaSchema = z.object({
  id: idSchema,
  alt: z.string().trim().min(1, 'ảnh thiếu mô tả (alt)'),
  caption: optionalText,
  credit: optionalText,
  filename: z.string().min(1),
  mimeType: z.string().startsWith('image/'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  sizes: z
    .record(z.string(), imageSize)
    .nullish()
    .transform((v) => v ?? {}),
  updatedAt: date,
});

export const documentSchema = z.object({
  id: idSchema,
  title: z.string().trim().min(1),
  filename: z.string().min(1),
  mimeType: z.string().min(1),
  filesize: z.number().int().nonnegative(),
  updatedAt: date,
});

export const SCHEMAS = {
  articles: articleSchema,
  'model-stories': modelStorySchema,
  'teaching-resources': teachingResourceSchema,
  topics: topicSchema,
  media: mediaSchema,
  documents: documentSchema,
} as const;

export type CmsCollection = keyof typeof SCHEMAS;
export type Article = z.output<typeof articleSchema>;
export type ModelStory = z.output<typeof modelStorySchema>;
export type TeachingResource = z.output<typeof teachingResourceSchema>;
export type Topic = z.output<typeof topicSchema>;
export type Media = z.output<typeof mediaSchema>;
export type DocumentFile = z.output<typeof documentSchema>;
export type EditorialCollection = 'articles' | 'model-stories' | 'teaching-resources';
export const EDITORIAL_COLLECTIONS: readonly EditorialCollection[] = [
  'articles',
  'model-stories',
  'teaching-resources',
];
