/**
 * BENCHMARKS.md from bench/results.json: one table per benchmark, ratios
 * beside absolute figures, and a plain list of what is not measured yet.
 */
type Row = Record<string, unknown>;

const fmt = (value: unknown, digits = 1) =>
  typeof value === 'number' ? value.toLocaleString('en', { maximumFractionDigits: digits }) : value === undefined ? '—' : String(value);

function table(head: string[], rows: unknown[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map((c) => fmt(c)).join(' | ')} |`)].join('\n');
}

function coverage(c: Row | undefined): string {
  if (!c) return '_not run_';
  const sizes = c.sizes as Row[];
  return [
    `Baseline: ${c.baseline}. Each size in its own process; "check peak" is what the check added to the process's max RSS.`,
    '',
    table(
      ['items', 'check (median)', 'baseline', 'ratio', 'items/s', 'ns/item', 'ns/item vs 1st size', 'input RSS', 'check peak'],
      sizes.map((s) => [s.items, `${fmt(s.checkMedianMs, 2)} ms`, `${fmt(s.baselineMedianMs, 2)} ms`, `${fmt(s.ratio)}×`, s.itemsPerSecond, s.nsPerItem, `${fmt(s.nsPerItemVsSmallest, 2)}×`, `${s.inputRssMB} MB`, `+${s.checkPeakMB} MB`]),
    ),
    '',
    `Growth: time per item at the largest size is ${fmt(c.linearity, 2)}× that at the smallest (1× = perfectly linear).`,
  ].join('\n');
}

function images(i: Row | undefined): string {
  if (!i) return '_not run_';
  const input = i.input as Row;
  const hero = i.hero as Row;
  return [
    `Input: ${input.width} × ${input.height} (${input.megapixels} MP) JPEG of ${fmt((input.jpegBytes as number) / 1e6, 2)} MB (${input.note}).`,
    '',
    table(
      ['work', 'median', 'vs decoding the JPEG'],
      [
        ['decode only (baseline)', `${fmt(i.decodeMedianMs)} ms`, '1×'],
        [`sharp: every size (${(i.sizes as string[]).join(', ')}; WebP q80)`, `${fmt(i.allSizesMedianMs)} ms`, `${fmt(i.allSizesVsDecode, 2)}×`],
        ['whole upload through Payload (checks, sizes, files, SQLite row)', `${fmt(i.payloadUploadMedianMs)} ms`, `${fmt(i.payloadUploadVsDecode, 2)}×`],
      ],
    ),
    '',
    table(
      ['hero (1600 px) as', 'bytes', 'vs original JPEG', 'vs JPEG at 1600 px'],
      [
        ['AVIF (Astro default)', hero.avifBytes, `${fmt(hero.avifVsOriginal, 3)}×`, `${fmt(hero.avifVsSameSizeJpeg, 2)}×`],
        ['WebP (Astro default)', hero.webpBytes, `${fmt(hero.webpVsOriginal, 3)}×`, `${fmt(hero.webpVsSameSizeJpeg, 2)}×`],
        ['JPEG (sharp default)', hero.jpegBytes, `${fmt((hero.jpegBytes as number) / (input.jpegBytes as number), 3)}×`, '1×'],
      ],
    ),
  ].join('\n');
}

function site(s: Row | undefined): string {
  if (!s) return '_not run_';
  const results = s.results as Row[];
  const budgets = results.find((r) => r.budgets)?.budgets as Record<string, Row> | undefined;
  return [
    String(s.note ?? ''),
    '',
    table(
      ['articles', 'pages', 'from the CMS', 'from a JSON file (baseline)', 'ratio', 'pages/s', 'peak memory (CMS / JSON)', 'one article changed', 'vs full', 'its sync', 'dist', 'Pagefind'],
      results.map((r) => [
        r.articles,
        r.pages,
        `${fmt(r.fullSeconds)} s`,
        `${fmt(r.baselineSeconds)} s`,
        `${fmt(r.fullVsBaseline, 2)}×`,
        r.pagesPerSecond,
        `${r.fullPeakRssMB} / ${r.baselinePeakRssMB} MB`,
        `${fmt(r.incrementalSeconds)} s`,
        `${fmt(r.incrementalVsFull, 2)}×`,
        `${r.incrementalSyncMs} ms, ${r.incrementalCmsRequests} requests`,
        `${r.distMB} MB`,
        `${r.pagefindMB} MB`,
      ]),
    ),
    '',
    '![Site build time against the number of articles](bench/results/site-growth.svg)',
    '',
    budgets
      ? `Budgets on the ${fmt(results[0]!.articles)}-article site: no client JS except search ${budgets.noClientJsExceptSearch?.ok ? '✓' : '✗'}; ` +
        `heaviest article page ${fmt(((budgets.articlePageUnder30KB?.total as number) ?? 0) / 1024)} KB HTML + CSS (< 30 KB) ${budgets.articlePageUnder30KB?.ok ? '✓' : '✗'}; ` +
        `axe WCAG 2.2 AA on ${budgets.axeNoViolations?.templates} templates: ${(budgets.axeNoViolations?.violations as unknown[] | undefined)?.length ?? '?'} violations ${budgets.axeNoViolations?.ok ? '✓' : '✗'}.`
      : '',
  ].join('\n');
}

export function renderBenchmarks(results: Row): string {
  const machine = results.machine as Row | undefined;
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) from \`bench/results.json\`; do not edit by hand.
Machine: ${machine?.cpus} × ${machine?.cpuModel}, ${machine?.memoryGB} GB, Node ${machine?.node}. Updated ${results.updatedAt}.
These machines are noisy: every figure stands beside a baseline measured in the same run; read the ratios.

## Quarterly coverage check

${coverage(results.coverage as Row | undefined)}

## Images

${images(results.images as Row | undefined)}

## Site build

${site(results.site as Row | undefined)}

## Not measured yet

- Publish to live and unpublish to gone (median of 5, 1,000 articles).
- CMS API (Local API and REST, list and detail, p50/p95/p99 at 1 and 50 connections, autocannon).
- Page weight and Lighthouse scores of the home, an article and the library.
`;
}
