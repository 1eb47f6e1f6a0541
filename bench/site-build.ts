/**
 * Site build benchmark (issue 4): builds the public site from 1,000 and 10,000
 * generated articles (about 620 words each, Vietnamese, served by a stand-in
 * of Payload's REST API on 127.0.0.1 so that only the site is measured) and
 * reports pages per second, then checks the budgets on the built site:
 *  - no client JavaScript on any page but search;
 *  - an article page under 30 KB of HTML + CSS before compression;
 *  - no axe-core violation (WCAG 2.2 AA rules) on every page template.
 * Writes bench/results/site.json. Run alone: `npm run bench:site`
 * (BENCH_SITE_SIZES=1000 to skip the 10,000 build).
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

import { buildSite } from '../scripts/build-site';
import { clientDir } from '../scripts/lib/site-dist';
import { serveSite } from '../scripts/serve-site';
import { AUDIENCES, CAMPAIGNS } from '../src/domain/vocabulary';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, '.astro/bench/dist');
const BASE = '/binh-dang-gioi/';
const SIZES = (process.env.BENCH_SITE_SIZES ?? '1000,10000').split(',').map(Number);

const SENTENCES = [
  'Bình đẳng giới là việc nam và nữ có vị trí, vai trò ngang nhau, được tạo điều kiện và cơ hội phát huy năng lực của mình.',
  'Trong gia đình, cha mẹ cùng chia sẻ việc nhà là tấm gương gần gũi nhất để con học cách tôn trọng nhau.',
  'Học sinh lớp 8 thảo luận về những định kiến giới thường gặp trong sách báo, phim ảnh và mạng xã hội.',
  'Nhà trường phối hợp với Hội cha mẹ học sinh tổ chức chuyên đề phòng ngừa bạo lực học đường.',
  'Giáo viên chủ nhiệm được tập huấn cách nhận diện sớm các dấu hiệu bạo lực trên cơ sở giới.',
  'Các em được khuyến khích lựa chọn môn học, câu lạc bộ và nghề nghiệp theo sở thích chứ không theo giới tính.',
  'Đội tuyển khoa học của trường có số bạn nữ và bạn nam gần bằng nhau trong ba năm liền.',
  'Khi bị bắt nạt hay xâm hại, em hãy nói ngay với thầy cô, cha mẹ hoặc gọi Tổng đài 111.',
  'Buổi sinh hoạt dưới cờ đầu tuần có tiểu phẩm về việc chia sẻ trách nhiệm trong gia đình.',
  'Ban vì sự tiến bộ của phụ nữ đề xuất khen thưởng các cô giáo giỏi việc trường, đảm việc nhà.',
];

function lexical(words: number, seed: number) {
  const children: unknown[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const sentences = [0, 1, 2, 3].map((k) => SENTENCES[(seed + i * 3 + k) % SENTENCES.length]!).join(' ');
    count += sentences.split(' ').length;
    const text = { type: 'text', text: sentences, format: 0, detail: 0, mode: 'normal', style: '', version: 1 };
    children.push(
      i % 5 === 4
        ? { type: 'heading', tag: 'h2', children: [{ ...text, text: `Phần ${i / 5 + 1}: hoạt động của nhà trường` }], direction: 'ltr', format: '', indent: 0, version: 1 }
        : { type: 'paragraph', children: [text], direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, textStyle: '' },
    );
  }
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } };
}

const TOPICS = ['Bình đẳng giới', 'Gia đình', 'Phòng chống bạo lực', 'Giáo dục giới tính', 'Định hướng nghề nghiệp', 'Vì sự tiến bộ của phụ nữ'].map(
  (title, i) => ({ id: i + 1, title, slug: `chu-de-${i + 1}`, updatedAt: '2022-01-01T00:00:00.000Z', createdAt: '2022-01-01T00:00:00.000Z' }),
);

function articles(n: number) {
  const start = Date.parse('2022-01-05T02:00:00.000Z');
  const end = Date.now() - 86_400_000;
  return Array.from({ length: n }, (_, i) => {
    const publishedAt = new Date(start + ((end - start) * i) / Math.max(1, n - 1)).toISOString();
    return {
      id: i + 1,
      title: `Bài viết mẫu số ${i + 1}: bình đẳng giới trong gia đình và nhà trường`,
      slug: `bai-viet-mau-${i + 1}`,
      excerpt: 'Một bài viết mẫu cho phép đo thời gian dựng trang: chia sẻ việc nhà, tôn trọng sự khác biệt, phòng ngừa bạo lực.',
      cover: null,
      body: lexical(620, i),
      audiences: [AUDIENCES[i % 3]!.value],
      topics: [TOPICS[i % TOPICS.length]!.id],
      campaign: i % 7 === 0 ? CAMPAIGNS[i % CAMPAIGNS.length]!.value : null,
      publishedAt,
      firstPublishedAt: publishedAt,
      countsTowardColumn: true,
      updatedAt: '2026-01-01T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
      _status: 'published',
    };
  });
}

/** Just enough of Payload's REST API for the loader and the coverage page. */
function standInCms(docs: Record<string, Record<string, unknown>[]>): Promise<{ url: string; server: Server; requests: () => number }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/api/globals/column-settings/policy') {
      return send({
        school: { name: 'Trường THCS Nguyễn Du', district: 'Phòng GDĐT quận Hoàn Kiếm' },
        columnTitle: 'Bình đẳng giới',
        policy: { start: '2022-Q1', minPerQuarter: 1, countedCollections: ['articles'] },
      });
    }
    const collection = /^\/api\/([a-z-]+)$/.exec(url.pathname)?.[1];
    if (!collection) {
      res.writeHead(404).end();
      return;
    }
    let list = docs[collection] ?? [];
    const since = url.searchParams.get('where[updatedAt][greater_than]');
    if (since) list = list.filter((d) => String(d.updatedAt) > since);
    const ids = url.searchParams.get('where[id][in]');
    if (ids) {
      const wanted = new Set(ids.split(','));
      list = list.filter((d) => wanted.has(String(d.id)));
    }
    if (url.searchParams.get('select[updatedAt]') === 'true') list = list.map((d) => ({ id: d.id, updatedAt: d.updatedAt }));
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = list.slice((page - 1) * limit, page * limit);
    send({ docs: slice, hasNextPage: page * limit < list.length, nextPage: page + 1, page, totalDocs: list.length });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests: () => requests })),
  );
}

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
    if ([...html.matchAll(/<script\b([^>]*)>/g)].some((m) => !/application\/ld\+json/.test(m[1]!))) withScripts.push(path.relative(site, file));
  }
  // The heaviest article page, with every stylesheet it links.
  let heaviest = { page: '', htmlBytes: 0, cssBytes: 0, total: 0 };
  for (const file of files.filter((f) => f.includes(`${path.sep}bai-viet${path.sep}`) && !f.includes(`${path.sep}trang${path.sep}`)).slice(0, 200)) {
    const html = await readFile(file);
    let css = 0;
    for (const m of html.toString().matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) {
      css += (await stat(path.join(site, m[1]!.replace(BASE, '')))).size;
    }
    if (html.length + css > heaviest.total) heaviest = { page: path.relative(site, file), htmlBytes: html.length, cssBytes: css, total: html.length + css };
  }

  // axe-core on one page of every template.
  const server = await serveSite({ dir: dist, base: BASE, port: 0 });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`;
  const templates = ['', 'bai-viet/', 'bai-viet/trang/2/', 'bai-viet/bai-viet-mau-1/', 'quy/', 'quy/2022-q1/', 'doi-tuong/phu-huynh/', 'chu-de/', 'chu-de/chu-de-1/', 'chien-dich/ngay-quoc-te-phu-nu-8-3/', 'guong-dien-hinh/', 'tai-lieu/', 'tro-giup/', 'tim-kiem/?q=gia%20dinh', 'khong-co/'];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const violations: string[] = [];
  try {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    for (const t of templates) {
      await page.goto(origin + t);
      if (t.startsWith('tim-kiem')) await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
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

async function run() {
  const results: Record<string, unknown>[] = [];
  for (const n of SIZES) {
    const docs = { articles: articles(n), topics: TOPICS };
    const cms = await standInCms(docs);
    await rm(DIST, { recursive: true, force: true });
    // A cold build (empty content store) and then a second one with nothing changed.
    await rm(path.join(ROOT, 'node_modules/.astro/data-store.json'), { force: true });
    const cold = await buildSite({ dist: DIST, env: { PAYLOAD_URL: cms.url, SITE_BASE: BASE, COVERAGE_STRICT: 'false' }, quiet: true });
    if (!cold.ok) throw new Error(cold.message);
    const pages = (await htmlFiles(clientDir(DIST))).length;
    const before = cms.requests();
    const warm = await buildSite({ dist: DIST, env: { PAYLOAD_URL: cms.url, SITE_BASE: BASE, COVERAGE_STRICT: 'false' }, quiet: true });
    if (!warm.ok) throw new Error(warm.message);
    const warmRequests = cms.requests() - before;
    const row: Record<string, unknown> = {
      articles: n,
      pages,
      coldBuildSeconds: +(cold.ms / 1000).toFixed(1),
      pagesPerSecond: Math.round(pages / (cold.ms / 1000)),
      secondBuildSeconds: +(warm.ms / 1000).toFixed(1),
      secondBuildCmsRequests: warmRequests,
      distMB: +((await dirSize(DIST)) / 1e6).toFixed(1),
      pagefindMB: +((await dirSize(path.join(DIST, 'pagefind'))) / 1e6).toFixed(1),
    };
    if (n === SIZES[0]) row.budgets = await budgets(DIST);
    cms.server.close();
    results.push(row);
    console.log(
      `site build, ${n.toLocaleString('en')} articles: ${pages} pages in ${row.coldBuildSeconds} s cold (${row.pagesPerSecond} pages/s), ` +
        `${row.secondBuildSeconds} s with no change (${warmRequests} CMS requests); dist ${row.distMB} MB, Pagefind ${row.pagefindMB} MB`,
    );
    if (row.budgets) console.log('budgets:', JSON.stringify(row.budgets));
  }
  await rm(DIST, { recursive: true, force: true });
  const out = {
    name: 'site-build',
    machine: { cpus: os.cpus().length, node: process.version, memoryGB: +(os.totalmem() / 1e9).toFixed(1) },
    date: new Date().toISOString(),
    note: 'Articles of ~620 words from a REST stand-in (no images); the build includes the content sync, Astro, the sitemap, the coverage page and Pagefind.',
    results,
  };
  await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
  await writeFile(path.join(ROOT, 'bench/results/site.json'), `${JSON.stringify(out, null, 2)}\n`);
  const failed = results.flatMap((r) => Object.entries((r.budgets ?? {}) as Record<string, { ok: boolean }>).filter(([, v]) => !v.ok).map(([k]) => k));
  if (failed.length) {
    console.error(`✖ budgets not met: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

await run();
