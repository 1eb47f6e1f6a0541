/**
 * The site's coverage report: the same rule as everywhere
 * (src/domain/coverage.ts), applied at build time to what the site publishes,
 * with the policy from the CMS's public endpoint. Made once per build.
 */
import { buildCoverageReport, type CoverageReport } from '../../domain/coverage';
import { settings } from '../../settings';
import { coverageItems } from './content';
import { publicPolicy } from './policy';

let report: Promise<CoverageReport> | undefined;

/** "Now" for the report: the build time, or COVERAGE_NOW (ISO) to rebuild a report for a given moment. */
export function reportTime(): Date {
  const fixed = settings().COVERAGE_NOW;
  return fixed ? new Date(fixed) : new Date();
}

async function build(): Promise<CoverageReport> {
  const [{ policy, school }, items] = await Promise.all([publicPolicy(), coverageItems()]);
  return buildCoverageReport({
    policy,
    now: reportTime(),
    school: { name: school.name, district: school.district },
    // The site only ever receives published items whose date has come.
    items: items.map((item) => ({ ...item, status: 'published' })),
  });
}

export function siteCoverage(): Promise<CoverageReport> {
  report ??= build();
  return report;
}
