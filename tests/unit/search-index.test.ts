/**
 * The search index in shards (src/site/integrations/pagefind.ts): what
 * Pagefind is given of a page, and a rebuild that indexes only the shards
 * whose searched text changed, giving the same files a fresh index gives.
 * Runs Pagefind itself on a small generated site.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { indexSite, searchedPart } from '../../src/site/integrations/pagefind';
import { SEARCH_SHARDS_FILE } from '../../src/site/lib/search-shards';

describe('searchedPart', () => {
  it('keeps the marked body, nested elements of its kind included, and drops the frame', () => {
    const html =
      '<!doctype html><html lang="vi"><head><title>Bài | Trường</title></head><body><nav>Trang chủ</nav>' +
      '<article data-pagefind-body class="x"><h1>Bình đẳng</h1><article><p>trong</p></article><p>giới</p></article>' +
      '<section><h2>Bài viết khác</h2></section></body></html>';
    const part = searchedPart(html)!;
    expect(part).toContain(
      '<article data-pagefind-body class="x"><h1>Bình đẳng</h1><article><p>trong</p></article><p>giới</p></article>',
    );
    expect(part).not.toMatch(/Trang chủ|Bài viết khác|<title>/);
    expect(part).toMatch(/^<!doctype html><html lang="vi">/);
  });

  it('gives the same part whatever the frame says, and another when the body changes', () => {
    const page = (frame: string, body: string) =>
      `<html><body><header>${frame}</header><div data-pagefind-body="true"><p>${body}</p></div></body></html>`;
    expect(searchedPart(page('a', 'x'))).toBe(searchedPart(page('b', 'x')));
    expect(searchedPart(page('a', 'x'))).not.toBe(searchedPart(page('a', 'y')));
  });

  it('takes every marked part, and an unclosed one to the end', () => {
    const part = searchedPart('<main data-pagefind-body><p>một</p></main><p>giữa</p><aside data-pagefind-body>hai')!;
    expect(part).toContain('<main data-pagefind-body><p>một</p></main>\n<aside data-pagefind-body>hai');
    expect(part).not.toContain('giữa');
  });

  it('is undefined for a page without a marked body', () => {
    expect(searchedPart('<html><body><h1>404</h1><p>data-pagefind-body</p></body></html>')).toBeUndefined();
  });
});

describe('indexSite in shards', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'search-index-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const article = (n: number, extra = '', frame = '') =>
    `<!doctype html><html lang="vi"><body><p>${frame}</p><article data-pagefind-body><h1>Bài số ${n}</h1>` +
    `<p>Bình đẳng giới trong gia đình, bài thứ ${n}. ${extra}</p></article></body></html>`;

  async function writeSite(dir: string, pages: Map<number, string>) {
    await rm(dir, { recursive: true, force: true });
    for (const [n, html] of pages) {
      await mkdir(path.join(dir, 'bai-viet', `bai-${n}`), { recursive: true });
      await writeFile(path.join(dir, 'bai-viet', `bai-${n}`, 'index.html'), html);
    }
    await writeFile(path.join(dir, '404.html'), '<html><body><h1>Không tìm thấy</h1></body></html>');
  }

  async function hashes(dir: string) {
    const out = new Map<string, string>();
    for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      out.set(
        path.relative(dir, file),
        createHash('sha256')
          .update(await readFile(file))
          .digest('hex'),
      );
    }
    return out;
  }

  it('reuses the shards whose searched text is unchanged, and gives the files a cold index gives', async () => {
    const pages = new Map(Array.from({ length: 24 }, (_, i) => [i, article(i)] as [number, string]));
    const site = path.join(root, 'site');
    const cache = path.join(root, 'cache');
    await writeSite(site, pages);
    const first = await indexSite(site, { cacheDir: cache, pagesPerShard: 6 });
    expect(first).toEqual({ pages: 24, shards: 4, reused: 0 });
    const { merge } = JSON.parse(await readFile(path.join(site, 'pagefind', SEARCH_SHARDS_FILE), 'utf8'));
    expect(merge).toEqual(['shard-1/', 'shard-2/', 'shard-3/']);
    // A merged shard holds its index only; the engine is shard 0's.
    const shard1 = await readdir(path.join(site, 'pagefind', 'shard-1'));
    expect(shard1).toContain('pagefind-entry.json');
    expect(shard1.some((f) => f.endsWith('.js') || f.startsWith('wasm.'))).toBe(false);
    expect(await readdir(path.join(site, 'pagefind'))).toEqual(
      expect.arrayContaining(['pagefind.js', 'pagefind-ui.js']),
    );

    // Only the frame of every page changes, and one page's text: one shard is indexed again.
    for (const n of pages.keys()) pages.set(n, article(n, '', 'Bài viết khác: bài mới'));
    pages.set(5, article(5, 'Đoạn mới thêm vào.'));
    await writeSite(site, pages);
    const second = await indexSite(site, { cacheDir: cache, pagesPerShard: 6 });
    expect(second).toEqual({ pages: 24, shards: 4, reused: 3 });
    expect((await readdir(cache)).length).toBe(4); // the replaced entry pruned

    const cold = path.join(root, 'cold');
    await writeSite(cold, pages);
    await indexSite(cold, { cacheDir: path.join(root, 'cold-cache'), pagesPerShard: 6 });
    expect(await hashes(path.join(site, 'pagefind'))).toEqual(await hashes(path.join(cold, 'pagefind')));

    // Linked, not copied: the site's files are the cache's.
    const entry = path.join(site, 'pagefind', 'pagefind-entry.json');
    expect((await stat(entry)).nlink).toBeGreaterThan(1);
  }, 60_000);

  it('keeps one index, laid out as Pagefind writes it, for a site within one shard', async () => {
    const site = path.join(root, 'site');
    await writeSite(
      site,
      new Map([
        [1, article(1)],
        [2, article(2)],
      ]),
    );
    expect(await indexSite(site, { cacheDir: path.join(root, 'cache'), pagesPerShard: 1500 })).toEqual({
      pages: 2,
      shards: 1,
      reused: 0,
    });
    const files = await readdir(path.join(site, 'pagefind'));
    expect(files.some((f) => f.startsWith('shard-'))).toBe(false);
    expect(JSON.parse(await readFile(path.join(site, 'pagefind', SEARCH_SHARDS_FILE), 'utf8'))).toEqual({ merge: [] });
  }, 60_000);

  it('drops what a stopped build left in the cache', async () => {
    const site = path.join(root, 'site');
    const cache = path.join(root, 'cache');
    await writeSite(site, new Map([[1, article(1)]]));
    await mkdir(cache, { recursive: true });
    await mkdir(path.join(cache, 'abc.1234.tmp')); // what a build stopped mid-write leaves
    await indexSite(site, { cacheDir: cache, pagesPerShard: 10 });
    const entries = await readdir(cache);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);
});
