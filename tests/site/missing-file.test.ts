import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildSite, type BuildSiteResult } from '../../scripts/build-site';
import { clientDir } from '../../scripts/lib/site-dist';
import { runSiteBuild } from '../../src/cms/site-build/run';
import { renderMessage } from '../../src/messages/catalogue';
import { seedDemoContent } from '../../src/seed/seed';
import { firstSchool } from '../support/fixtures';
import { type HttpCms, startHttpCms } from './support/http-cms';

/**
 * One attachment lost from storage (the CMS answers 500 for it) must not stop
 * the column: the site is built, the resource shows without the file and with
 * a note for readers, the article without its cover, and the missing files
 * are reported in the build output and the build status editors see.
 */
let cms: HttpCms;
let dir: string;
let result: BuildSiteResult;
const lost = { resource: { id: '', slug: '', title: '' }, file: '', otherFiles: [] as string[] };
const lostCover = { article: { id: '', slug: '', title: '' }, file: '' };

beforeAll(async () => {
  cms = await startHttpCms();
  await seedDemoContent(cms.payload);
  dir = await mkdtemp(path.join(os.tmpdir(), 'ge-missing-'));
  // The seed makes a small district; the build makes the first school's column, so the files lost are its.
  const demo = await firstSchool(cms.payload);
  const inDemo = { school: { equals: demo.id } };

  const resources = await cms.payload.find({
    collection: 'teaching-resources',
    where: { and: [{ _status: { equals: 'published' } }, inDemo] },
    depth: 1,
    limit: 0,
    sort: 'slug',
  });
  const resource = resources.docs.find((r) => (r.files ?? []).length > 0)!;
  const files = resource.files as { filename: string }[];
  Object.assign(lost, {
    resource: { id: String(resource.id), slug: resource.slug, title: resource.title },
    file: files[0]!.filename,
    otherFiles: resources.docs
      .flatMap((r) => (r.files ?? []) as { filename: string }[])
      .map((f) => f.filename)
      .filter((f) => f !== files[0]!.filename),
  });
  // The storage problem: the document's row is there, its file is gone from the uploads folder.
  await rm(path.join(cms.uploadsDir, 'documents', lost.file));

  const article = (
    await cms.payload.find({
      collection: 'articles',
      where: { and: [{ _status: { equals: 'published' } }, { cover: { exists: true } }, inDemo] },
      depth: 1,
      limit: 1,
      sort: 'slug',
    })
  ).docs[0]!;
  const cover = article.cover as { filename: string; sizes?: Record<string, { filename?: string | null }> };
  Object.assign(lostCover, {
    article: { id: String(article.id), slug: article.slug, title: article.title },
    file: cover.filename,
  });
  for (const name of [cover.filename, ...Object.values(cover.sizes ?? {}).map((s) => s.filename)])
    if (name) await rm(path.join(cms.uploadsDir, 'media', name), { force: true });

  result = await buildSite({
    dist: path.join(dir, 'dist'),
    env: { PAYLOAD_URL: cms.url, COVERAGE_STRICT: 'false', CI: '' },
    quiet: true,
  });
}, 600_000);
afterAll(async () => {
  await cms?.close();
  await rm(dir, { recursive: true, force: true });
});

const page = (...parts: string[]) =>
  readFileSync(path.join(clientDir(path.join(dir, 'dist')), ...parts, 'index.html'), 'utf8');

describe('a file missing from storage', () => {
  it('does not stop the build', () => {
    expect(result.ok, result.ok ? '' : result.message).toBe(true);
  });

  it('the resource page is published without the file: a Vietnamese note, no link to it', () => {
    const html = page('tai-lieu', lost.resource.slug);
    expect(html).toContain(renderMessage('AttachmentMissing', { filename: lost.file }).message);
    expect(html).toContain('tạm thời chưa tải được');
    expect(html).not.toContain(`tai-lieu/tep/${encodeURIComponent(lost.file)}`);
    expect(
      existsSync(path.join(clientDir(path.join(dir, 'dist')), 'tai-lieu', 'tep', lost.file)),
      'no copy of the missing file',
    ).toBe(false);
  });

  it('the other files and pages are as usual', async () => {
    const copied = await readdir(path.join(clientDir(path.join(dir, 'dist')), 'tai-lieu', 'tep'));
    expect(copied).not.toContain(lost.file);
    expect(copied.length).toBeGreaterThan(0);
    for (const name of copied) expect(lost.otherFiles).toContain(name);
    expect(page('bai-viet', lostCover.article.slug)).toContain(lostCover.article.title);
    expect(page()).toContain('<h1');
  });

  it('the build result and output name the item and the file, in Vietnamese and English', () => {
    if (!result.ok) throw new Error(result.message);
    expect(result.missingFiles).toEqual(
      expect.arrayContaining([
        {
          collection: 'teaching-resources',
          id: lost.resource.id,
          title: lost.resource.title,
          upload: 'documents',
          filename: lost.file,
          status: expect.stringMatching(/^HTTP [45]\d\d$/),
        },
        expect.objectContaining({
          collection: 'articles',
          id: lostCover.article.id,
          upload: 'media',
          filename: lostCover.file,
        }),
      ]),
    );
    // Each item that uses a lost file is listed (the demo's images are shared by several articles).
    expect(new Set(result.missingFiles.map((f) => f.filename))).toEqual(new Set([lost.file, lostCover.file]));
    expect(result.log).toContain('Trang đã dựng nhưng thiếu tệp / The site was built without some files');
    expect(result.log).toContain(`documents/${lost.file}`);
    expect(result.log).toContain('upload the file again');
  });

  it('the rebuild job records the missing files in the build status for editors', async () => {
    // The build child reads COVERAGE_STRICT from the environment it inherits.
    process.env.COVERAGE_STRICT = 'false';
    try {
      const school = await firstSchool(cms.payload);
      const outcome = await runSiteBuild(
        cms.payload,
        { school: school.id, reason: 'thử tệp thiếu' },
        { cmsUrl: cms.url, distRoot: path.join(dir, 'rebuilt') },
      );
      expect(outcome.ok, outcome.reason).toBe(true);
      const [status] = (await cms.payload.find({ collection: 'site-builds', where: { school: { equals: school.id } } }))
        .docs;
      if (!status) throw new Error('no build status for the school');
      expect(status.lastSuccessAt).toBeTruthy();
      const rows = (status.missingFiles ?? []).map(({ id: _rowId, ...row }) => row);
      expect(rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            itemCollection: 'teaching-resources',
            itemId: lost.resource.id,
            title: lost.resource.title,
            upload: 'documents',
            filename: lost.file,
          }),
          expect.objectContaining({
            itemCollection: 'articles',
            itemId: lostCover.article.id,
            filename: lostCover.file,
          }),
        ]),
      );
      expect(rows).toHaveLength(result.ok ? result.missingFiles.length : -1);
    } finally {
      delete process.env.COVERAGE_STRICT;
    }
  }, 600_000);
});
