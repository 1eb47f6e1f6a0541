// Loaded with NODE_OPTIONS=--require by the site benchmark: when the process
// (the Astro build) exits, append its peak resident memory (KiB) to BENCH_RSS_FILE.
const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => require('node:fs').appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
