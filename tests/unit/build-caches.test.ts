/**
 * What lets a rebuild reuse the previous build's work without changing its
 * output: versioned file addresses (Astro's image cache) and the compression
 * cache (src/site/integrations/precompress.ts).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import { afterEach, describe, expect, it } from 'vitest';

import { IMMUTABLE, cacheVersionedFiles } from '../../src/cms/uploads/versioned-files';
import { fileVersion, versionedFileUrl } from '../../src/domain/file-version';
import { precompressDir } from '../../src/site/integrations/precompress';

describe('versioned file addresses', () => {
  it('change when the upload document changes, and only then', () => {
    const a = versionedFileUrl('http://cms/api/media/file/anh.webp', '2026-03-08T01:00:00.000Z');
    expect(a).toBe(`http://cms/api/media/file/anh.webp?v=${fileVersion('2026-03-08T01:00:00.000Z')}`);
    expect(versionedFileUrl('http://cms/api/media/file/anh.webp', '2026-03-08T01:00:00.000Z')).toBe(a);
    expect(versionedFileUrl('http://cms/api/media/file/anh.webp', '2026-03-08T01:00:00.001Z')).not.toBe(a);
    expect(versionedFileUrl('http://cms/x?a=1', '2026-03-08T01:00:00.000Z')).toMatch(/\?a=1&v=/);
    expect(() => fileVersion('hôm qua')).toThrow(RangeError);
  });

  const served = (status = 200) =>
    cacheVersionedFiles(async (_request: Request, _context: never) => new Response('bytes', { status }));
  const get = (url: string, headers: Record<string, string> = {}) =>
    served()(new Request(url, { headers }), undefined as never);

  it('are cached for a year when an anonymous reader asks for a versioned file', async () => {
    expect((await get('http://cms/api/media/file/anh.webp?v=abc')).headers.get('cache-control')).toBe(IMMUTABLE);
    expect((await get('http://cms/api/documents/file/phieu.pdf?v=abc')).headers.get('cache-control')).toBe(IMMUTABLE);
    expect(await (await get('http://cms/api/media/file/anh.webp?v=abc')).text()).toBe('bytes');
    // The admin's language cookie (every request through Next carries it) is no session.
    const withLanguage = await get('http://cms/api/media/file/anh.webp?v=abc', { cookie: 'payload-lng=vi' });
    expect(withLanguage.headers.get('cache-control')).toBe(IMMUTABLE);
  });

  it('are not marked so without a version, for a signed-in editor, for errors or other routes', async () => {
    expect((await get('http://cms/api/media/file/anh.webp')).headers.get('cache-control')).toBeNull();
    const signedIn = await get('http://cms/api/media/file/anh.webp?v=abc', {
      cookie: 'payload-lng=vi; payload-token=x',
    });
    expect(signedIn.headers.get('cache-control')).toBeNull();
    const bearer = await get('http://cms/api/media/file/anh.webp?v=abc', { authorization: 'JWT x' });
    expect(bearer.headers.get('cache-control')).toBeNull();
    const missing = await served(404)(new Request('http://cms/api/media/file/x.webp?v=1'), undefined as never);
    expect(missing.headers.get('cache-control')).toBeNull();
    expect((await get('http://cms/api/articles?v=abc')).headers.get('cache-control')).toBeNull();
  });
});

describe('precompressDir with a cache', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const page = (n: number) => `<!doctype html><p>${'Bình đẳng giới trong gia đình. '.repeat(60)} ${n}</p>`;

  async function site(root: string, pages: Record<string, string>) {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    for (const [name, html] of Object.entries(pages)) await writeFile(path.join(root, name), html);
    return root;
  }

  it('writes the same copies from the cache as compressing afresh, and compresses only what changed', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'precompress-'));
    const cacheDir = path.join(dir, 'cache');
    const first = await site(path.join(dir, 'a'), { 'a.html': page(1), 'b.html': page(2), 'tiny.html': '<p>x</p>' });
    expect(await precompressDir(first, { cacheDir })).toEqual({ compressed: 2, reused: 0 });

    const second = await site(path.join(dir, 'b'), { 'a.html': page(1), 'b.html': page(3), 'tiny.html': '<p>x</p>' });
    expect(await precompressDir(second, { cacheDir })).toEqual({ compressed: 1, reused: 1 });
    const fresh = await site(path.join(dir, 'c'), { 'a.html': page(1), 'b.html': page(3), 'tiny.html': '<p>x</p>' });
    expect(await precompressDir(fresh)).toEqual({ compressed: 2, reused: 0 });

    expect((await readdir(second)).sort()).toEqual((await readdir(fresh)).sort());
    for (const name of ['a.html.br', 'a.html.gz', 'b.html.br', 'b.html.gz'])
      expect(await readFile(path.join(second, name)), name).toEqual(await readFile(path.join(fresh, name)));
    expect(zlib.brotliDecompressSync(await readFile(path.join(second, 'a.html.br'))).toString()).toBe(page(1));

    // Page 2 is in no build any more: its entry is gone, the others stay.
    const entries = await readdir(cacheDir);
    expect(entries).toHaveLength(2 * 3);
    expect(await precompressDir(await site(path.join(dir, 'd'), { 'b.html': page(3) }), { cacheDir })).toEqual({
      compressed: 0,
      reused: 1,
    });
    expect(await readdir(cacheDir)).toHaveLength(3);
  });

  it('does not trust an entry a killed build left unfinished', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'precompress-'));
    const cacheDir = path.join(dir, 'cache');
    await precompressDir(await site(path.join(dir, 'a'), { 'a.html': page(1) }), { cacheDir });
    for (const name of await readdir(cacheDir)) if (name.endsWith('.done')) await rm(path.join(cacheDir, name));
    const again = await site(path.join(dir, 'b'), { 'a.html': page(1) });
    expect(await precompressDir(again, { cacheDir })).toEqual({ compressed: 1, reused: 0 });
  });

  it('links a cached copy into the site, and never rewrites a file a built site links to', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'precompress-'));
    const cacheDir = path.join(dir, 'cache');
    // Two pages with the same bytes in one build share one entry.
    await precompressDir(await site(path.join(dir, 'a'), { 'a.html': page(1), 'same.html': page(1) }), { cacheDir });
    const built = await site(path.join(dir, 'b'), { 'a.html': page(1) });
    expect(await precompressDir(built, { cacheDir })).toEqual({ compressed: 0, reused: 1 });
    const [entry] = (await readdir(cacheDir)).filter((n) => n.endsWith('.br'));
    expect((await stat(path.join(built, 'a.html.br'))).ino).toBe((await stat(path.join(cacheDir, entry!))).ino);

    // An entry compressed again (its mark lost) is a new file: the built site keeps its bytes.
    const before = await readFile(path.join(built, 'a.html.br'));
    for (const name of await readdir(cacheDir)) if (name.endsWith('.done')) await rm(path.join(cacheDir, name));
    await precompressDir(await site(path.join(dir, 'c'), { 'a.html': page(1) }), { cacheDir });
    expect(await readFile(path.join(built, 'a.html.br'))).toEqual(before);
    expect((await stat(path.join(built, 'a.html.br'))).ino).not.toBe((await stat(path.join(cacheDir, entry!))).ino);
    expect(zlib.brotliDecompressSync(await readFile(path.join(cacheDir, entry!))).toString()).toBe(page(1));
    expect((await readdir(cacheDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
