import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SQLITE_BUSY_TIMEOUT_MS } from '../../src/cms/database';
import { ROOT } from '../process/run';
import { backend, backendLabel, useCmsWithStaff } from '../support/cms';
import { restCall, restLogin } from '../support/rest';

/**
 * Faults of the embedded database file, through the REST handler the admin
 * uses: the file locked by another process, and the file read-only. MongoDB
 * has no file; its fault (server unreachable) is tested in
 * tests/process/mongodb-unreachable.test.ts.
 */
const ctx = useCmsWithStaff();
const runs = backend === 'sqlite';
if (!runs)
  console.warn(
    `\n!!! SKIPPED (database file faults) on ${backendLabel[backend]}: these faults are of the SQLite file only.\n`,
  );

let token = '';
let dbFile = '';

const rest = (method: string, url: string, body?: unknown) => restCall(ctx.cms.config, method, url, { token, body });

async function imageForm(name: string): Promise<FormData> {
  const image = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c0392b' } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), name);
  form.append('_payload', JSON.stringify({ alt: 'Ảnh thử khi lỗi lưu trữ' }));
  return form;
}

const articleCount = async () => (await ctx.cms.payload.count({ collection: 'articles' })).totalDocs;

beforeAll(async () => {
  if (!runs) return;
  dbFile = process.env.DATABASE_URI!.replace(/^file:/, '');
  token = await restLogin(ctx.cms.config, String(ctx.staff.editor.email), 'mat-khau-thu-nghiem-1');
});

/** Another process takes the file's write lock for `ms`; resolves once it holds it. */
function lockFromAnotherProcess(ms: number): Promise<{ released: Promise<void> }> {
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, '../support/hold-sqlite-lock.mjs'), dbFile, String(ms)],
    { cwd: ROOT },
  );
  const released = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('LOCKED') && resolve({ released }));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`lock holder exited (${code})`)));
  });
}

describe.runIf(runs)(`the SQLite file locked by another process (${backendLabel[backend]})`, () => {
  it(`waits up to ${SQLITE_BUSY_TIMEOUT_MS / 1000} s for a short lock, then saves`, async () => {
    const before = await articleCount();
    const lock = await lockFromAnotherProcess(1000);
    const saved = await rest('POST', '/articles', { title: 'Lưu sau khi khóa được nhả', _status: 'draft' }).finally(
      () => lock.released,
    );
    expect(saved.status, JSON.stringify(saved.json)).toBe(201);
    expect(await articleCount()).toBe(before + 1);
  });

  it('a lock held longer: 503 with a Vietnamese message, nothing written, and the same save works once it is released', async () => {
    const before = await articleCount();
    const lock = await lockFromAnotherProcess(SQLITE_BUSY_TIMEOUT_MS + 3000);
    const refused = await rest('POST', '/articles', {
      title: 'Lưu khi cơ sở dữ liệu bị khóa',
      _status: 'draft',
    }).finally(() => lock.released);
    expect(refused.status).toBe(503);
    expect(refused.json.errors?.[0]?.message).toMatch(
      /^Cơ sở dữ liệu đang bị một tiến trình khác giữ .*Lần lưu này không thành công.*thử lại sau ít phút/,
    );
    await lock.released;
    expect(await articleCount()).toBe(before);

    const again = await rest('POST', '/articles', { title: 'Lưu khi cơ sở dữ liệu bị khóa', _status: 'draft' });
    expect(again.status).toBe(201);
  });

  it('an image uploaded while the lock is held: 503, and the files Payload wrote before the row are removed', async () => {
    const mediaDir = path.join(ctx.cms.uploadsDir, 'media');
    mkdirSync(mediaDir, { recursive: true });
    const filesBefore = await readdir(mediaDir);
    const mediaBefore = (await ctx.cms.payload.count({ collection: 'media' })).totalDocs;
    const form = await imageForm('anh-khi-khoa.png');
    const lock = await lockFromAnotherProcess(SQLITE_BUSY_TIMEOUT_MS + 3000);
    const refused = await rest('POST', '/media', form).finally(() => lock.released);
    expect(refused.status).toBe(503);
    expect(refused.json.errors?.[0]?.message).toMatch(/tiến trình khác giữ/);
    expect(await readdir(mediaDir), 'no file without its row').toEqual(filesBefore);
    expect((await ctx.cms.payload.count({ collection: 'media' })).totalDocs).toBe(mediaBefore);
  });
});

describe.runIf(runs)(`the data folder read-only (${backendLabel[backend]})`, () => {
  let mounted = false;
  let dataDir = '';
  beforeAll(async () => {
    // The folder holding cms.db and uploads/ (as data/ does) turns read-only, as a
    // file system remounted after errors does. Root ignores file modes, hence a
    // read-only bind mount rather than chmod.
    dataDir = path.dirname(dbFile);
    mkdirSync(path.join(ctx.cms.uploadsDir, 'media'), { recursive: true });
    // Let writes still in flight from earlier tests (hooks after a response) finish first.
    for (let i = 0; i < 100 && existsSync(`${dbFile}-journal`); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(`${dbFile}-journal`), 'no write in flight').toBe(false);
    try {
      execFileSync('mount', ['--bind', dataDir, dataDir], { stdio: 'pipe' });
      execFileSync('mount', ['-o', 'remount,ro,bind', dataDir], { stdio: 'pipe' });
      mounted = true;
    } catch (error) {
      console.warn(
        `\n!!! SKIPPED (read-only database file): cannot bind-mount here (${(error as Error).message.split('\n')[0]}). It needs root and mount rights.\n`,
      );
    }
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', [dataDir]);
  });

  it('saves are refused with a message saying the database is read-only; reading still works; nothing half-written', async (test) => {
    if (!mounted) test.skip();
    const before = await articleCount();
    const refused = await rest('POST', '/articles', { title: 'Lưu khi chỉ đọc', _status: 'draft' });
    expect(refused.status).toBe(503);
    expect(refused.json.errors?.[0]?.message).toMatch(
      /^Cơ sở dữ liệu đang ở chế độ chỉ đọc .*Lần lưu này không thành công.*quyền ghi/,
    );
    const read = await rest('GET', '/articles?limit=1');
    expect(read.status, 'readers and the site build still read').toBe(200);
    expect(await articleCount()).toBe(before);
  });

  it('an image upload is refused the same way and leaves no file in the uploads folder', async (test) => {
    if (!mounted) test.skip();
    const mediaDir = path.join(ctx.cms.uploadsDir, 'media');
    const filesBefore = await readdir(mediaDir).catch(() => []);
    const refused = await rest('POST', '/media', await imageForm('anh-chi-doc.png'));
    expect(refused.status).toBe(503);
    expect(refused.json.errors?.[0]?.message).toMatch(/chỉ đọc/);
    expect(await readdir(mediaDir).catch(() => []), 'no file left behind').toEqual(filesBefore);
  });

  it('once the folder is writable again, the same save works', async (test) => {
    if (!mounted) test.skip();
    execFileSync('umount', [dataDir]);
    mounted = false;
    const saved = await rest('POST', '/articles', { title: 'Lưu khi đã ghi được', _status: 'draft' });
    expect(saved.status).toBe(201);
  });
});
