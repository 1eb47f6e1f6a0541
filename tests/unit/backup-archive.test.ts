import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

import * as tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  ArchiveError,
  canonicalJson,
  type ManifestBody,
  readArchive,
  writeArchive,
} from '../../src/cms/backup/archive';

const body: ManifestBody = {
  createdAt: '2026-11-25T08:00:00.000Z',
  source: { database: 'sqlite', idType: 'number', payloadVersion: '3.90.2' },
  collections: { articles: { docs: 1, versions: 0 } },
  globals: [],
  files: { media: 1 },
  warnings: [],
};

let dir = '';
let good = '';
const photo = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ge-archive-'));
  await writeFile(path.join(dir, 'anh.webp'), photo);
  good = path.join(dir, 'good.tar.gz');
  await writeArchive(
    good,
    [
      { path: 'collections/articles.json', json: [{ id: 1, title: 'Bữa cơm gia đình' }] },
      { path: 'files/media/anh.webp', file: path.join(dir, 'anh.webp') },
    ],
    body,
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const staging = () => path.join(dir, `staging-${Math.random().toString(16).slice(2)}`);

async function refused(file: string): Promise<string> {
  const target = staging();
  const error = await readArchive(file, target).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArchiveError);
  expect(existsSync(target), 'staging folder removed').toBe(false);
  return (error as Error).message;
}

/** Rewrites an archive entry by entry, letting `change` alter or drop entries. */
async function repack(
  from: string,
  to: string,
  change: (name: string, bytes: Buffer) => Buffer | null,
  extra?: { name: string; bytes: Buffer },
) {
  const pack = tar.pack();
  const out = pipeline(pack, createGzip(), createWriteStream(to));
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c) => chunks.push(c as Buffer));
    stream.on('end', () => {
      const bytes = change(header.name, Buffer.concat(chunks));
      if (extra && header.name === 'manifest.json')
        pack.entry({ name: extra.name, size: extra.bytes.length }, extra.bytes);
      if (bytes) pack.entry({ name: header.name, size: bytes.length }, bytes, () => next());
      else next();
    });
  });
  await pipeline(createReadStream(from), createGunzip(), extract);
  pack.finalize();
  await out;
}

describe('backup archive', () => {
  it('reads back what it wrote: JSON parsed, files byte for byte, manifest checked', async () => {
    const target = staging();
    const archive = await readArchive(good, target);
    expect(archive.json.get('collections/articles.json')).toEqual([{ id: 1, title: 'Bữa cơm gia đình' }]);
    expect(await readFile(archive.files.get('files/media/anh.webp')!)).toEqual(photo);
    expect(archive.manifest.entries.map((e) => e.path)).toEqual(['collections/articles.json', 'files/media/anh.webp']);
    await rm(target, { recursive: true });
  });

  it('is readable by its owner only (it holds password hashes)', async () => {
    expect((await stat(good)).mode & 0o777).toBe(0o600);
  });

  it('writes canonical JSON: key order does not change the bytes', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it('refuses a truncated archive (cut in the middle, or before the manifest)', async () => {
    const half = path.join(dir, 'half.tar.gz');
    await writeFile(half, (await readFile(good)).subarray(0, Math.floor((await stat(good)).size / 2)));
    expect(await refused(half)).toMatch(/cắt cụt/);

    const noManifest = path.join(dir, 'no-manifest.tar.gz');
    await repack(good, noManifest, (name, bytes) => (name === 'manifest.json' ? null : bytes));
    expect(await refused(noManifest)).toMatch(/thiếu mục lục/);
  });

  it('refuses an archive with one byte changed (gzip check or SHA-256)', async () => {
    const bytes = await readFile(good);
    const flipped = path.join(dir, 'flipped.tar.gz');
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(flipped, bytes);
    expect(await refused(flipped)).toMatch(/hỏng|không khớp|cắt cụt/);
  });

  it('refuses content changed inside a well-formed archive (checksum mismatch)', async () => {
    const edited = path.join(dir, 'edited.tar.gz');
    await repack(good, edited, (name, bytes) =>
      name === 'collections/articles.json' ? Buffer.from(bytes.toString().replace('Bữa', 'Bua')) : bytes,
    );
    expect(await refused(edited)).toMatch(/collections\/articles\.json không khớp mã kiểm tra/);
  });

  it('refuses entries the manifest does not list, and unsafe file names', async () => {
    const extra = path.join(dir, 'extra.tar.gz');
    await repack(good, extra, (_name, bytes) => bytes, { name: 'collections/users.json', bytes: Buffer.from('[]') });
    expect(await refused(extra)).toMatch(/collections\/users\.json không có trong mục lục/);
    const pack = tar.pack();
    const out = path.join(dir, 'slip.tar.gz');
    const done = pipeline(pack, createGzip(), createWriteStream(out));
    pack.entry({ name: 'files/media/../../etc/evil' }, 'x');
    pack.finalize();
    await done;
    expect(await refused(out)).toMatch(/không an toàn/);
  });

  it('refuses a file that is not a backup at all, and a missing file', async () => {
    const text = path.join(dir, 'note.txt');
    await writeFile(text, 'không phải bản sao lưu');
    expect(await refused(text)).toMatch(/hỏng/);
    expect(await refused(path.join(dir, 'missing.tar.gz'))).toMatch(/không tìm thấy/);
  });

  it('leaves no file behind when writing fails', async () => {
    const out = path.join(dir, 'failed.tar.gz');
    await expect(
      writeArchive(out, [{ path: 'files/media/x.webp', file: path.join(dir, 'nope.webp') }], body),
    ).rejects.toThrow();
    expect(existsSync(out) || existsSync(`${out}.partial`)).toBe(false);
  });

  it('a truncated file: even one byte short is refused', async () => {
    const short = path.join(dir, 'short.tar.gz');
    await writeFile(short, await readFile(good));
    await truncate(short, (await stat(good)).size - 1);
    await refused(short);
  });
});
