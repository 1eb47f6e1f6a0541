/**
 * The school whose column this build makes, and the public part of its
 * settings (name, district, address, column title, coverage policy), from
 * /api/schools/policy: SITE_SCHOOL's, else the install's first school.
 * Fetched once per build.
 */
import { settings } from '../settings';
import { CmsClient } from './client';
import { CmsDataError, CmsHttpError, SiteBuildError } from './errors';

export type PublicPolicy = {
  school: { id: string | number; slug: string; name: string; district: string };
  basePath: string;
  origin: string | null;
  columnTitle: string;
  policy: { start: string; minPerQuarter: number; countedCollections: string[] };
};

let cached: Promise<PublicPolicy> | undefined;

/** The policy of `school` (a slug), or of the install's first school. */
export async function fetchPublicPolicy(cmsUrl: string, school?: string, timeoutMs?: number): Promise<PublicPolicy> {
  const client = new CmsClient({ baseUrl: cmsUrl, ...(timeoutMs ? { timeoutMs } : {}) });
  const body = (await client.getJson('/api/schools/policy', school ? { school } : {}).catch((error: unknown) => {
    // The CMS answers 404 for a slug it does not know, or when it has no school yet.
    if (error instanceof CmsHttpError && error.status === 404)
      throw new SiteBuildError('SchoolNotFound', { slug: school ?? '' });
    throw error;
  })) as Partial<PublicPolicy>;
  if (!body?.policy || typeof body.policy.start !== 'string' || !body.school?.slug) {
    throw new CmsDataError('CmsNoPublicPolicy');
  }
  return body as PublicPolicy;
}

export function publicPolicy(): Promise<PublicPolicy> {
  cached ??= fetchPublicPolicy(settings().PAYLOAD_URL, settings().SITE_SCHOOL);
  return cached;
}

/** The slug every list query of this build is narrowed to. */
export async function siteSchoolSlug(): Promise<string> {
  return (await publicPolicy()).school.slug;
}
