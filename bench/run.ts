/**
 * `npm run bench`: every benchmark in turn, each beside its baseline in the
 * same run (these machines are noisy: read the ratios). Each writes
 * bench/results/<name>.json; this collects them into bench/results.json and
 * the tables of BENCHMARKS.md, and prints the tables. Nothing here is
 * asserted by the tests. BENCH_ONLY=coverage,images runs a subset.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';

import { benchCoverage } from './coverage';
import { benchImages } from './images';
import { renderBenchmarks } from './report';
import { benchSite } from './site-build';

const only = process.env.BENCH_ONLY?.split(',');
const wanted = (name: string) => !only || only.includes(name);
const resultsFile = new URL('./results.json', import.meta.url);
const previous = JSON.parse(await readFile(resultsFile, 'utf8').catch(() => '{}')) as Record<string, unknown>;

const results: Record<string, unknown> = {
  ...previous,
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 1e9), node: process.versions.node },
};
if (wanted('coverage')) results.coverage = await benchCoverage();
if (wanted('images')) results.images = await benchImages();
if (wanted('site')) results.site = await benchSite();
results.updatedAt = new Date().toISOString();

await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
const markdown = renderBenchmarks(results);
await writeFile(new URL('../BENCHMARKS.md', import.meta.url), markdown);
console.log(markdown);
