/**
 * How scripts/build-site.ts learns why the Astro child stopped: the name and
 * details the catalogue error recorded, trusted only when Astro printed that
 * error; otherwise the log's first error lines. Never Vietnamese words.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { buildFailureReason } from '../../scripts/build-site';
import {
  failureFileFor,
  readBuildFailure,
  readBuildReport,
  recordBuildFailure,
  reportFailuresTo,
} from '../../src/messages/build-failure';
import { renderMessage } from '../../src/messages/catalogue';
import { CmsHttpError, CmsUnreachableError, SiteBuildError } from '../../src/site-loader/errors';

const dir = await mkdtemp(path.join(tmpdir(), 'build-failure-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the failure record', () => {
  it('lives beside the output folder', () => {
    expect(failureFileFor('/x/.astro/site-staging/dist-ab12/')).toBe('/x/.astro/site-staging/dist-ab12.failure.json');
  });

  it('is written by a site build error only while a build names the file', async () => {
    const file = path.join(dir, 'a.failure.json');
    new CmsUnreachableError('CmsUnreachable', { baseUrl: 'http://cms', reason: 'down' });
    expect(readBuildFailure(file)).toBeUndefined();
    reportFailuresTo(file);
    try {
      const error = new CmsHttpError({ baseUrl: 'http://cms', status: 500, path: '/api/documents/file/x.odp' });
      expect(error).toBeInstanceOf(SiteBuildError);
      expect(error.status).toBe(500);
      expect(readBuildFailure(file)).toEqual({
        name: 'CmsHttpStatus',
        details: { baseUrl: 'http://cms', status: 500, path: '/api/documents/file/x.odp' },
      });
    } finally {
      reportFailuresTo(undefined);
    }
  });

  it('ignores a file that is not a record of a catalogue message', async () => {
    const file = path.join(dir, 'b.failure.json');
    await writeFile(file, JSON.stringify({ name: 'Dựng trang thất bại', details: {} }));
    expect(readBuildFailure(file)).toBeUndefined();
    await writeFile(file, '{not json');
    expect(readBuildFailure(file)).toBeUndefined();
    expect(readBuildFailure(path.join(dir, 'missing.json'))).toBeUndefined();
  });

  it('reads the report build-site.ts writes for the rebuild job', async () => {
    const file = path.join(dir, 'report.json');
    const failure = { name: 'FileHttpStatus' as const, details: { filename: 'a.odp', status: 500 } };
    await writeFile(file, JSON.stringify({ ok: false, message: 'm', failure }));
    expect(readBuildReport(file)).toEqual({ ok: false, message: 'm', failure });
    await writeFile(file, JSON.stringify({ ok: false, message: 'm', failure: { name: 'nope', details: {} } }));
    expect(readBuildReport(file)).toEqual({ ok: false, message: 'm' });
    await writeFile(file, JSON.stringify({ ok: true }));
    expect(readBuildReport(file)).toEqual({ ok: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ ok: true });
  });
});

describe('buildFailureReason', () => {
  const details = { filename: 'trinh-chieu.odp', status: 500 };
  const log = [
    '12:00:01 [build] Building static entrypoints...',
    '\x1b[31m[FileHttpStatus]\x1b[39m CMS trả lời 500 cho tệp trinh-chieu.odp.',
    '  Stack trace:',
    '    at GET (file.ts:20)',
  ].join('\n');

  it('takes the recorded message when Astro printed that error', () => {
    recordBuildFailure({ name: 'FileHttpStatus', details }); // no file named: nothing happens
    expect(buildFailureReason(log, { name: 'FileHttpStatus', details })).toEqual({
      reason: renderMessage('FileHttpStatus', details).text,
      failure: { name: 'FileHttpStatus', details },
    });
  });

  it('does not blame a recorded error the build went past', () => {
    const other = '12:00:02 [ERROR] [vite] Rollup failed to resolve import "x"\n  Stack trace:\n    at y';
    const result = buildFailureReason(other, { name: 'FileHttpStatus', details });
    expect(result.failure).toBeUndefined();
    expect(result.reason).toBe('12:00:02 [ERROR] [vite] Rollup failed to resolve import "x"');
  });

  it('falls back to the last lines when there is no error line', () => {
    expect(buildFailureReason('a\nb\nc').reason).toBe('a\nb\nc');
  });
});
