import { beforeAll, describe, expect, it } from 'vitest';

import { coverageInputFromCms } from '../../src/cms/coverage-source';
import { buildCoverageReport, type CoverageReport } from '../../src/domain/coverage';
import { quarterIdOf } from '../../src/domain/quarters';
import { backend, backendLabel, useCmsWithStaff } from '../support/cms';
import { createDoc, setSchoolSettings } from '../support/fixtures';

const ctx = useCmsWithStaff();

beforeAll(async () => {
  // Report from the previous quarter, so that quarter has ended and can be "missed".
  const now = new Date();
  const localYear = new Date(now.getTime() + 7 * 3600_000).getUTCFullYear();
  await setSchoolSettings(ctx.cms.payload, {
    reportingStartQuarter: `${localYear - 1}-Q1`,
    name: 'Trường THCS Thử nghiệm',
  });
});

async function report(): Promise<CoverageReport> {
  return buildCoverageReport(await coverageInputFromCms(ctx.cms.payload));
}
const current = (r: CoverageReport) => r.quarters[r.quarters.length - 1]!;
const previous = (r: CoverageReport) => r.quarters[r.quarters.length - 2]!;

describe(`coverage through the CMS on ${backendLabel[backend]}`, () => {
  it('publishing fills the current quarter; unpublishing empties it again', async () => {
    const before = await report();
    expect(current(before)).toMatchObject({ quarter: quarterIdOf(new Date()), status: 'in-progress', count: 0 });

    const draft = await createDoc(ctx.cms.payload, 'articles', {
      by: ctx.staff.contributor,
      status: 'draft',
      title: 'Tuần lễ bình đẳng giới',
    });
    expect(current(await report()).count, 'a draft does not count').toBe(0);

    await ctx.cms.payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'published' },
      overrideAccess: false,
      user: ctx.staff.editor,
    });
    const published = await report();
    expect(current(published)).toMatchObject({ status: 'covered', count: 1 });
    expect(current(published).items[0]).toMatchObject({
      title: 'Tuần lễ bình đẳng giới',
      url: '/binh-dang-gioi/bai-viet/tuan-le-binh-dang-gioi/',
    });
    expect(published.school.name).toBe('Trường THCS Thử nghiệm');

    await ctx.cms.payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'draft' },
      overrideAccess: false,
      user: ctx.staff.editor,
    });
    expect(current(await report())).toMatchObject({ status: 'in-progress', count: 0 });
  });

  it('back-dating publishedAt into a missed quarter leaves it missed, marked late', async () => {
    const before = await report();
    expect(previous(before).status).toBe('missed');
    const target = previous(before);
    const doc = await createDoc(ctx.cms.payload, 'articles', {
      by: ctx.staff.editor,
      status: 'published',
      title: 'Bài đăng bù',
    });
    const middle = new Date((Date.parse(target.start) + Date.parse(target.end)) / 2).toISOString();
    await ctx.cms.payload.update({
      collection: 'articles',
      id: doc.id,
      data: { publishedAt: middle },
      overrideAccess: false,
      user: ctx.staff.editor,
    });
    const after = await report();
    expect(previous(after)).toMatchObject({ quarter: target.quarter, status: 'missed', count: 0, late: 1 });
    expect(previous(after).lateItems[0]!.title).toBe('Bài đăng bù');
    expect(current(after).count, 'and it counts nowhere else').toBe(0);
  });

  it('items of collections the settings do not count are left out until they are counted', async () => {
    await createDoc(ctx.cms.payload, 'model-stories', {
      by: ctx.staff.editor,
      status: 'published',
      title: 'Gia đình mẫu mực',
    });
    const story = (
      await ctx.cms.payload.find({ collection: 'model-stories', where: { title: { equals: 'Gia đình mẫu mực' } } })
    ).docs[0]!;
    await ctx.cms.payload.update({ collection: 'model-stories', id: story.id, data: { countsTowardColumn: true } });
    expect(current(await report()).count).toBe(0);
    await setSchoolSettings(ctx.cms.payload, { countedCollections: ['articles', 'model-stories'] });
    expect(current(await report())).toMatchObject({ status: 'covered', count: 1 });
    await setSchoolSettings(ctx.cms.payload, { countedCollections: ['articles'] });
  });
});
