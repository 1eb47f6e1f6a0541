/**
 * `npm run bench`: every benchmark in turn, each beside its baseline in the
 * same run (these machines are noisy: read the ratios). Each writes
 * bench/results/<name>.json; this collects those files into
 * bench/results.json and the tables of BENCHMARKS.md, and prints the tables.
 * Nothing here is asserted by the tests.
 * BENCH_ONLY=coverage,images,site,pages,cms,login,district runs a subset (the others keep
 * their last results).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';

import { benchCms } from './cms';
import { benchCoverage } from './coverage';
import { benchDistrict } from './district';
import { benchImages } from './images';
import { benchLogin } from './login-timing';
import { benchPages } from './pages';
import { renderBenchmarks } from './report';
import { benchSite } from './site-build';

const BENCHES: [string, () => Promise<unknown>][] = [
  ['coverage', benchCoverage],
  ['images', benchImages],
  ['site', benchSite],
  ['pages', benchPages],
  ['cms', benchCms],
  ['login', benchLogin],
  ['district', benchDistrict],
];
const only = process.env.BENCH_ONLY?.split(',');
for (const [name, run] of BENCHES) {
  if (only && !only.includes(name)) continue;
  console.log(`\n▶ bench: ${name}`);
  await run();
}

const dir = new URL('./results/', import.meta.url);
const results: Record<string, unknown> = {
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGB: Math.round(os.totalmem() / 1e9),
    node: process.versions.node,
  },
  updatedAt: new Date().toISOString(),
};
for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
  results[file.replace(/\.json$/, '')] = JSON.parse(await readFile(new URL(file, dir), 'utf8'));
}
await writeFile(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
const markdown = renderBenchmarks(results);
await writeFile(new URL('../BENCHMARKS.md', import.meta.url), markdown);
console.log(markdown);
