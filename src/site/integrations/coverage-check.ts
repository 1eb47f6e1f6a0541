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

export class MissedQuarterError extends Error {
  override name = 'MissedQuarterError';
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
          throw new MissedQuarterError(`${missed}\n(COVERAGE_STRICT=false để chỉ cảnh báo / to warn only)`);
        }
        logger.warn(missed);
      },
    },
  };
}
