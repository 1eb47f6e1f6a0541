/**
 * The public part of the CMS's column settings (school, district, column
 * title, coverage policy), from /api/globals/column-settings/policy. Fetched
 * once per build.
 */
import { payloadUrl } from '../../site-loader/astro-loader';
import { CmsClient } from '../../site-loader/client';
import { CmsDataError } from '../../site-loader/errors';

export type PublicPolicy = {
  school: { name: string; district: string };
  columnTitle: string;
  policy: { start: string; minPerQuarter: number; countedCollections: string[] };
};

let cached: Promise<PublicPolicy> | undefined;

async function fetchPolicy(): Promise<PublicPolicy> {
  const client = new CmsClient({ baseUrl: payloadUrl() });
  const body = (await client.getJson('/api/globals/column-settings/policy')) as Partial<PublicPolicy>;
  if (!body?.policy || typeof body.policy.start !== 'string' || !body.school) {
    throw new CmsDataError('CmsNoPublicPolicy');
  }
  return body as PublicPolicy;
}

export function publicPolicy(): Promise<PublicPolicy> {
  cached ??= fetchPolicy();
  return cached;
}
