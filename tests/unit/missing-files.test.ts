import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { CmsUnreachableError } from '../../src/site-loader/errors';
import {
  missingFilesText,
  probeFiles,
  readMissingFilesReport,
  writeMissingFilesReport,
  type MissingFile,
} from '../../src/site-loader/missing-files';

const probe = (name: string) => ({
  url: `http://cms.test/api/documents/file/${name}`,
  upload: 'documents' as const,
  filename: name,
});

/** A CMS answering each file with the status its name starts with ("404-x.pdf" → 404). */
const fakeFetch = (seen: string[] = []) =>
  (async (input: string | URL | Request) => {
    const url = String(input);
    seen.push(url);
    const name = url.split('/').pop()!;
    if (name.startsWith('down')) throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    const status = Number(/^(\d{3})-/.exec(name)?.[1] ?? 200);
    return new Response(status === 200 ? 'bytes' : 'error', { status });
  }) as typeof fetch;

describe('probeFiles', () => {
  it('returns the status of each file the CMS does not give (404, 500), and nothing for the others', async () => {
    const failed = await probeFiles([probe('ok.pdf'), probe('404-lost.pdf'), probe('500-broken.odp')], {
      fetch: fakeFetch(),
    });
    expect(Object.fromEntries(failed)).toEqual({
      'http://cms.test/api/documents/file/404-lost.pdf': 'HTTP 404',
      'http://cms.test/api/documents/file/500-broken.odp': 'HTTP 500',
    });
  });

  it('asks once per file, however many items use it', async () => {
    const seen: string[] = [];
    await probeFiles([probe('a.pdf'), probe('a.pdf'), probe('b.pdf')], { fetch: fakeFetch(seen), concurrency: 2 });
    expect(seen.sort()).toEqual([
      'http://cms.test/api/documents/file/a.pdf',
      'http://cms.test/api/documents/file/b.pdf',
    ]);
  });

  it('a CMS that cannot be reached fails the build (nothing to publish from)', async () => {
    await expect(probeFiles([probe('ok.pdf'), probe('down.pdf')], { fetch: fakeFetch() })).rejects.toThrow(
      CmsUnreachableError,
    );
    await expect(probeFiles([probe('down.pdf')], { fetch: fakeFetch() })).rejects.toMatchObject({
      code: 'FileDownloadFailed',
      details: { filename: 'down.pdf', reason: 'connect ECONNREFUSED' },
    });
  });

  it('no files, no requests', async () => {
    const seen: string[] = [];
    expect((await probeFiles([], { fetch: fakeFetch(seen) })).size).toBe(0);
    expect(seen).toEqual([]);
  });
});

const files: MissingFile[] = [
  {
    collection: 'teaching-resources',
    id: '7',
    title: 'Trình chiếu: Tuổi dậy thì',
    upload: 'documents',
    filename: 'trinh-chieu.odp',
    status: 'HTTP 500',
  },
  { collection: 'articles', id: '3', title: 'Bài có ảnh', upload: 'media', filename: 'anh.jpg', status: 'HTTP 404' },
];

describe('the missing-files report', () => {
  it('says in Vietnamese and English which item lost which file, and what to do', () => {
    const text = missingFilesText(files);
    expect(text).toContain('2 tệp không lấy được từ kho lưu trữ; trang vẫn được dựng');
    expect(text).toContain('2 file(s) could not be read from storage; the site was built');
    expect(text).toContain('Tài liệu “Trình chiếu: Tuổi dậy thì”: documents/trinh-chieu.odp (HTTP 500)');
    expect(text).toContain('Bài viết “Bài có ảnh”: media/anh.jpg (HTTP 404)');
    expect(text).toContain('tải tệp lên lại');
    expect(text).toContain('upload the file again');
  });

  it('is written beside the build and read back; an older build has none', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ge-report-'));
    try {
      expect(await readMissingFilesReport(dir)).toBeUndefined();
      await writeMissingFilesReport(dir, files);
      expect(await readMissingFilesReport(dir)).toEqual(files);
      await writeMissingFilesReport(dir, []);
      expect(await readMissingFilesReport(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
