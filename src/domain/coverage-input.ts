/**
 * The JSON file `npm run coverage -- --input FILE` reads, validated with zod so
 * that a malformed file is refused with the path of what is wrong.
 */
import { z } from 'zod';

import { type CoverageInput, CoverageInputError } from './coverage';

const id = z.union([z.string().min(1), z.number()]);
const optionalDate = z.string().nullable().optional();

export const coverageFileSchema = z.object({
  policy: z.object({
    start: z.string(),
    minPerQuarter: z.number(),
    countedCollections: z.array(z.string()).optional(),
  }),
  now: z.string().optional(),
  school: z.object({ name: z.string().optional(), district: z.string().optional() }).optional(),
  items: z.array(
    z.object({
      id,
      collection: z.string().min(1),
      title: z.string(),
      status: z.string(),
      publishedAt: optionalDate,
      firstPublishedAt: optionalDate,
      countsTowardColumn: z.boolean().nullable().optional(),
      url: z.string().nullable().optional(),
    }),
  ),
});

export function parseCoverageFile(json: unknown, fallbackNow: Date): CoverageInput {
  const result = coverageFileSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(gốc)'}: ${issue.message}`)
      .join('; ');
    throw new CoverageInputError('CoverageInputInvalid', { problems });
  }
  const data = result.data;
  let now = fallbackNow;
  if (data.now !== undefined) {
    now = new Date(data.now);
    if (!/T.*(Z|[+-]\d{2}:?\d{2})$/.test(data.now) || Number.isNaN(now.getTime())) {
      throw new CoverageInputError('CoverageNowNotIso', { value: data.now });
    }
  }
  return { policy: data.policy, now, items: data.items, school: data.school };
}
