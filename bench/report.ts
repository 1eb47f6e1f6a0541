/**
 * BENCHMARKS.md from bench/results.json: one table per benchmark, ratios
 * beside absolute figures, and a plain list of what is not measured yet.
 */
type Row = Record<string, unknown>;

const fmt = (value: unknown, digits = 1) =>
  typeof value === 'number'
    ? value.toLocaleString('en', { maximumFractionDigits: digits })
    : value === undefined
      ? '—'
      : String(value);

function table(head: string[], rows: unknown[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map((c) => fmt(c)).join(' | ')} |`),
  ].join('\n');
}

function coverage(c: Row | undefined): string {
  if (!c) return '_not run_';
  const sizes = c.sizes as Row[];
  return [
    `Baseline: ${c.baseline}. Each size in its own process; "check peak" is what the check added to the process's max RSS.`,
    '',
    table(
      [
        'items',
        'check (median)',
        'baseline',
        'ratio',
        'items/s',
        'ns/item',
        'ns/item vs 1st size',
        'input RSS',
        'check peak',
      ],
      sizes.map((s) => [
        s.items,
        `${fmt(s.checkMedianMs, 2)} ms`,
        `${fmt(s.baselineMedianMs, 2)} ms`,
        `${fmt(s.ratio)}×`,
        s.itemsPerSecond,
        s.nsPerItem,
        `${fmt(s.nsPerItemVsSmallest, 2)}×`,
        `${s.inputRssMB} MB`,
        `+${s.checkPeakMB} MB`,
      ]),
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
        [
          `sharp: every size (${(i.sizes as string[]).join(', ')}; WebP q80)`,
          `${fmt(i.allSizesMedianMs)} ms`,
          `${fmt(i.allSizesVsDecode, 2)}×`,
        ],
        [
          'whole upload through Payload (checks, sizes, files, SQLite row)',
          `${fmt(i.payloadUploadMedianMs)} ms`,
          `${fmt(i.payloadUploadVsDecode, 2)}×`,
        ],
      ],
    ),
    '',
    table(
      ['hero (1600 px) as', 'bytes', 'vs original JPEG', 'vs JPEG at 1600 px'],
      [
        [
          'AVIF (Astro default)',
          hero.avifBytes,
          `${fmt(hero.avifVsOriginal, 3)}×`,
          `${fmt(hero.avifVsSameSizeJpeg, 2)}×`,
        ],
        [
          'WebP (Astro default)',
          hero.webpBytes,
          `${fmt(hero.webpVsOriginal, 3)}×`,
          `${fmt(hero.webpVsSameSizeJpeg, 2)}×`,
        ],
        [
          'JPEG (sharp default)',
          hero.jpegBytes,
          `${fmt((hero.jpegBytes as number) / (input.jpegBytes as number), 3)}×`,
          '1×',
        ],
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
      [
        'articles',
        'pages',
        'from the CMS',
        'from a JSON file (baseline)',
        'ratio',
        'pages/s',
        'peak memory (CMS / JSON)',
        'one article changed',
        'vs full',
        'its sync',
        'dist',
        'Pagefind',
      ],
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
    changesTable(results),
    '',
    profileTable(results),
    '',
    budgets
      ? `Budgets on the ${fmt(results[0]!.articles)}-article site: no client JS except search ${budgets.noClientJsExceptSearch?.ok ? '✓' : '✗'}; ` +
        `heaviest article page ${fmt(((budgets.articlePageUnder30KB?.total as number) ?? 0) / 1024)} KB HTML + CSS (< 30 KB) ${budgets.articlePageUnder30KB?.ok ? '✓' : '✗'}; ` +
        `axe WCAG 2.2 AA on ${budgets.axeNoViolations?.templates} templates: ${(budgets.axeNoViolations?.violations as unknown[] | undefined)?.length ?? '?'} violations ${budgets.axeNoViolations?.ok ? '✓' : '✗'}.`
      : '',
  ].join('\n');
}

/** Each kind of change built incrementally after the one before, against the same size's cold build. */
function changesTable(results: Row[]): string {
  const withChanges = results.filter((r) => Array.isArray(r.changes));
  if (withChanges.length === 0) return '';
  const words: Record<string, string> = {
    edit: 'an article’s title edited',
    new: 'a new article published',
    unpublish: 'an article unpublished',
    topic: 'a topic renamed',
    settings: 'the school’s name changed (on every page: all rendered again)',
  };
  return [
    'Incremental builds (Astro’s `experimental.incrementalBuild`, keys in `src/site/lib/page-keys.ts`), each change after the one before, from the same CMS; the cold build of the same size is the baseline:',
    '',
    table(
      ['articles', 'change', 'build', 'vs cold build', 'pages rendered / copied', 'search shards reused', 'sync'],
      withChanges.flatMap((r) =>
        (r.changes as Row[]).map((c) => [
          r.articles,
          words[String(c.change)] ?? String(c.change),
          `${fmt(c.seconds)} s`,
          `${fmt(c.vsFull, 2)}× (cold ${fmt(r.fullSeconds)} s)`,
          `${fmt(c.rendered)} / ${fmt(c.restored)}`,
          c.searchShards == null
            ? '—'
            : `${fmt(c.searchShardsReused)} of ${fmt(c.searchShards)} (Pagefind ${fmt(c.pagefindSeconds)} s)`,
          `${fmt(c.syncMs)} ms, ${fmt(c.requests)} requests`,
        ]),
      ),
    ),
  ].join('\n');
}

/** Where a cold build's time goes, from the build's own log. */
function profileTable(results: Row[]): string {
  const withProfile = results.filter((r) => r.profile);
  if (withProfile.length === 0) return '';
  const part = (r: Row, key: string) => {
    const v = (r.profile as Row)[key];
    return v == null ? '?' : `${fmt(v)} s (${fmt(((v as number) / (r.fullSeconds as number)) * 100)} %)`;
  };
  return [
    'Where a cold build’s time goes (the rest: starting Node and Astro, collecting pages, the sitemap, the coverage check, the swap). Compression runs beside Pagefind, so those two columns overlap (they also share the 2 cores):',
    '',
    table(
      [
        'articles',
        'cold build',
        'content sync',
        'bundling (Vite)',
        'rendering pages',
        'images',
        'Pagefind',
        'precompress',
      ],
      withProfile.map((r) => [
        r.articles,
        `${fmt(r.fullSeconds)} s`,
        part(r, 'syncSeconds'),
        part(r, 'bundlingSeconds'),
        part(r, 'renderingSeconds'),
        part(r, 'imagesSeconds'),
        part(r, 'pagefindSeconds'),
        part(r, 'precompressSeconds'),
      ]),
    ),
  ].join('\n');
}

function cms(c: Row | undefined): string {
  if (!c) return '_not run_';
  const live = c.publishToLive as Row;
  const rest = c.rest as Record<string, Row>;
  const local = c.localApi as Record<string, Row>;
  const restRows = Object.entries(rest)
    .filter(([k]) => k.includes('@'))
    .map(([k, v]) => {
      const [name, connections] = k.split('@');
      const m = v.cms as Row;
      const b = v.baseline as Row;
      return [
        name,
        connections,
        `${m.p50} / ${m.p95} / ${m.p99} ms`,
        m.requestsPerSecond,
        `${b.p50} / ${b.p99} ms, ${fmt(b.requestsPerSecond)}/s`,
        `${fmt(v.throughputVsBaseline, 3)}×`,
        m.errors,
        m.non2xx,
      ];
    });
  const localRows = Object.entries(local).map(([k, v]) => {
    const [name, concurrency] = k.split('@');
    const a = v.api as Row;
    const b = v.baseline as Row;
    return [
      name,
      concurrency,
      `${a.p50} / ${a.p95} / ${a.p99} ms`,
      a.requestsPerSecond,
      `${b.p50} / ${b.p99} ms`,
      `${fmt(v.p50VsBaseline)}×`,
    ];
  });
  return [
    `${fmt(c.articles)} published articles in the CMS (production build behind \`scripts/cms-server.ts\`, SQLite, job runner on), the site built by its rebuild jobs and served as by \`npm start\`.`,
    '',
    table(
      ['from the editor’s click', `median of ${live.samples}`, 'samples', 'vs building the site directly'],
      [
        [
          'publish → the article’s page answers',
          `${fmt(live.publishMedianSeconds)} s`,
          (live.publishSeconds as number[]).join(', '),
          `${fmt(live.publishVsDirectBuild, 2)}× (${fmt(live.directBuildSeconds)} s)`,
        ],
        [
          'unpublish → the page is gone',
          `${fmt(live.unpublishMedianSeconds)} s`,
          (live.unpublishSeconds as number[]).join(', '),
          '',
        ],
      ],
    ),
    '',
    // Results measured before the rebuild was woken at the debounce's end also waited for the queue's tick.
    `The rest of the delay is the ${fmt((live.debounceMs as number) / 1000)} s debounce that merges quick edits into one build${live.wokenAtDebounceEnd ? ' (the rebuild starts as soon as it ends)' : ", and the job queue's 5 s tick"}.`,
    '',
    `REST (anonymous, depth 1; autocannon, ${rest.seconds} s per run) against a bare Node server answering the same bytes:`,
    '',
    table(
      [
        'endpoint',
        'connections',
        'p50 / p95 / p99',
        'requests/s',
        'bare server p50 / p99, req/s',
        'throughput vs bare',
        'errors',
        'non-2xx',
      ],
      restRows,
    ),
    '',
    'Local API (overrideAccess: false, depth 1) in a second process on the same SQLite file, against the same query in plain SQL on the same connection:',
    '',
    table(['call', 'concurrent', 'p50 / p95 / p99', 'calls/s', 'plain SQL p50 / p99', 'p50 vs SQL'], localRows),
  ].join('\n');
}

function pages(p: Row | undefined): string {
  if (!p) return '_not run_';
  const list = p.pages as Record<string, Row>;
  const kb = (b: unknown) => `${fmt((b as number) / 1024)} KB`;
  return [
    `A site of ${p.articles} articles served as by \`npm start\`, loaded in Chromium at ${p.viewport}; Lighthouse ${p.lighthouse}. Sizes are before compression; the gzip and brotli columns compress each text file here (the bundled server sends the build’s own brotli copies, quality 6 for pages).`,
    '',
    table(
      [
        'page',
        'requests',
        'HTML',
        'CSS',
        'JS',
        'images',
        'total',
        'gzip',
        'brotli',
        'Lighthouse perf / a11y / best / SEO',
        'LCP',
      ],
      Object.entries(list).map(([name, r]) => {
        const bytes = r.bytes as Row;
        const lh = r.lighthouse as Row;
        return [
          `${name} (\`${r.path || '/'}\`)`,
          r.requests,
          kb(bytes.html),
          kb(bytes.css),
          kb(bytes.js),
          kb(bytes.image),
          kb(r.total),
          kb(r.gzipTotal),
          kb(r.brotliTotal),
          `${lh.performance} / ${lh.accessibility} / ${lh.bestPractices} / ${lh.seo}`,
          `${lh.largestContentfulPaintMs} ms`,
        ];
      }),
    ),
    '',
    ...Object.entries(list).flatMap(([name, r]) => {
      const failed = ((r.lighthouse as Row).failedAudits as string[] | undefined) ?? [];
      return failed.length ? [`- ${name}: Lighthouse points lost on ${failed.join(', ')}`] : [];
    }),
  ].join('\n');
}

function login(l: Row | undefined): string {
  if (!l) return '_not run_';
  const row = (name: string, r: Row) => {
    const real = r.realAccount as Row;
    const none = r.unknownEmail as Row;
    return [
      name,
      `${fmt(real.medianMs)} ms (p95 ${fmt(real.p95Ms)})`,
      `${fmt(none.medianMs)} ms (p95 ${fmt(none.p95Ms)})`,
      `${fmt(r.ratio, 2)}×`,
      r.sameAnswer ? 'yes' : 'NO',
    ];
  };
  return [
    `${l.samples} alternating samples each, ${l.server}. Baseline: the real account's answer in the same run; ~1× means the timing tells nothing (before issue 13: login 6 ms against 86 ms).`,
    '',
    table(
      ['request', 'real account (baseline)', 'unknown e-mail', 'ratio', 'same status and body'],
      [row('login, wrong password', l.login as Row), row('forgot-password', l.forgotPassword as Row)],
    ),
  ].join('\n');
}

function district(d: Row | undefined): string {
  if (!d) return '_not run_';
  const m = d.machine as Row;
  const setup = d.setup as Row;
  const dash = d.dashboard as Row;
  const sites = d.sites as Row;
  const pub = d.publish as Row;
  const s = (value: unknown) => `${fmt(value)} s`;
  const yes = (ok: unknown) => (ok ? '✓' : '✗ NO');
  return [
    `${d.note} Measured ${String(d.measuredAt).slice(0, 10)} on ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, Node ${m.node}` +
      `${m.nice ? `, at nice ${m.nice}` : ''} beside other work (load average ${(m.loadAverageAtEnd as number[] | undefined)?.join(' / ') ?? '?'} at the end).`,
    '',
    `Setup: Payload started in ${s(setup.bootSeconds)}, ${fmt(d.schools)} schools in ${s(setup.schoolsSeconds)}, ` +
      `${fmt((d.schools as number) * (d.articlesPerSchool as number))} articles in ${s(setup.articlesSeconds)} ` +
      `(${fmt(setup.articlesPerSecond)}/s: one Local API create each, through every hook but the rebuild request, their dates kept as history as the seed imports them); the closing job wrote ${fmt(setup.quarterRecords)} quarter records in ${s(setup.closingSeconds)}; ${s(setup.totalSeconds)} in all.`,
    '',
    table(
      ['work', 'result', 'baseline (same run)', 'ratio', 'details'],
      [
        [
          `district dashboard: every school's coverage and closed-quarter records from the database (\`districtSources\`), then the matrix (median of ${dash.runs})`,
          `${fmt(dash.districtMedianMs)} ms`,
          `one school: ${fmt(dash.oneSchoolMedianMs, 2)} ms`,
          `${fmt(dash.ratio)}×`,
          `${fmt(dash.perSchoolMs, 2)} ms per school (${fmt(dash.perSchoolVsOneSchool, 2)}× one school alone); ` +
            `${fmt(dash.itemsRead)} items, ${dash.rows} rows × ${dash.quarters} quarters; the matrix itself ${fmt(dash.matrixOnlyMedianMs, 2)} ms; \`districtDashboard\` (the admin page's data) ${fmt(dash.dashboardPageMedianMs)} ms`,
        ],
        [
          `every school's site, one after another (cold)`,
          s(sites.totalSeconds),
          `first school alone: ${s(sites.baselineSeconds)}`,
          `${fmt(sites.totalVsBaseline)}× (${fmt(sites.totalVsSchoolsTimesBaseline, 2)}× ${fmt(d.schools)} × baseline)`,
          `per school: median ${s(sites.perSchoolMedianSeconds)} (${fmt(sites.perSchoolMinSeconds)}–${fmt(sites.perSchoolMaxSeconds)}); ` +
            `${fmt(sites.pages)} pages, ${fmt(sites.pagesPerSecond)} pages/s (alone: ${fmt(sites.baselinePagesPerSecond)}); ` +
            `peak memory ${fmt(sites.peakRssMB)} MB (median ${fmt(sites.medianPeakRssMB)}; alone ${fmt(sites.baselinePeakRssMB)}); dist ${fmt(sites.distMB)} MB`,
        ],
        [
          `one publish in school #${pub.school}, then its rebuild (the rebuild job's runSiteBuild)`,
          s(pub.rebuildSeconds),
          `its cold build above: ${s(pub.coldBuildSeconds)}`,
          `${fmt(pub.vsColdBuild, 2)}×`,
          `rebuild requested for: ${(pub.rebuildRequestedFor as string[]).join(', ') || 'none'}; new article on its site ${yes(pub.newArticleBuilt)}; ` +
            `the other ${fmt(pub.otherSchools)} sites byte-identical (${fmt(pub.otherFilesCompared)} files hashed) ${yes(pub.otherSchoolsByteIdentical)}; peak memory ${fmt(pub.peakRssMB)} MB`,
        ],
      ],
    ),
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

## Page weight and Lighthouse

${pages(results.pages as Row | undefined)}

## CMS: publish to live, REST and Local API

${cms(results.cms as Row | undefined)}

## Login: what its timing tells about accounts

${login(results.login as Row | undefined)}

## District: many schools on one install

${district(results.district as Row | undefined)}
`;
}
