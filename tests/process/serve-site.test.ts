import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { precompressDir } from '../../src/site/integrations/precompress';
import { SITE_MANIFEST } from '../../scripts/lib/site-dist';
import { freePort } from '../support/ports';
import { ROOT } from './run';

/**
 * The readers' site server (`npm run serve:site`, and what `npm start` runs)
 * as a child process over a small built site: hostile paths, caching,
 * compression, and a swap of the build underneath it.
 */
const BASE = '/binh-dang-gioi/';
const PAGE = `<!doctype html><html lang="vi"><head><title>Bình đẳng giới</title></head><body>${'<p>Bình đẳng giới bắt đầu từ gia đình và nhà trường.</p>'.repeat(80)}</body></html>`;
let dir: string;
let url: string;
let child: ChildProcess;
let log = '';

async function writeSite(target: string, marker: string) {
  const client = path.join(target, 'client');
  await mkdir(path.join(client, 'bai-viet', 'binh-dang'), { recursive: true });
  await mkdir(path.join(client, 'bài-viết'), { recursive: true });
  await mkdir(path.join(client, '_astro'), { recursive: true });
  await writeFile(path.join(client, 'index.html'), PAGE.replace('<body>', `<body><h1>${marker}</h1>`));
  await writeFile(path.join(client, 'bai-viet', 'binh-dang', 'index.html'), PAGE);
  await writeFile(path.join(client, 'bài-viết', 'index.html'), PAGE);
  await writeFile(
    path.join(client, '_astro', 'site.Ab12Cd.css'),
    `body{font-family:sans-serif}${'p{margin:0 0 1rem}'.repeat(100)}`,
  );
  await writeFile(
    path.join(client, '404.html'),
    '<!doctype html><html lang="vi"><title>Không tìm thấy</title><h1>Không tìm thấy trang</h1></html>',
  );
  await writeFile(path.join(client, 'coverage.csv'), 'quý,trạng thái\nQuý I/2026,đạt\n');
  await writeFile(path.join(client, '_headers'), '/binh-dang-gioi/*\n  X-Frame-Options: SAMEORIGIN\n');
  await precompressDir(client);
  // As scripts/build-site.ts leaves it: which school's site this folder is, under which address.
  await writeFile(
    path.join(target, SITE_MANIFEST),
    JSON.stringify({ slug: SLUG, name: 'Trường THCS Thử', basePath: BASE, builtAt: new Date().toISOString() }),
  );
}

/** The sites' root (SITE_DIST) and this school's folder in it. */
const SLUG = 'truong-thcs-thu';
const siteDir = () => path.join(dir, 'dist', SLUG);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ge-serve-'));
  await writeSite(siteDir(), 'Bản dựng một');
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/serve-site.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT_SITE: String(port),
      HOST_SITE: '127.0.0.1',
      SITE_DIST: path.join(dir, 'dist'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`${url}${BASE}`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`serve-site did not start:\n${log}`);
});

afterAll(async () => {
  child?.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
});

/** A request line as bytes, the way a probe sends it (fetch would normalise it). */
function raw(requestLine: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(
      Buffer.concat([
        Buffer.from(requestLine as string, 'latin1'),
        Buffer.from('\r\nHost: x\r\nConnection: close\r\n\r\n'),
      ]),
    );
  });
}

describe('hostile paths', () => {
  const probes = [
    `${BASE}%C3%A9%2f..%2fbai-viet`,
    `${BASE}%E1%BA%BF%2f..%2fbai-viet`, // ế, above U+00FF: writeHead threw and the process ended
    `${BASE}bai-viet%0d%0aSet-Cookie:%20x=1`,
    `${BASE}..%2f..%2f..%2fetc%2fpasswd`,
    `${BASE}%2e%2e/%2e%2e/package.json`,
    `${BASE}bai-viet/%00`,
    `${BASE}%E0%A4%A`,
  ];
  for (const probe of probes) {
    it(`${probe} gets 400, and the next reader is still served`, async () => {
      const answer = await raw(`GET ${probe} HTTP/1.1`);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).not.toMatch(/Set-Cookie: x=1/i);
      expect((await fetch(`${url}${BASE}`)).status).toBe(200);
      expect(child.exitCode).toBeNull();
    });
  }

  it('raw bytes above ASCII in the request line get 400 and the process keeps serving', async () => {
    const answer = await raw(
      Buffer.concat([Buffer.from(`GET ${BASE}`), Buffer.from('ế', 'utf8'), Buffer.from('/ HTTP/1.1')]).toString(
        'latin1',
      ),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 (400|404) /);
    expect((await fetch(`${url}${BASE}`)).status).toBe(200);
    expect(child.exitCode).toBeNull();
  });

  it('a folder asked for without its slash is redirected to a percent-encoded address', async () => {
    const response = await fetch(`${url}${BASE}b%C3%A0i-vi%E1%BA%BFt?trang=2`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${BASE}b%C3%A0i-vi%E1%BA%BFt/?trang=2`);
    expect((await fetch(`${url}${BASE}bai-viet/binh-dang`, { redirect: 'manual' })).headers.get('location')).toBe(
      `${BASE}bai-viet/binh-dang/`,
    );
    expect((await fetch(`${url}${BASE.slice(0, -1)}`, { redirect: 'manual' })).headers.get('location')).toBe(BASE);
  });

  it('unknown addresses get the site 404 page; the host headers file is not served; other methods 405', async () => {
    const missing = await fetch(`${url}${BASE}khong-co/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy trang');
    expect((await fetch(`${url}${BASE}_headers`)).status).toBe(404);
    expect((await fetch(`${url}${BASE}`, { method: 'POST' })).status).toBe(405);
  });
});

describe('caching and compression', () => {
  it('hashed assets are immutable for a year; pages are revalidated with an ETag and 304', async () => {
    const asset = await fetch(`${url}${BASE}_astro/site.Ab12Cd.css`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${url}${BASE}bai-viet/binh-dang/`);
    expect(page.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const etag = page.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${url}${BASE}bai-viet/binh-dang/`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(page.headers.get('x-frame-options'), 'security headers on every answer').toBe('SAMEORIGIN');
  });

  it('sends the brotli or gzip copy to browsers that accept it, the plain file to others, with Vary', async () => {
    const plainText = await (await fetch(`${url}${BASE}`, { headers: { 'accept-encoding': 'identity' } })).text();
    const get = (encoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        // node:http, not fetch: fetch would decompress and hide what was sent.
        import('node:http').then(({ get: httpGet }) =>
          httpGet(`${url}${BASE}`, { headers: { 'accept-encoding': encoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          }).on('error', reject),
        );
      });
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toBe(plainText);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(plainText) / 3);
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(plainText);
    const none = await get('identity');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString()).toBe(plainText);
  });

  it('answers a Range request, and names text types with their charset', async () => {
    const part = await fetch(`${url}${BASE}coverage.csv`, {
      headers: { range: 'bytes=0-2', 'accept-encoding': 'identity' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toMatch(/^bytes 0-2\//);
    const csv = await fetch(`${url}${BASE}coverage.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('Quý I/2026');
  });
});

describe('a new build swapped in', () => {
  it('is served at once, without a restart', async () => {
    expect(await (await fetch(`${url}${BASE}`)).text()).toContain('Bản dựng một');
    const next = path.join(dir, 'next');
    await writeSite(next, 'Bản dựng hai');
    await rename(siteDir(), `${siteDir()}.old`);
    await rename(next, siteDir());
    expect(await (await fetch(`${url}${BASE}`)).text()).toContain('Bản dựng hai');
    expect(child.exitCode).toBeNull();
  });
});
