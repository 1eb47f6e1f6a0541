/**
 * The site's coverage report: the same rule as everywhere
 * (src/domain/coverage.ts), applied at build time to what the site publishes,
 * with the policy from the CMS's public endpoint. Made once per build.
 */
import { buildCoverageReport, type CoverageReport } from '../../domain/coverage';
import { CmsClient } from '../../site-loader/client';
import { CmsDataError } from '../../site-loader/errors';
import { coverageItems } from './content';

type PublicPolicy = {
  school: { name: string; district: string };
  columnTitle: string;
  policy: { start: string; minPerQuarter: number; countedCollections: string[] };
};

let report: Promise<CoverageReport> | undefined;

/** "Now" for the report: the build time, or COVERAGE_NOW (ISO) to rebuild a report for a given moment. */
export function reportTime(): Date {
  const fixed = process.env.COVERAGE_NOW;
  return fixed ? new Date(fixed) : new Date();
}

async function publicPolicy(): Promise<PublicPolicy> {
  const client = new CmsClient({ baseUrl: process.env.PAYLOAD_URL || 'http://localhost:3000' });
  const body = (await client.getJson('/api/globals/column-settings/policy')) as Partial<PublicPolicy>;
  if (!body?.policy || typeof body.policy.start !== 'string') {
    throw new CmsDataError(
      'CMS không trả về chính sách báo cáo (/api/globals/column-settings/policy).\nThe CMS returned no coverage policy.',
    );
  }
  return body as PublicPolicy;
}

async function build(): Promise<CoverageReport> {
  const [{ policy, school }, items] = await Promise.all([publicPolicy(), coverageItems()]);
  return buildCoverageReport({
    policy,
    now: reportTime(),
    school,
    // The site only ever receives published items whose date has come.
    items: items.map((item) => ({ ...item, status: 'published' })),
  });
}

export function siteCoverage(): Promise<CoverageReport> {
  report ??= build();
  return report;
}
