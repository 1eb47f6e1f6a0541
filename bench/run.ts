/**
 * `npm run bench`: every benchmark, each writing bench/results/<name>.json.
 * Numbers are ratios against a baseline measured in the same run, because
 * these machines are noisy; nothing here is asserted by the tests.
 */
import { existsSync } from 'node:fs';

import { benchCoverage } from './coverage';

const coverage = await benchCoverage();
console.log(
  `coverage check, ${coverage.items} items: median ${coverage.checkMedianMs} ms ` +
    `(${coverage.ratio}× the baseline of ${coverage.baselineMedianMs} ms for ${coverage.baseline}); ` +
    `${coverage.itemsPerSecond.toLocaleString('en')} items/s`,
);

// The site benchmark (issue 4) runs when present.
if (existsSync(new URL('./site-build.ts', import.meta.url))) {
  await import('./site-build');
}
