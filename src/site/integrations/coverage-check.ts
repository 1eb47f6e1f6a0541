/**
 * The build check: after `astro build` has written coverage.json, read it and
 * stop the build (strict) or warn (otherwise) when a quarter was missed; warn
 * when the current quarter has too few items so far. Strict by default in CI
 * and with NODE_ENV=production; COVERAGE_STRICT=true|false decides explicitly.
 */
import { readFile } from 'node:fs/promises';

import type { AstroIntegration } from 'astro';

import { inProgressWarning, missedMessage } from '../../domain/coverage-format';
import { parseCoverageReport } from '../../domain/coverage-report-schema';
import { coverageStrict } from '../../settings';
import { SiteBuildError } from '../../site-loader/errors';

/** Astro's error type (via SiteBuildError), so the build log shows the hint. */
export class MissedQuarterError extends SiteBuildError<'QuarterMissed'> {
  constructor(missed: string) {
    super('QuarterMissed', { missed });
  }
}

export function coverageCheck(): AstroIntegration {
  return {
    name: 'coverage-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const report = parseCoverageReport(JSON.parse(await readFile(new URL('coverage.json', dir), 'utf8')));
        const warning = inProgressWarning(report);
        if (warning) logger.warn(warning);
        const missed = missedMessage(report);
        if (!missed) {
          logger.info(
            `Đủ bài mọi quý đã qua (${report.summary.covered}/${report.summary.quarters}). Every ended quarter is covered.`,
          );
          return;
        }
        if (coverageStrict()) {
          logger.error(missed);
          throw new MissedQuarterError(missed);
        }
        logger.warn(missed);
      },
    },
  };
}
