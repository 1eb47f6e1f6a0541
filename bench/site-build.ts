/**
 * Site build benchmark: the public site built from 100, 1,000 and 10,000
 * generated articles (about 620 words each, Vietnamese) with covers, model
 * stories and teaching resources in proportion (one distinct cover image per
 * 200 articles, a story per 50, a resource per 4 with one PDF per 200),
 * served by a stand-in of Payload's REST API on 127.0.0.1 so that only the
 * site is measured. For each size, side by side in the same run, both cold
 * (empty content store and image cache):
 *  - baseline: the same pages built by Astro from a local JSON file (Astro's
 *    file loader, SITE_CONTENT_FILE), so the ratio is what the CMS loader costs;
 *  - the real build from the CMS (REST, incremental sync);
 *  - then one article changed and the site built again (incremental), against
 *    the full build of the same size.
 * Wall time, pages per second and the Astro process's peak memory; budgets
 * (no client JS but search, article page weight, axe) on the smallest site.
 * Writes bench/results/site.json and bench/results/site-growth.svg.
 * Run alone: `npm run bench:site` (BENCH_SITE_SIZES=100,1000 for fewer).
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';

import { buildSite } from '../scripts/build-site';
import { clientDir } from '../scripts/lib/site-dist';
import { serveSite } from '../scripts/serve-site';
import { launchChromium } from '../tests/support/chromium';
import { growthChart } from './support/chart';
import { content, standInCms } from './support/site-content';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, '.astro/bench/dist');
const BASE = '/binh-dang-gioi/';
const SIZES = (process.env.BENCH_SITE_SIZES ?? '100,1000,10000').split(',').map(Number);
const RSS_PROBE = path.join(ROOT, 'bench/support/rss-probe.cjs');

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Budget checks on a built site. */
async function budgets(dist: string) {
  const site = clientDir(dist);
  const files = await htmlFiles(site);
  const withScripts: string[] = [];
  for (const file of files) {
    if (file.includes(`${path.sep}tim-kiem${path.sep}`)) continue;
    const html = await readFile(file, 'utf8');
    if ([...html.matchAll(/<script\b([^>]*)>/g)].some((m) => !/application\/ld\+json/.test(m[1]!)))
      withScripts.push(path.relative(site, file));
  }
  // The heaviest article page, with every stylesheet it links.
  let heaviest = { page: '', htmlBytes: 0, cssBytes: 0, total: 0 };
  for (const file of files
    .filter((f) => f.includes(`${path.sep}bai-viet${path.sep}`) && !f.includes(`${path.sep}trang${path.sep}`))
    .slice(0, 200)) {
    const html = await readFile(file);
    let css = 0;
    for (const m of html.toString().matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) {
      css += (await stat(path.join(site, m[1]!.replace(BASE, '')))).size;
    }
    if (html.length + css > heaviest.total)
      heaviest = { page: path.relative(site, file), htmlBytes: html.length, cssBytes: css, total: html.length + css };
  }

  // axe-core on one page of every template.
  const server = await serveSite({ dir: dist, base: BASE, port: 0 });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`;
  const templates = [
    '',
    'bai-viet/',
    'bai-viet/trang/2/',
    'bai-viet/bai-viet-mau-1/',
    'quy/',
    'quy/2022-q1/',
    'doi-tuong/phu-huynh/',
    'chu-de/',
    'chu-de/chu-de-1/',
    'chien-dich/ngay-quoc-te-phu-nu-8-3/',
    'guong-dien-hinh/',
    'tai-lieu/',
    'tro-giup/',
    'tim-kiem/?q=gia%20dinh',
    'khong-co/',
  ];
  const browser = await launchChromium();
  const violations: string[] = [];
  try {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    for (const t of templates) {
      await page.goto(origin + t);
      if (t.startsWith('tim-kiem')) await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
      const r = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      for (const v of r.violations) violations.push(`${t || '(home)'}: ${v.id}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return {
    noClientJsExceptSearch: { ok: withScripts.length === 0, pagesWithScripts: withScripts.slice(0, 10) },
    articlePageUnder30KB: { ok: heaviest.total < 30 * 1024, ...heaviest },
    axeNoViolations: { ok: violations.length === 0, templates: templates.length, violations },
  };
}

type Build = { seconds: number; peakRssMB: number; log: string };

/** One build into DIST, cold (content store and image cache emptied) or not, with the Astro process's peak memory. */
async function build(cmsUrl: string, options: { cold: boolean; contentFile?: string }): Promise<Build> {
  if (options.cold) await rm(path.join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
  const rssFile = path.join(ROOT, '.astro/bench/rss.txt');
  await mkdir(path.dirname(rssFile), { recursive: true });
  await rm(rssFile, { force: true });
  const env: Record<string, string> = {
    PAYLOAD_URL: cmsUrl,
    SITE_BASE: BASE,
    COVERAGE_STRICT: 'false',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${RSS_PROBE}`.trim(),
    BENCH_RSS_FILE: rssFile,
    SITE_CONTENT_FILE: options.contentFile ?? '',
  };
  const result = await buildSite({ dist: DIST, env, quiet: true });
  if (!result.ok) throw new Error(result.message);
  const rss = (await readFile(rssFile, 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
  return {
    seconds: +(result.ms / 1000).toFixed(1),
    peakRssMB: Math.round(Math.max(0, ...rss) / 1024),
    log: result.log,
  };
}

/** The longest per-collection sync the loader logged ("… 123 ms"); collections sync in parallel. */
function syncMs(log: string): number {
  return Math.max(0, ...[...log.matchAll(/yêu cầu, (\d+) ms/g)].map((m) => Number(m[1])));
}

/** Astro's pages rendered, and copied from the incremental cache, from its log. */
function pageCounts(log: string) {
  // One "├─ <page>" a page. Four pages are generated at a time (build.concurrency), so a rendered
  // page's time may follow another page's name; a copied one's "(restored)" follows its own at once.
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  const pages = plain.match(/├─ /g)?.length ?? 0;
  const restored = plain.match(/├─ \S+ +\((restored|cached)\)/g)?.length ?? 0;
  return { rendered: pages - restored, restored };
}

/** Where a build's time goes, from Astro's and the integrations' own log lines (seconds). */
function profileOf(log: string) {
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  // Astro's times: "850ms", "12.34s", or "2m 5s" from a minute on (astro/dist/core/build/util.js).
  const seconds = (text: string | undefined) => {
    if (text === undefined) return null;
    const minutes = /^(\d+)m (\d+)s$/.exec(text);
    if (minutes) return Number(minutes[1]) * 60 + Number(minutes[2]);
    return text.endsWith('ms') ? +(parseFloat(text) / 1000).toFixed(2) : +parseFloat(text).toFixed(2);
  };
  const after = (marker: RegExp) => {
    const at = plain.search(marker);
    return at < 0 ? undefined : /✓ Completed in (\d+m \d+s|[\d.]+m?s)/.exec(plain.slice(at))?.[1];
  };
  const vite = [...plain.matchAll(/\[vite\] ✓ built in ([\d.]+m?s)/g)].reduce((t, m) => t + (seconds(m[1]) ?? 0), 0);
  return {
    syncSeconds: +(syncMs(log) / 1000).toFixed(2),
    bundlingSeconds: +vite.toFixed(2),
    renderingSeconds: seconds(after(/(generating|prerendering) static routes/)),
    imagesSeconds: seconds(after(/generating optimized images/)),
    pagefindSeconds: seconds(/Pagefind: \d+ trang được lập chỉ mục trong (\d+ ms)/.exec(plain)?.[1]?.replace(' ', '')),
    precompressSeconds: seconds(/precompressed .* in (\d+ ms)/.exec(plain)?.[1]?.replace(' ', '')),
  };
}

type Change = {
  change: string;
  seconds: number;
  syncMs: number;
  requests: number;
  rendered: number;
  restored: number;
  pagefindSeconds: number | null;
  searchShards: number | null;
  searchShardsReused: number | null;
};

/** The search index's shards and how many a build reused (the Pagefind integration's log line). */
function searchShards(log: string) {
  const match = /\((\d+) phần chỉ mục, (\d+) phần dùng lại/.exec(log.replace(/\x1b\[[0-9;]*m/g, ''));
  return { searchShards: match ? Number(match[1]) : null, searchShardsReused: match ? Number(match[2]) : null };
}

/**
 * The kinds of change an editor makes, applied to the stand-in's content one
 * after another, each followed by an incremental build: an article edited, a
 * new one published, one unpublished, a topic renamed, and the school's column
 * settings changed (on every page: everything is rendered again).
 */
async function incrementalChanges(
  docs: Record<string, Record<string, unknown>[]>,
  cms: Awaited<ReturnType<typeof standInCms>>,
  n: number,
): Promise<Change[]> {
  const articles = docs.articles!;
  const now = () => new Date().toISOString();
  const steps: [string, () => void][] = [
    [
      'edit',
      () => {
        const edited = articles[Math.floor(n / 2)]!;
        edited.title = `${String(edited.title)} (đã sửa)`;
        edited.updatedAt = now();
      },
    ],
    [
      'new',
      () => {
        const first = articles[0]!;
        articles.unshift({
          ...first,
          id: n + 1,
          title: 'Bài viết mới đăng',
          slug: 'bai-viet-moi-dang',
          publishedAt: now(),
          firstPublishedAt: now(),
          updatedAt: now(),
        });
      },
    ],
    ['unpublish', () => void articles.splice(Math.floor(n / 3), 1)],
    [
      'topic',
      () => {
        const [topic] = docs.topics!;
        docs.topics![0] = { ...topic, title: 'Chủ đề đã đổi tên', updatedAt: now() };
      },
    ],
    ['settings', () => void (cms.column.name = 'Trường THCS Nguyễn Du (đổi tên)')],
  ];
  const out: Change[] = [];
  for (const [change, apply] of steps) {
    apply();
    const before = cms.requests();
    const built = await build(cms.url, { cold: false });
    out.push({
      change,
      seconds: built.seconds,
      syncMs: syncMs(built.log),
      requests: cms.requests() - before,
      ...pageCounts(built.log),
      pagefindSeconds: profileOf(built.log).pagefindSeconds,
      ...searchShards(built.log),
    });
  }
  return out;
}

export async function benchSite() {
  const results: Record<string, unknown>[] = [];
  // An untimed first build, so that neither measured build pays for a cold disk cache and a cold Vite.
  {
    const { docs, files } = await content(SIZES[0]!);
    const cms = await standInCms(docs, files);
    await build(cms.url, { cold: true });
    cms.server.close();
  }
  for (const n of SIZES) {
    const { docs, files } = await content(n);
    const cms = await standInCms(docs, files);
    const contentFile = path.join(ROOT, `.astro/bench/content-${n}.json`);
    await mkdir(path.dirname(contentFile), { recursive: true });
    await writeFile(contentFile, JSON.stringify(docs));
    await rm(DIST, { recursive: true, force: true });

    const baseline = await build(cms.url, { cold: true, contentFile });
    const before = cms.requests();
    const full = await build(cms.url, { cold: true });
    const fullRequests = cms.requests() - before;
    const pages = (await htmlFiles(clientDir(DIST))).length;
    const distMB = +((await dirSize(DIST)) / 1e6).toFixed(1);
    const pagefindMB = +((await dirSize(path.join(clientDir(DIST), 'pagefind'))) / 1e6).toFixed(1);
    const budgetsRow = n === SIZES[0] ? await budgets(DIST) : undefined;

    // Changes made in the CMS one after another, each built incrementally from the build before.
    const changes = await incrementalChanges(docs, cms, n);
    cms.server.close();
    const incremental = changes.find((c) => c.change === 'edit')!;

    const row = {
      articles: n,
      pages,
      baselineSeconds: baseline.seconds,
      baselinePeakRssMB: baseline.peakRssMB,
      fullSeconds: full.seconds,
      fullPeakRssMB: full.peakRssMB,
      fullVsBaseline: +(full.seconds / baseline.seconds).toFixed(2),
      pagesPerSecond: Math.round(pages / full.seconds),
      baselinePagesPerSecond: Math.round(pages / baseline.seconds),
      fullCmsRequests: fullRequests,
      fullSyncMs: syncMs(full.log),
      incrementalSeconds: incremental.seconds,
      incrementalSyncMs: incremental.syncMs,
      incrementalCmsRequests: incremental.requests,
      incrementalVsFull: +(incremental.seconds / full.seconds).toFixed(2),
      profile: profileOf(full.log),
      changes: changes.map((c) => ({ ...c, vsFull: +(c.seconds / full.seconds).toFixed(3) })),
      distMB,
      pagefindMB,
      ...(budgetsRow ? { budgets: budgetsRow } : {}),
    };
    results.push(row);
    console.log(
      `site build, ${n.toLocaleString('en')} articles, ${pages} pages: from the CMS ${row.fullSeconds} s (${row.pagesPerSecond} pages/s, peak ${row.fullPeakRssMB} MB), ` +
        `from a JSON file ${row.baselineSeconds} s (peak ${row.baselinePeakRssMB} MB): ${row.fullVsBaseline}×, full sync ${row.fullSyncMs} ms; ` +
        changes
          .map(
            (c) =>
              `${c.change}: ${c.seconds} s (${(c.seconds / full.seconds).toFixed(2)}×, ${c.rendered} rendered, ${c.restored} copied)`,
          )
          .join('; '),
    );
    if (budgetsRow) console.log('budgets:', JSON.stringify(budgetsRow));
  }
  await rm(DIST, { recursive: true, force: true });
  await rm(path.join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
  const out = {
    name: 'site-build',
    machine: { cpus: os.cpus().length, node: process.version, memoryGB: +(os.totalmem() / 1e9).toFixed(1) },
    date: new Date().toISOString(),
    note:
      'Articles of ~620 words with covers (one 1600×900 JPEG per 200 articles), a model story per 50, a teaching resource per 4 (one PDF per 200), from a REST stand-in. ' +
      'Cold builds (content store and image cache emptied); the build includes the content sync, Astro, images (AVIF + WebP), the sitemap, the coverage page, Pagefind and the preview server bundle.',
    results,
  };
  await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
  await writeFile(path.join(ROOT, 'bench/results/site.json'), `${JSON.stringify(out, null, 2)}\n`);
  await writeFile(
    path.join(ROOT, 'bench/results/site-growth.svg'),
    growthChart({
      title: 'Dựng trang: thời gian theo số bài viết (site build time by articles)',
      xLabel: 'bài viết (articles)',
      yLabel: 'giây (s)',
      series: [
        { name: 'từ CMS (from the CMS)', points: results.map((r) => [r.articles as number, r.fullSeconds as number]) },
        {
          name: 'từ tệp JSON (baseline: JSON file)',
          points: results.map((r) => [r.articles as number, r.baselineSeconds as number]),
        },
        {
          name: 'sửa một bài (one article changed)',
          points: results.map((r) => [r.articles as number, r.incrementalSeconds as number]),
        },
      ],
    }),
  );
  const failed = results.flatMap((r) =>
    Object.entries((r.budgets ?? {}) as Record<string, { ok: boolean }>)
      .filter(([, v]) => !v.ok)
      .map(([k]) => k),
  );
  if (failed.length) {
    console.error(`✖ budgets not met: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSite();
