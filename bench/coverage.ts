/**
 * The quarterly coverage check on 1,000, 100,000 and 1,000,000 items: time
 * and memory, against a baseline measured in the same process — merely
 * parsing every publishedAt, the least any check must do. Each size runs in a
 * child process of its own, so its peak memory (max RSS) is its own. The
 * check must grow linearly: the time per item at each size is reported, and
 * their ratio to the smallest size's. Results: bench/results/coverage.json.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { buildCoverageReport, type CoverageItem } from '../src/domain/coverage';
import { median, round } from './support/stats';

const SIZES = (process.env.BENCH_COVERAGE_SIZES ?? '1000,100000,1000000').split(',').map(Number);

function makeItems(n: number): CoverageItem[] {
  const start = Date.parse('2022-01-01T00:00:00Z');
  const span = Date.parse('2026-11-01T00:00:00Z') - start;
  const collections = ['articles', 'model-stories', 'teaching-resources'];
  return Array.from({ length: n }, (_, i) => {
    const published = start + ((i * 7919) % 1000) * (span / 1000);
    return {
      id: i,
      collection: collections[i % 3]!,
      title: `Bài viết số ${i}`,
      status: i % 10 === 0 ? 'draft' : 'published',
      publishedAt: new Date(published).toISOString(),
      firstPublishedAt: i % 50 === 1 ? new Date(published + 200 * 86_400_000).toISOString() : null,
      countsTowardColumn: i % 7 !== 0,
    };
  });
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

type SizeResult = {
  items: number;
  runs: number;
  baselineMedianMs: number;
  checkMedianMs: number;
  ratio: number;
  itemsPerSecond: number;
  nsPerItem: number;
  /** max RSS of the process after generating the items (the input's own cost). */
  inputRssMB: number;
  /** max RSS after the checks: the difference is what the check added at its peak. */
  peakRssMB: number;
  checkPeakMB: number;
  quarters: number;
  counted: number;
  late: number;
};

/** One size, in this process (the child's job). */
function measure(n: number): SizeResult {
  const items = makeItems(n);
  const inputRss = process.resourceUsage().maxRSS / 1024;
  const now = new Date('2026-11-24T00:00:00Z');
  const policy = { start: '2022-Q1', minPerQuarter: 1, countedCollections: ['articles', 'model-stories'] };
  let sink = 0;
  const baseline = () => {
    for (const item of items) sink += Date.parse(item.publishedAt!);
  };
  const check = () => buildCoverageReport({ policy, now, items });
  const runs = n >= 1_000_000 ? 5 : n >= 100_000 ? 7 : 31;
  for (let i = 0; i < 2; i++) {
    // warm up the JIT
    baseline();
    check();
  }
  const baselineMs: number[] = [];
  const checkMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    baselineMs.push(time(baseline));
    checkMs.push(time(check));
  }
  const report = check();
  const peakRss = process.resourceUsage().maxRSS / 1024;
  const checkMedian = median(checkMs);
  if (sink === 0) throw new Error('baseline optimised away');
  return {
    items: n,
    runs,
    baselineMedianMs: round(median(baselineMs), 2),
    checkMedianMs: round(checkMedian, 2),
    ratio: round(checkMedian / median(baselineMs), 1),
    itemsPerSecond: Math.round(n / (checkMedian / 1000)),
    nsPerItem: round((checkMedian * 1e6) / n, 1),
    inputRssMB: Math.round(inputRss),
    peakRssMB: Math.round(peakRss),
    checkPeakMB: Math.round(peakRss - inputRss),
    quarters: report.quarters.length,
    counted: report.quarters.reduce((c, q) => c + q.count, 0),
    late: report.quarters.reduce((c, q) => c + q.late, 0),
  };
}

export async function benchCoverage() {
  const sizes: SizeResult[] = SIZES.map((n) => {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--child', String(n)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    return JSON.parse(out.trim().split('\n').at(-1)!) as SizeResult;
  });
  const smallest = sizes[0]!;
  const result = {
    benchmark: 'coverage check',
    node: process.versions.node,
    baseline: 'Date.parse of every publishedAt (same process, same items, alternating runs)',
    sizes: sizes.map((s) => ({ ...s, nsPerItemVsSmallest: round(s.nsPerItem / smallest.nsPerItem, 2) })),
    /** Time per item at the largest size over the smallest: ≈ 1 when the check is linear. */
    linearity: round(sizes.at(-1)!.nsPerItem / smallest.nsPerItem, 2),
    measuredAt: new Date().toISOString(),
  };
  await writeFile(new URL('./results/coverage.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

const childAt = process.argv.indexOf('--child');
if (childAt > 0) {
  console.log(JSON.stringify(measure(Number(process.argv[childAt + 1]))));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchCoverage(), null, 2));
}
