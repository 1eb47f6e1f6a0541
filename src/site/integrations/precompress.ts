/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of
 * the built site, so the bundled server (scripts/serve-site.ts, through sirv)
 * sends readers compressed bytes without compressing on every request:
 * parents pay for every byte on mobile data. Runs last, after Pagefind has
 * written its files. Pagefind's own index chunks are compressed already.
 *
 * Compressed copies are kept in Astro's cache folder by the original's
 * SHA-256, so a rebuild compresses only the files that changed (brotli and
 * gzip give the same bytes for the same input and settings: a copy from the
 * cache is what compressing again would write). Entries no build used are
 * dropped at the end, so the cache holds one site's worth. A cached copy is
 * hard-linked into the site rather than copied (at 10,000 pages, copying took
 * most of a rebuild's precompress step): an entry is written once, under a
 * temporary name renamed into place, and never written again, so no build
 * changes a file a published site links to.
 */
import { createHash, randomUUID } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

import type { AstroIntegration } from 'astro';

const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.xml',
  '.svg',
  '.txt',
  '.csv',
  '.ics',
  '.wasm',
  '.webmanifest',
]);
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 1024;
/**
 * Brotli quality, measured on this site's pages (4–9 KB): 6 takes ~1 ms a
 * page and gives files ~10 % larger than 11, which takes 7–34 ms (minutes on
 * a 10,000-page build). The few shared assets (CSS, scripts, WebAssembly),
 * cached for a year and fetched by every reader, get 11.
 */
const SHARED_ASSETS = new Set(['.css', '.js', '.mjs', '.wasm', '.svg']);
const brotliOptions = (file: string, size: number) => ({
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: SHARED_ASSETS.has(path.extname(file)) ? 11 : 6,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
  },
});
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** A new file (a new inode) at `file`: an older one there, which a site may link to, is replaced, never rewritten. */
async function writeOnce(file: string, data: Buffer | string) {
  const temporary = `${file}.${randomUUID()}.tmp`; // two files of one build may share an entry
  await writeFile(temporary, data);
  await rename(temporary, file);
}

/** The cached copy into the site: a hard link, or a copy where the two folders cannot share one (another file system). */
async function linkOrCopy(from: string, to: string) {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // not worth compressing: no copy
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
    await copyFile(from, to);
  }
}

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && COMPRESSIBLE.has(path.extname(entry.name))) yield full;
  }
}

/** Content-addressed copies: `<key>.br` / `<key>.gz` where they pay, and `<key>.done` once both are settled. */
class CompressionCache {
  readonly used = new Set<string>();
  constructor(readonly dir: string | undefined) {}

  async reuse(key: string, file: string): Promise<boolean> {
    if (!this.dir) return false;
    this.used.add(key);
    const entry = path.join(this.dir, key);
    try {
      await readFile(`${entry}.done`);
    } catch {
      return false;
    }
    await Promise.all(['br', 'gz'].map((ext) => linkOrCopy(`${entry}.${ext}`, `${file}.${ext}`)));
    return true;
  }

  async keep(key: string, copies: { br?: Buffer; gz?: Buffer }) {
    if (!this.dir) return;
    const entry = path.join(this.dir, key);
    if (copies.br) await writeOnce(`${entry}.br`, copies.br);
    if (copies.gz) await writeOnce(`${entry}.gz`, copies.gz);
    await writeOnce(`${entry}.done`, '');
  }

  /** Drops the entries this build did not use (deleted or changed files). */
  async prune() {
    if (!this.dir) return;
    for (const name of await readdir(this.dir)) {
      if (!this.used.has(name.slice(0, name.lastIndexOf('.')))) await rm(path.join(this.dir, name), { force: true });
    }
  }
}

async function compressOne(file: string, cache: CompressionCache): Promise<'small' | 'reused' | 'compressed'> {
  const original = await readFile(file);
  if (original.length < MIN_BYTES) return 'small';
  const options = brotliOptions(file, original.length);
  const key = `${createHash('sha256').update(original).digest('hex')}-q${options.params[zlib.constants.BROTLI_PARAM_QUALITY]}`;
  if (await cache.reuse(key, file)) return 'reused';
  const [br, gz] = await Promise.all([brotli(original, options), gzip(original, { level: 9 })]);
  // Only where it pays (an already dense file stays as it is).
  const copies = {
    br: br.length < original.length * 0.9 ? br : undefined,
    gz: gz.length < original.length * 0.9 ? gz : undefined,
  };
  if (copies.br) await writeFile(`${file}.br`, copies.br);
  if (copies.gz) await writeFile(`${file}.gz`, copies.gz);
  await cache.keep(key, copies);
  return 'compressed';
}

/**
 * One build's compression of the site in `dir`, a few files at a time (zlib
 * runs in libuv's thread pool), reusing what `cacheDir` holds from earlier
 * builds. `compress()` may run more than once: each run takes the files no
 * run has taken yet. `finish()` prunes the cache to what this build used.
 */
export class Precompressor {
  readonly counts = { compressed: 0, reused: 0 };
  readonly #cache: CompressionCache;
  readonly #taken = new Set<string>();

  constructor(
    readonly dir: string,
    readonly options: { concurrency?: number; cacheDir?: string } = {},
  ) {
    this.#cache = new CompressionCache(options.cacheDir);
  }

  /** `skip`: files to leave for a later run (path relative to the folder, with `/`). */
  async compress(skip?: (relative: string) => boolean) {
    if (this.options.cacheDir) await mkdir(this.options.cacheDir, { recursive: true });
    const queue = files(this.dir);
    const worker = async () => {
      for (let next = await queue.next(); !next.done; next = await queue.next()) {
        const file = next.value;
        if (this.#taken.has(file) || skip?.(path.relative(this.dir, file).split(path.sep).join('/'))) continue;
        this.#taken.add(file);
        const outcome = await compressOne(file, this.#cache);
        if (outcome !== 'small') this.counts[outcome] += 1;
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency ?? 4 }, worker));
  }

  async finish() {
    await this.#cache.prune();
    return this.counts;
  }
}

/** Compresses every text file under `dir` (see Precompressor). */
export async function precompressDir(dir: string, options: { concurrency?: number; cacheDir?: string } = {}) {
  const compressor = new Precompressor(dir, options);
  await compressor.compress();
  return compressor.finish();
}

/**
 * Two integrations around those that write at the end of the build (Pagefind,
 * the coverage check, the headers files). `start` compresses the pages while
 * Pagefind indexes them: Pagefind writes its files on one core, compression
 * takes the other (at 10,000 articles, the 7 s of compression then hide behind
 * Pagefind's 13 s of writing). `finish`, last, compresses what they added
 * (Pagefind's folder, which `start` leaves alone while it is being written) and
 * waits for the rest. None of them changes a file `start` takes: they only add.
 */
export function precompress(): { start: AstroIntegration; finish: AstroIntegration } {
  let cacheDir: string | undefined;
  let compressor: Precompressor | undefined;
  let pages: Promise<void> | undefined;
  let started = 0;
  return {
    start: {
      name: 'precompress',
      hooks: {
        'astro:config:done': ({ config }) => {
          cacheDir = fileURLToPath(new URL('precompressed/', config.cacheDir));
        },
        'astro:build:done': ({ dir }) => {
          started = Date.now();
          compressor = new Precompressor(fileURLToPath(dir), { cacheDir });
          pages = compressor.compress((file) => file.startsWith('pagefind/'));
          pages.catch(() => {}); // awaited (and thrown) by `finish`
        },
      },
    },
    finish: {
      name: 'precompress-finish',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          if (!compressor) return;
          const othersDone = Date.now();
          await pages;
          await compressor.compress();
          const { compressed, reused } = await compressor.finish();
          logger.info(
            `${compressed + reused} files precompressed (brotli + gzip), ${reused} of them unchanged since the last build, in ${Date.now() - started} ms (${Date.now() - othersDone} ms after the other integrations)`,
          );
        },
      },
    },
  };
}
