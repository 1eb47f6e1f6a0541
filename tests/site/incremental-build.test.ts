import { createHash } from 'node:crypto';
import { appendFile, cp, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildSite } from '../../scripts/build-site';
import { clientDir, siteCacheDir } from '../../scripts/lib/site-dist';
import type { Article, School } from '../../src/payload-types';
import { seedDemoContent } from '../../src/seed/seed';
import { createDoc, createStaff, firstSchool, setSchoolSettings, type Staff } from '../support/fixtures';
import { type HttpCms, startHttpCms } from './support/http-cms';

/**
 * The rule of incremental builds: after any kind of change, a build that
 * reuses the last build's pages gives exactly the site a cold build gives for
 * the same content, file by file. Each step changes the demo content one way,
 * builds incrementally (from the previous step's cache) and cold (an empty
 * cache, the incremental one set aside meanwhile), and compares both outputs.
 *
 * Compared: client/, every file readers get. Not compared: server/, the
 * preview's on-request renderer, which differs between any two builds here
 * (its entry and the hashed chunks that bundle Astro's per-build key and the
 * content store); a preview renders the draft it fetches from the CMS.
 *
 * Not changed here: the site's code. Astro hashes each page's module graph and
 * renders a page again when any module it imports changed; changing a source
 * file under a running test would also change it for the test files building
 * beside this one.
 */
const ROOT = path.resolve('.astro/test-incremental');
const PAGES = path.join(ROOT, 'content');
const INCREMENTAL = path.join(ROOT, 'incremental');
const COLD = path.join(ROOT, 'cold');
const STEP_TIMEOUT = 240_000;

let cms: HttpCms;
let school: School;
let cache: string;
let staff: Staff;

/** One moment for every build: the same content includes the same "now" (the coverage report and calendar show it). */
const NOW = new Date().toISOString();

const env = () => ({
  PAYLOAD_URL: cms.url,
  COVERAGE_STRICT: 'false',
  COVERAGE_NOW: NOW,
  // The site's own pages from a copy, so that editing one touches nothing else.
  SITE_PAGES_DIR: path.relative(process.cwd(), PAGES),
  // The demo's few dozen pages in search shards of 8: a change re-indexes only its shards, the others are reused.
  SITE_SEARCH_SHARD_PAGES: '8',
});

async function build(dist: string) {
  const result = await buildSite({ dist, env: env(), quiet: true });
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** A build with an empty cache; the incremental build's cache is kept aside meanwhile. */
async function coldBuild() {
  const aside = `${cache.replace(/\/$/, '')}.aside`;
  await rm(aside, { recursive: true, force: true });
  await rename(cache, aside);
  try {
    return await build(COLD);
  } finally {
    await rm(cache, { recursive: true, force: true });
    await rename(aside, cache);
  }
}

async function fileHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(
      path.relative(dir, file),
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return hashes;
}

/** Every file that is not the same in both builds: missing from one, or with other bytes. */
async function differences(part: string): Promise<string[]> {
  const [a, b] = await Promise.all([fileHashes(path.join(INCREMENTAL, part)), fileHashes(path.join(COLD, part))]);
  const out: string[] = [];
  for (const [file, hash] of a) {
    if (!b.has(file)) out.push(`only in the incremental build: ${file}`);
    else if (b.get(file) !== hash) out.push(`differs: ${file}`);
  }
  for (const file of b.keys()) if (!a.has(file)) out.push(`only in the cold build: ${file}`);
  return out;
}

/** Both builds of the current content, compared; the incremental build's log is returned. */
async function buildBothAndCompare(): Promise<string> {
  const incremental = await build(INCREMENTAL);
  await coldBuild();
  expect(await differences('client')).toEqual([]);
  return incremental.log;
}

const page = (dist: string, address: string) =>
  readFile(path.join(clientDir(dist), address, 'index.html'), 'utf8').catch(() => undefined);

/** The pages the build copied from the cache instead of rendering them (Astro logs "(restored)"). */
const restored = (log: string) =>
  log
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => l.includes('(restored)')).length;

/** The search shards of the build, and how many were reused from the cache (the Pagefind integration logs both). */
function searchShards(log: string) {
  const match = /\((\d+) phần chỉ mục, (\d+) phần dùng lại/.exec(log.replace(/\x1b\[[0-9;]*m/g, ''));
  if (!match) throw new Error('no Pagefind line in the build log');
  return { shards: Number(match[1]), reused: Number(match[2]) };
}

const published = async (): Promise<Article[]> =>
  (
    await cms.payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      sort: '-publishedAt',
      limit: 100,
      depth: 0,
    })
  ).docs;

beforeAll(async () => {
  await rm(ROOT, { recursive: true, force: true });
  await cp(path.resolve('content'), PAGES, { recursive: true });
  cms = await startHttpCms();
  await seedDemoContent(cms.payload);
  // A slug of its own: Astro's cache is per school slug, and other test files build the demo school.
  school = await cms.payload.update({
    collection: 'schools',
    id: (await firstSchool(cms.payload)).id,
    data: { slug: 'thcs-dung-tung-phan' },
    depth: 0,
  });
  staff = await createStaff(cms.payload, { school: school.id });
  cache = path.resolve(siteCacheDir(school.slug));
  await rm(cache, { recursive: true, force: true });
}, 300_000);

afterAll(async () => {
  await cms?.close();
  await rm(ROOT, { recursive: true, force: true });
  if (cache) await rm(cache, { recursive: true, force: true });
});

describe('an incremental build gives exactly the cold build', () => {
  it(
    'with nothing changed, and it copies the pages it may',
    async () => {
      await build(INCREMENTAL); // fills the cache
      const log = await buildBothAndCompare();
      expect(restored(log)).toBeGreaterThan(10);
      const { shards, reused } = searchShards(log);
      expect(shards).toBeGreaterThan(2);
      expect(reused).toBe(shards);
    },
    STEP_TIMEOUT,
  );

  it(
    "after one article's title and another's body are edited (their pages, the lists showing them, their neighbours' feet)",
    async () => {
      const articles = await published();
      const [, retitled] = articles;
      const rewritten = articles[articles.length - 1]!;
      await cms.payload.update({
        collection: 'articles',
        id: retitled!.id,
        data: { title: `${retitled!.title} (đã sửa tiêu đề)` },
      });
      const body = structuredClone(rewritten.body) as { root: { children: unknown[] } };
      body.root.children.push({
        type: 'paragraph',
        version: 1,
        children: [{ type: 'text', version: 1, text: 'Đoạn mới thêm vào cuối bài.' }],
      });
      await cms.payload.update({ collection: 'articles', id: rewritten.id, data: { body: body as Article['body'] } });
      const log = await buildBothAndCompare();
      expect(await page(INCREMENTAL, `bai-viet/${retitled!.slug}`)).toContain('(đã sửa tiêu đề)');
      expect(await page(INCREMENTAL, `bai-viet/${rewritten.slug}`)).toContain('Đoạn mới thêm vào cuối bài.');
      expect(restored(log)).toBeGreaterThan(10);
      // Two pages changed their text (and their neighbours' feet are outside the indexed body).
      const { shards, reused } = searchShards(log);
      expect(reused).toBeGreaterThan(0);
      expect(reused).toBeLessThan(shards);
    },
    STEP_TIMEOUT,
  );

  it(
    'after an article is published, one is unpublished and one deleted',
    async () => {
      const fresh = await createDoc(cms.payload, 'articles', {
        by: staff.editor,
        status: 'published',
        title: 'Bài mới đăng hôm nay',
      });
      const articles = await published();
      const [toUnpublish, toDelete] = articles.filter((a) => a.id !== fresh.id).slice(2, 4);
      await cms.payload.update({ collection: 'articles', id: toUnpublish!.id, data: { _status: 'draft' } });
      await cms.payload.delete({ collection: 'articles', id: toDelete!.id });
      await buildBothAndCompare();
      expect(await page(INCREMENTAL, `bai-viet/${fresh.slug}`)).toContain('Bài mới đăng hôm nay');
      expect(await page(INCREMENTAL, `bai-viet/${toUnpublish!.slug}`)).toBeUndefined();
      expect(await page(INCREMENTAL, `bai-viet/${toDelete!.slug}`)).toBeUndefined();
    },
    STEP_TIMEOUT,
  );

  it(
    'after an article scheduled for later becomes due',
    async () => {
      const due = new Date(Date.now() + 30_000);
      const scheduled = await createDoc(cms.payload, 'articles', {
        by: staff.editor,
        status: 'published',
        publishedAt: due,
        title: 'Bài hẹn giờ đăng',
      });
      await build(INCREMENTAL);
      expect(await page(INCREMENTAL, `bai-viet/${scheduled.slug}`)).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due.getTime() + 1000 - Date.now())));
      await buildBothAndCompare();
      expect(await page(INCREMENTAL, `bai-viet/${scheduled.slug}`)).toContain('Bài hẹn giờ đăng');
    },
    STEP_TIMEOUT,
  );

  it(
    "after an article's cover is changed and a topic renamed",
    async () => {
      const articles = await published();
      const withCover = articles.filter((a) => a.cover != null);
      const target = articles.find((a) => a.cover == null) ?? withCover[0]!;
      const other = withCover.find((a) => String(a.cover) !== String(target.cover))!;
      await cms.payload.update({ collection: 'articles', id: target.id, data: { cover: other.cover } });
      // A topic the site shows (an article of it is published).
      const topic = articles.find((a) => a.topics?.length)!.topics![0]!;
      const renamed = await cms.payload.update({
        collection: 'topics',
        id: typeof topic === 'object' ? topic.id : topic,
        data: { title: 'Chủ đề đã đổi tên' },
      });
      await buildBothAndCompare();
      expect(await page(INCREMENTAL, `chu-de/${renamed.slug}`)).toContain('Chủ đề đã đổi tên');
    },
    STEP_TIMEOUT,
  );

  it(
    "after the school's column settings change (on every page)",
    async () => {
      await setSchoolSettings(cms.payload, {
        name: 'Trường THCS Đổi Tên',
        columnTitle: 'Bình đẳng giới và phát triển',
      });
      await buildBothAndCompare();
      expect(await page(INCREMENTAL, 'tro-giup')).toContain('Trường THCS Đổi Tên');
    },
    STEP_TIMEOUT,
  );

  it(
    "after one of the site's own MDX pages is edited",
    async () => {
      const [file] = (await readdir(PAGES)).filter((f) => f.endsWith('.mdx'));
      await appendFile(path.join(PAGES, file!), '\n\nMột câu mới ở cuối trang.\n');
      await buildBothAndCompare();
      expect(await page(INCREMENTAL, file!.replace(/\.mdx$/, ''))).toContain('Một câu mới ở cuối trang.');
    },
    STEP_TIMEOUT,
  );
});
