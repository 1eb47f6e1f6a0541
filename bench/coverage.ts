/**
 * Times the quarterly coverage check on 100,000 items, against a baseline
 * measured in the same run: merely parsing the 100,000 publishedAt strings,
 * the least any check must do. Results go to bench/results/coverage.json.
 */
import { writeFile } from 'node:fs/promises';

import { buildCoverageReport, type CoverageItem } from '../src/domain/coverage';

const N = 100_000;
const RUNS = 7;

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function benchCoverage() {
  const items = makeItems(N);
  const now = new Date('2026-11-24T00:00:00Z');
  const policy = { start: '2022-Q1', minPerQuarter: 1, countedCollections: ['articles', 'model-stories'] };
  let sink = 0;
  const baseline = () => {
    for (const item of items) sink += Date.parse(item.publishedAt!);
  };
  const check = () => buildCoverageReport({ policy, now, items });
  for (let i = 0; i < 2; i++) (baseline(), check()); // warm up the JIT
  const baselineMs: number[] = [];
  const checkMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baselineMs.push(time(baseline));
    checkMs.push(time(check));
  }
  const report = check();
  const result = {
    benchmark: 'coverage check',
    items: N,
    runs: RUNS,
    node: process.versions.node,
    baseline: 'Date.parse of every publishedAt',
    baselineMedianMs: Math.round(median(baselineMs) * 10) / 10,
    checkMedianMs: Math.round(median(checkMs) * 10) / 10,
    ratio: Math.round((median(checkMs) / median(baselineMs)) * 10) / 10,
    itemsPerSecond: Math.round(N / (median(checkMs) / 1000)),
    quarters: report.quarters.length,
    counted: report.quarters.reduce((n, q) => n + q.count, 0),
    late: report.quarters.reduce((n, q) => n + q.late, 0),
    measuredAt: new Date().toISOString(),
    sink: sink > 0,
  };
  await writeFile(new URL('./results/coverage.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchCoverage());
}
