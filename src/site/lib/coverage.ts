/**
 * The site's coverage report: the same rule as everywhere
 * (src/domain/coverage.ts), applied at build time to what the site publishes,
 * with the policy from the CMS's public endpoint. Made once per build.
 */
import { buildCoverageReport, type CoverageReport } from '../../domain/coverage';
import { buildTime } from './build-time';
import { coverageItems } from './content';
import { publicPolicy } from './policy';

let report: Promise<CoverageReport> | undefined;

async function build(): Promise<CoverageReport> {
  const [{ policy, school }, items] = await Promise.all([publicPolicy(), coverageItems()]);
  return buildCoverageReport({
    policy,
    now: buildTime(),
    school: { name: school.name, district: school.district },
    // The site only ever receives published items whose date has come.
    items: items.map((item) => ({ ...item, status: 'published' })),
  });
}

export function siteCoverage(): Promise<CoverageReport> {
  report ??= build();
  return report;
}
