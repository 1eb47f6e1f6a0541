import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildSite } from '../../scripts/build-site';
import { clientDir, INCREMENTAL_MANIFEST, siteCacheDir } from '../../scripts/lib/site-dist';

/**
 * `npm run build:site` never leaves a half-built site: when the CMS is down or
 * sends a document the site cannot render, the previous dist/ stays as it was
 * and the message says what is wrong.
 */
const DIST = path.resolve('.astro/test-build-site/dist');
const MARKER = path.join(clientDir(DIST), 'index.html');

let server: Server;
let url = '';
const BAD_FIELDS = {
  id: 41,
  title: 'Bài lỗi',
  slug: 'bai-loi',
  audiences: ['aliens'],
  topics: [],
  updatedAt: '2026-01-01T00:00:00.000Z',
  _status: 'published',
};
const MISSING_COVER = { ...BAD_FIELDS, audiences: [], publishedAt: '2025-01-01T00:00:00.000Z', cover: 999 };
let article: Record<string, unknown> | undefined = BAD_FIELDS;
/** When set, the CMS answers this many more requests and then drops every connection (it went away mid-build). */
let answersLeft: number | undefined;
/** What the real CMS's public settings endpoint answers. */
const PUBLIC_SETTINGS = {
  school: { id: 1, slug: 'truong-thcs-thu-nghiem', name: 'Trường THCS Thử nghiệm', district: '' },
  basePath: '/binh-dang-gioi/',
  origin: null,
  columnTitle: 'Bình đẳng giới',
  policy: { start: '2025-Q1', minPerQuarter: 1, countedCollections: ['articles'] },
};

beforeAll(async () => {
  await rm(path.dirname(DIST), { recursive: true, force: true });
  await mkdir(clientDir(DIST), { recursive: true });
  await writeFile(MARKER, '<p>bản dựng trước</p>');
  // A CMS whose only article has no publication date and an unknown audience.
  server = createServer((req, res) => {
    if (answersLeft !== undefined && answersLeft-- <= 0) {
      req.socket.destroy();
      return;
    }
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/api/schools/policy') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(PUBLIC_SETTINGS));
      return;
    }
    const docs = u.pathname === '/api/articles' && !u.searchParams.has('select[updatedAt]') && article ? [article] : [];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ docs, hasNextPage: false }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.close();
  await rm(path.dirname(DIST), { recursive: true, force: true });
});

describe('build:site', () => {
  it('an unreachable CMS fails clearly and leaves the previous dist/ untouched', async () => {
    const result = await buildSite({ dist: DIST, env: { PAYLOAD_URL: 'http://127.0.0.1:9' }, quiet: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('Không kết nối được CMS tại http://127.0.0.1:9');
    expect(result.message).toContain('Cannot reach the CMS');
    expect(result.failure).toMatchObject({ name: 'CmsUnreachable', details: { baseUrl: 'http://127.0.0.1:9' } });
    expect(await readFile(MARKER, 'utf8')).toBe('<p>bản dựng trước</p>');
  });

  it('a CMS that goes away in the middle of the build fails it clearly; dist/ untouched', async () => {
    article = { ...BAD_FIELDS, audiences: [], publishedAt: '2025-02-01T00:00:00.000Z' };
    answersLeft = 2; // the reachability check and one more, then nothing
    try {
      const result = await buildSite({ dist: DIST, env: { PAYLOAD_URL: url, COVERAGE_STRICT: 'false' }, quiet: true });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toContain('Không kết nối được CMS');
      expect(result.message).toContain('dist/ cũ được giữ nguyên');
      // Known from the child's record of the catalogue error, not from the words in its log.
      expect(result.failure?.name).toBe('CmsUnreachable');
      expect(await readFile(MARKER, 'utf8')).toBe('<p>bản dựng trước</p>');
    } finally {
      answersLeft = undefined;
      article = BAD_FIELDS;
    }
  }, 120_000);

  it('a document the site cannot render fails the build naming collection, document and field; dist/ untouched', async () => {
    const result = await buildSite({ dist: DIST, env: { PAYLOAD_URL: url, COVERAGE_STRICT: 'false' }, quiet: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('bộ sưu tập "articles", tài liệu id 41 (slug "bai-loi")');
    expect(result.message).toContain('"publishedAt"');
    expect(result.message).toContain('"audiences.0"');
    expect(result.failure).toMatchObject({ name: 'CmsInvalidDocument', details: { collection: 'articles', id: '41' } });
    expect(await readFile(MARKER, 'utf8')).toBe('<p>bản dựng trước</p>');
  }, 120_000);

  it('a reference the site cannot resolve (an image that is gone) fails the build the same way', async () => {
    article = MISSING_COVER;
    const result = await buildSite({ dist: DIST, env: { PAYLOAD_URL: url, COVERAGE_STRICT: 'false' }, quiet: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('bộ sưu tập "articles", tài liệu id 41 (slug "bai-loi"), trường "cover"');
    expect(result.message).toContain('media) id 999');
    expect(result.failure).toMatchObject({ name: 'CmsBrokenReference', details: { field: 'cover' } });
    expect(await readFile(MARKER, 'utf8')).toBe('<p>bản dựng trước</p>');
  }, 120_000);

  it("a failed build drops the incremental cache's manifest, so the next build renders every page", async () => {
    // Astro writes it before the build is over; what it lists after a failure is not to be trusted.
    const manifest = path.resolve(siteCacheDir(PUBLIC_SETTINGS.school.slug), INCREMENTAL_MANIFEST);
    await mkdir(path.dirname(manifest), { recursive: true });
    await writeFile(manifest, '{"version":1,"routes":{}}');
    answersLeft = 2; // the CMS goes away once Astro has started
    try {
      const result = await buildSite({ dist: DIST, env: { PAYLOAD_URL: url, COVERAGE_STRICT: 'false' }, quiet: true });
      expect(result.ok).toBe(false);
      expect(existsSync(manifest)).toBe(false);
    } finally {
      answersLeft = undefined;
    }
  }, 120_000);

  it('a good build replaces dist/ and deletes the old site after, also one a killed deletion left', async () => {
    const staging = path.resolve(
      '.astro/site-staging',
      `dist-${createHash('sha1').update(DIST).digest('hex').slice(0, 8)}`,
    );
    const leftover = `${staging}.old-1`;
    await mkdir(path.join(leftover, 'client'), { recursive: true });
    const before = await readFile(MARKER, 'utf8');
    article = undefined; // a column with nothing published yet builds
    try {
      const result = await buildSite({ dist: DIST, env: { PAYLOAD_URL: url, COVERAGE_STRICT: 'false' }, quiet: true });
      expect(result.ok, result.ok ? '' : result.message).toBe(true);
      expect(await readFile(MARKER, 'utf8')).not.toBe(before);
      // Deleted by a detached process: give it a moment.
      const old = async () =>
        (await readdir(path.dirname(staging))).filter((n) => n.startsWith(`${path.basename(staging)}.old-`));
      for (let i = 0; i < 100 && (await old()).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await old()).toEqual([]);
    } finally {
      article = BAD_FIELDS;
    }
  }, 120_000);
});
