import { beforeAll, describe, expect, it } from 'vitest';

import { coverageInputFromCms } from '../../src/cms/coverage-source';
import { IMPORT_FIRST_PUBLISHED_AT } from '../../src/cms/fields/publication';
import { buildCoverageReport } from '../../src/domain/coverage';
import { backend, backendLabel, useCmsWithStaff } from '../support/cms';
import { EDITORIAL, type EditorialSlug, minimalData, setSchoolSettings } from '../support/fixtures';
import { restCall, restLogin } from '../support/rest';

/**
 * A missed quarter cannot be filled after the fact: `firstPublishedAt` is the
 * system's own record of a document's first publication, and no way of making
 * a document (duplicate, create, version restore, autosave) may bring an older one.
 */
const ctx = useCmsWithStaff();

const OLD_FIRST = '2022-02-10T03:00:00.000Z'; // 2022-Q1, covered by the source
const MISSED_QUARTER_DATE = '2022-05-10T03:00:00.000Z'; // 2022-Q2, nothing was published then

beforeAll(async () => {
  await setSchoolSettings(ctx.cms.payload, { reportingStartQuarter: '2022-Q1', countedCollections: [...EDITORIAL] });
});

/** A document genuinely published in 2022-Q1 (brought in by the trusted import path). */
async function oldPublished(collection: EditorialSlug, title: string) {
  return ctx.cms.payload.create({
    collection,
    data: {
      ...minimalData[collection],
      title,
      _status: 'published',
      publishedAt: OLD_FIRST,
      firstPublishedAt: OLD_FIRST,
      countsTowardColumn: true,
    },
    context: { [IMPORT_FIRST_PUBLISHED_AT]: true },
  });
}

async function quarter(id: string) {
  const report = buildCoverageReport(await coverageInputFromCms(ctx.cms.payload));
  return report.quarters.find((q) => q.quarter === id)!;
}

const recent = (value: unknown) => Date.now() - new Date(String(value)).getTime() < 60_000;

describe(`back-dating through a copy, on ${backendLabel[backend]}`, () => {
  for (const collection of EDITORIAL) {
    it(`a duplicated ${collection} starts with no first publication, and publishing it back-dated fills no missed quarter`, async () => {
      const source = await oldPublished(collection, `Bài gốc ${collection}`);
      expect(source.firstPublishedAt).toBe(OLD_FIRST);

      // As the admin does it: the copy is a draft.
      const copy = await ctx.cms.payload.duplicate({
        collection,
        id: source.id,
        draft: true,
        overrideAccess: false,
        user: ctx.staff.editor,
      });
      expect(copy.firstPublishedAt ?? null).toBeNull();

      const published = await ctx.cms.payload.update({
        collection,
        id: copy.id,
        data: { _status: 'published', publishedAt: MISSED_QUARTER_DATE, countsTowardColumn: true },
        overrideAccess: false,
        user: ctx.staff.editor,
      });
      expect(published.publishedAt).toBe(MISSED_QUARTER_DATE);
      expect(recent(published.firstPublishedAt), `firstPublishedAt is now, not ${published.firstPublishedAt}`).toBe(
        true,
      );

      const q2 = await quarter('2022-Q2');
      expect(q2.status).toBe('missed');
      expect(q2.lateItems.map((item) => String(item.id))).toContain(String(copy.id));
    });
  }

  it("through REST's duplicate endpoint (what the admin's ⋮ menu calls)", async () => {
    const source = await oldPublished('articles', 'Bài gốc qua REST');
    const token = await restLogin(ctx.cms.config, ctx.staff.editor.email as string, 'mat-khau-thu-nghiem-1');
    const { status, json } = await restCall(ctx.cms.config, 'POST', `/articles/${source.id}/duplicate?draft=true`, {
      token,
      body: {},
    });
    expect(status, JSON.stringify(json)).toBe(200);
    expect(json.doc.firstPublishedAt ?? null).toBeNull();
    const published = await restCall(ctx.cms.config, 'PATCH', `/articles/${json.doc.id}`, {
      token,
      body: { _status: 'published', publishedAt: MISSED_QUARTER_DATE },
    });
    expect(published.status).toBe(200);
    expect(recent(published.json.doc.firstPublishedAt)).toBe(true);
  });

  it('a duplicate that asks for the old date in its data (trusted server code, no import flag) does not get it', async () => {
    const source = await oldPublished('articles', 'Bài gốc có dữ liệu');
    const copy = await ctx.cms.payload.duplicate({
      collection: 'articles',
      id: source.id,
      data: { _status: 'published', firstPublishedAt: OLD_FIRST, publishedAt: MISSED_QUARTER_DATE },
    });
    expect(copy.firstPublishedAt).not.toBe(OLD_FIRST);
    expect(recent(copy.firstPublishedAt)).toBe(true);
  });
});

describe(`versions and autosave cannot move the first publication, on ${backendLabel[backend]}`, () => {
  it('restoring a version written before the first publication keeps it; restoring a published one does not copy its date', async () => {
    const payload = ctx.cms.payload;
    const draft = await payload.create({
      collection: 'articles',
      data: { ...minimalData.articles, title: 'Bản đầu' },
      draft: true,
    });
    const published = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'published', title: 'Bản xuất bản' },
    });
    const first = published.firstPublishedAt;
    expect(first).toBeTruthy();
    await payload.update({ collection: 'articles', id: draft.id, data: { title: 'Bản sửa' } });

    const { docs } = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: draft.id } },
      sort: 'createdAt',
      limit: 10,
    });
    const beforePublication = docs.find((v) => v.version.title === 'Bản đầu')!;
    const restored = await payload.restoreVersion({
      collection: 'articles',
      id: beforePublication.id,
      overrideAccess: false,
      user: ctx.staff.editor,
    });
    expect(restored.firstPublishedAt).toBe(first);

    // A document published once, its versions restored onto another state: its own date stays.
    const afterPublication = docs.find((v) => v.version.title === 'Bản xuất bản')!;
    const again = await payload.restoreVersion({ collection: 'articles', id: afterPublication.id });
    expect(again.firstPublishedAt).toBe(first);
  });

  it('an autosave of a never-published draft carrying an old date leaves it empty', async () => {
    const payload = ctx.cms.payload;
    const draft = await payload.create({
      collection: 'articles',
      data: { ...minimalData.articles, title: 'Nháp tự lưu' },
      draft: true,
    });
    const saved = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { title: 'Nháp tự lưu 2', firstPublishedAt: OLD_FIRST },
      draft: true,
      autosave: true,
    });
    expect(saved.firstPublishedAt ?? null).toBeNull();
    const published = await payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published' } });
    expect(recent(published.firstPublishedAt)).toBe(true);
  });
});
