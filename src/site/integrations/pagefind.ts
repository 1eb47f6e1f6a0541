/**
 * The Pagefind index (Vietnamese) of the built pages, at the end of
 * `astro build`, in shards (src/site/lib/search-shards.ts says why and how
 * pages are split). A shard's index is kept in Astro's cache folder under the
 * digest of what Pagefind reads of its pages (`searchedPart`), so a rebuild
 * indexes only the shards whose searched text changed and hard-links the
 * others into the site. A cached entry is written
 * once, in a temporary folder renamed into place, and never changed, so no
 * build changes a file a published site links to (as for precompress.ts).
 *
 * Pagefind orders a shard's pages as they are added, and that order is in its
 * files: pages go in by path, one after another, so the same pages always give
 * the same bytes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

import {
  SEARCH_SHARDS_FILE,
  type SearchShards,
  searchShardCount,
  searchShardFolder,
  searchShardOf,
} from '../lib/search-shards';

const LANGUAGE = 'vi';
/** The opening tag of a part of the page Pagefind indexes (its rule: when some page marks its body, only those pages are). */
const BODY = /<([a-z][a-z0-9]*)\s[^>]*\bdata-pagefind-body[\s=>]/g;
/** What a merged shard needs; the engine (scripts, styles, WebAssembly) comes from shard 0. */
const SHARD_FILES = (name: string) => name === 'pagefind-entry.json' || name.endsWith('.pf_meta');
const SHARD_FOLDERS = new Set(['index', 'fragment', 'filter']);
/** Two shards are indexed at a time: one a core, and the Pagefind process holds only what it is writing. */
const CONCURRENCY = 2;

/** A page by its path in the site (with `/`) and the SHA-256 of what Pagefind reads of it (`searchedPart`). */
type Page = { path: string; digest: string };

/**
 * What Pagefind is given of a page: its marked body (title, text, cover) in a
 * bare document, without the frame around it. That is all Pagefind indexes of
 * it, so a page whose frame alone changed (a neighbour's title in "Bài viết
 * khác", a list beside it) keeps its shard, and the digest is of exactly what
 * goes in. `undefined`: not an indexed page.
 */
export function searchedPart(html: string): string | undefined {
  const parts: string[] = [];
  let consumed = 0;
  for (const open of html.matchAll(BODY)) {
    if (open.index < consumed) continue; // a marked element inside one already taken
    const tag = open[1]!;
    const nested = new RegExp(`<(/?)${tag}[\\s>]`, 'g');
    nested.lastIndex = open.index + open[0].length;
    let depth = 1;
    consumed = html.length; // unclosed: to the end, as a browser would read it
    for (let m = nested.exec(html); m; m = nested.exec(html)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) {
        consumed = html.indexOf('>', m.index) + 1;
        break;
      }
    }
    parts.push(html.slice(open.index, consumed));
  }
  if (!parts.length) return undefined;
  return `<!doctype html><html lang="${LANGUAGE}"><head><meta charset="utf-8"></head><body>${parts.join('\n')}</body></html>`;
}

/** Part of every shard's key: another Pagefind may write other files for the same pages. */
async function pagefindVersion(): Promise<string> {
  const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}

/** `work` on each item, `concurrency` at a time. */
async function inTurns<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** The site's pages Pagefind would index, by path. */
async function indexedPages(site: string): Promise<Page[]> {
  const files = (await readdir(site, { withFileTypes: true, recursive: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  const pages: Page[] = [];
  await inTurns(files, 8, async (file) => {
    const searched = searchedPart(await readFile(path.join(site, file), 'utf8'));
    if (searched) pages.push({ path: file, digest: createHash('sha256').update(searched).digest('hex') });
  });
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A hard link, or a copy where the two folders cannot share one (another file system). */
async function linkOrCopy(from: string, to: string) {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
    await copyFile(from, to);
  }
}

/** Links a cached shard into the site; a merged shard takes only its index files. */
async function linkShard(entry: string, to: string, whole: boolean) {
  await mkdir(to, { recursive: true });
  for (const item of await readdir(entry, { withFileTypes: true })) {
    const from = path.join(entry, item.name);
    if (item.isDirectory()) {
      if (!whole && !SHARD_FOLDERS.has(item.name)) continue;
      await mkdir(path.join(to, item.name), { recursive: true });
      for (const file of await readdir(from)) await linkOrCopy(path.join(from, file), path.join(to, item.name, file));
    } else if (whole || SHARD_FILES(item.name)) await linkOrCopy(from, path.join(to, item.name));
  }
}

async function writeIndex(site: string, pages: Page[], outputPath: string) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    for (const page of pages) {
      const content = searchedPart(await readFile(path.join(site, page.path), 'utf8'))!;
      const added = await index.addHTMLFile({ sourcePath: page.path, content });
      if (added.errors.length) throw new Error(`Pagefind (${page.path}): ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
}

/** Shards' indexes by the digest of their pages: `<key>/` once complete; anything else is a build that stopped. */
class ShardCache {
  readonly #used = new Set<string>();
  constructor(
    readonly dir: string,
    readonly site: string,
  ) {}

  /** The entry for these pages, indexed now unless an earlier build left it. */
  async entry(key: string, pages: Page[]): Promise<{ dir: string; reused: boolean }> {
    this.#used.add(key);
    const dir = path.join(this.dir, key);
    if (
      await stat(dir).then(
        (s) => s.isDirectory(),
        () => false,
      )
    )
      return { dir, reused: true };
    const temporary = path.join(this.dir, `${key}.${randomUUID()}.tmp`);
    await writeIndex(this.site, pages, temporary);
    await rename(temporary, dir).catch(async (error: NodeJS.ErrnoException) => {
      // Another build of this school cannot run at once (scripts/build-site.ts); a leftover entry is as good.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      await rm(temporary, { recursive: true, force: true });
    });
    return { dir, reused: false };
  }

  /** Drops the entries this build did not use, and what a stopped build left. */
  async prune() {
    for (const name of await readdir(this.dir)) {
      if (!this.#used.has(name)) await rm(path.join(this.dir, name), { recursive: true, force: true });
    }
  }
}

/** Indexes the site in `site` into `site/pagefind/`, reusing the shards `cacheDir` holds. */
export async function indexSite(site: string, options: { cacheDir: string; pagesPerShard: number }) {
  const [pages, version] = await Promise.all([indexedPages(site), pagefindVersion()]);
  const count = searchShardCount(pages.length, options.pagesPerShard);
  const shards: Page[][] = Array.from({ length: count }, () => []);
  for (const page of pages) shards[searchShardOf(page.path, count)]!.push(page);

  await mkdir(options.cacheDir, { recursive: true });
  const cache = new ShardCache(options.cacheDir, site);
  const output = path.join(site, 'pagefind');
  const merge: string[] = [];
  let reused = 0;
  try {
    await inTurns(shards, CONCURRENCY, async (shardPages, shard) => {
      // An empty shard (a small site split finely) is left out, but for shard 0, which carries the engine.
      if (shard > 0 && shardPages.length === 0) return;
      const key = createHash('sha256')
        .update(`pagefind ${version} ${LANGUAGE}\n`)
        .update(shardPages.map((p) => `${p.path} ${p.digest}\n`).join(''))
        .digest('hex');
      const entry = await cache.entry(key, shardPages);
      if (entry.reused) reused += 1;
      await linkShard(entry.dir, path.join(output, searchShardFolder(shard)), shard === 0);
      if (shard > 0) merge.push(searchShardFolder(shard));
    });
  } finally {
    await pagefind.close();
  }
  const listed: SearchShards = { merge: merge.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })) };
  await writeFile(path.join(output, SEARCH_SHARDS_FILE), `${JSON.stringify(listed)}\n`);
  await cache.prune();
  return { pages: pages.length, shards: merge.length + 1, reused };
}

export function pagefindIntegration(options: { pagesPerShard: number }): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'site-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('pagefind/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const done = await indexSite(fileURLToPath(dir), { cacheDir, pagesPerShard: options.pagesPerShard });
        logger.info(
          `Pagefind: ${done.pages} trang được lập chỉ mục trong ${Date.now() - started} ms ` +
            `(${done.shards} phần chỉ mục, ${done.reused} phần dùng lại từ lần dựng trước)`,
        );
      },
    },
  };
}
