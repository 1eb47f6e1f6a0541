/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of
 * the built site, so the bundled server (scripts/serve-site.ts, through sirv)
 * sends readers compressed bytes without compressing on every request:
 * parents pay for every byte on mobile data. Runs last, after Pagefind has
 * written its files. Pagefind's own index chunks are compressed already.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
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

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && COMPRESSIBLE.has(path.extname(entry.name))) yield full;
  }
}

async function compressOne(file: string): Promise<number> {
  const original = await readFile(file);
  if (original.length < MIN_BYTES) return 0;
  const [br, gz] = await Promise.all([
    brotli(original, brotliOptions(file, original.length)),
    gzip(original, { level: 9 }),
  ]);
  // Only where it pays (an already dense file stays as it is).
  if (br.length < original.length * 0.9) await writeFile(`${file}.br`, br);
  if (gz.length < original.length * 0.9) await writeFile(`${file}.gz`, gz);
  return 1;
}

/** Compresses every text file under `dir`, a few at a time (zlib runs in libuv's thread pool). */
export async function precompressDir(dir: string, concurrency = 4): Promise<number> {
  const queue = files(dir);
  let count = 0;
  const worker = async () => {
    for (let next = await queue.next(); !next.done; next = await queue.next()) {
      const compressed = await compressOne(next.value);
      count += compressed; // not `count += await …`: that reads `count` before the await
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count;
}

export function precompress(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const count = await precompressDir(fileURLToPath(dir));
        logger.info(`${count} files precompressed (brotli + gzip) in ${Date.now() - started} ms`);
      },
    },
  };
}
