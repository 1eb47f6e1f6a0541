/**
 * Page weight and Lighthouse for what readers open most: the column's home,
 * an article (with its cover) and the resource library, built from 100
 * generated articles and served as by `npm start`, loaded in Debian's
 * Chromium at phone size.
 *  - bytes by kind (HTML, CSS, JS, images, other) as served, and the same
 *    text compressed with gzip and brotli (what a host that compresses sends);
 *    the number of requests. Images below the fold load lazily and are not
 *    counted, as for a reader who does not scroll.
 *  - Lighthouse 12 (mobile settings, simulated throttling) performance,
 *    accessibility, best-practices and SEO scores.
 * Results: bench/results/pages.json.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import { buildSite } from '../scripts/build-site';
import { serveSite } from '../scripts/serve-site';
import { CHROMIUM, CHROMIUM_FLAGS, launchChromium } from '../tests/support/chromium';
import { content, standInCms } from './support/site-content';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, '.astro/bench-pages/dist');
const BASE = '/binh-dang-gioi/';
const PAGES = { home: '', article: 'bai-viet/bai-viet-mau-50/', library: 'tai-lieu/' };

type Kind = 'html' | 'css' | 'js' | 'image' | 'other';
const kindOf = (type: string): Kind =>
  type.includes('html')
    ? 'html'
    : type.includes('css')
      ? 'css'
      : type.includes('javascript')
        ? 'js'
        : type.startsWith('image/')
          ? 'image'
          : 'other';
const TEXT: Kind[] = ['html', 'css', 'js'];

async function weigh(url: string) {
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const bodies: Promise<{ kind: Kind; bytes: Buffer }>[] = [];
    page.on('response', (response) => {
      if (response.status() >= 300) return;
      bodies.push(
        response.body().then(
          (bytes) => ({ kind: kindOf(response.headers()['content-type'] ?? ''), bytes }),
          () => ({ kind: 'other' as Kind, bytes: Buffer.alloc(0) }),
        ),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const all = await Promise.all(bodies);
    const sum = (list: { bytes: Buffer }[], f: (b: Buffer) => number) => list.reduce((n, r) => n + f(r.bytes), 0);
    const byKind = Object.fromEntries(
      (['html', 'css', 'js', 'image', 'other'] as Kind[]).map((k) => [
        k,
        sum(
          all.filter((r) => r.kind === k),
          (b) => b.length,
        ),
      ]),
    );
    const text = all.filter((r) => TEXT.includes(r.kind));
    const binary = all.filter((r) => !TEXT.includes(r.kind));
    const raw = sum(all, (b) => b.length);
    const gzip = sum(text, (b) => gzipSync(b, { level: 9 }).length) + sum(binary, (b) => b.length);
    const brotli = sum(text, (b) => brotliCompressSync(b).length) + sum(binary, (b) => b.length);
    return {
      requests: all.length,
      bytes: byKind,
      total: raw,
      gzipTotal: gzip,
      brotliTotal: brotli,
      brotliVsRaw: Math.round((brotli / raw) * 100) / 100,
    };
  } finally {
    await browser.close();
  }
}

async function scores(url: string) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const categories = result?.lhr.categories ?? {};
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const audits = result?.lhr.audits ?? {};
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      firstContentfulPaintMs: Math.round(audits['first-contentful-paint']?.numericValue ?? 0),
      largestContentfulPaintMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
      cumulativeLayoutShift: Math.round((audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
      /** What cost points, so a score below 100 says why. */
      failedAudits: Object.values(categories).flatMap((c) =>
        c.auditRefs
          .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 0.9)
          .map((ref) => `${c.id}: ${ref.id}`),
      ),
    };
  } finally {
    chrome.kill();
  }
}

export async function benchPages() {
  const { docs, files } = await content(100);
  const cms = await standInCms(docs, files);
  try {
    const built = await buildSite({
      dist: DIST,
      env: { PAYLOAD_URL: cms.url, SITE_BASE: BASE, COVERAGE_STRICT: 'false' },
      quiet: true,
    });
    if (!built.ok) throw new Error(built.message);
    const server = await serveSite({ dir: DIST, base: BASE, port: 0, env: { PAYLOAD_URL: cms.url } });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`;
    const pages: Record<string, unknown> = {};
    try {
      for (const [name, route] of Object.entries(PAGES)) {
        const weight = await weigh(origin + route);
        const lh = await scores(origin + route);
        pages[name] = { path: route, ...weight, lighthouse: lh };
        console.log(
          `[bench pages] ${name}: ${weight.requests} requests, ${weight.total} B (${weight.brotliTotal} B with brotli); Lighthouse ${lh.performance}/${lh.accessibility}/${lh.bestPractices}/${lh.seo}`,
        );
      }
    } finally {
      server.close();
    }
    const result = {
      benchmark: 'pages',
      articles: 100,
      viewport: '390×844',
      lighthouse: '12.2.3, mobile, simulated throttling',
      pages,
      measuredAt: new Date().toISOString(),
    };
    await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
    await writeFile(path.join(ROOT, 'bench/results/pages.json'), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    cms.server.close();
    await rm(path.dirname(DIST), { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchPages(), null, 2));
