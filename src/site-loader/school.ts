/**
 * The school whose column this build makes, and the public part of its
 * settings (name, district, address, column title, coverage policy), from
 * /api/schools/policy: SITE_SCHOOL's, else the install's first school.
 * Fetched once per build.
 */
import { settings } from '../settings';
import { CmsClient } from './client';
import { CmsDataError } from './errors';

export type PublicPolicy = {
  school: { id: string | number; slug: string; name: string; district: string };
  basePath: string;
  origin: string | null;
  columnTitle: string;
  policy: { start: string; minPerQuarter: number; countedCollections: string[] };
};

let cached: Promise<PublicPolicy> | undefined;

async function fetchPolicy(): Promise<PublicPolicy> {
  const client = new CmsClient({ baseUrl: settings().PAYLOAD_URL });
  const school = settings().SITE_SCHOOL;
  const body = (await client.getJson('/api/schools/policy', school ? { school } : {})) as Partial<PublicPolicy>;
  if (!body?.policy || typeof body.policy.start !== 'string' || !body.school?.slug) {
    throw new CmsDataError('CmsNoPublicPolicy');
  }
  return body as PublicPolicy;
}

export function publicPolicy(): Promise<PublicPolicy> {
  cached ??= fetchPolicy();
  return cached;
}

/** The slug every list query of this build is narrowed to. */
export async function siteSchoolSlug(): Promise<string> {
  return (await publicPolicy()).school.slug;
}
