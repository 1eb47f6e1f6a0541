import { describe, expect, it } from 'vitest';

import { backend, backendLabel, useCmsWithStaff } from '../support/cms';
import { firstSchool, minimalData, setSchoolSettings } from '../support/fixtures';

/**
 * Input an admin or editor might get wrong (or try on purpose): refused with a
 * Vietnamese message naming the field, and nothing half-written stays.
 */
const ctx = useCmsWithStaff();

async function refusal(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    const data = (error as { data?: { errors?: { message: string }[] } }).data;
    return [(error as Error).message, ...(data?.errors ?? []).map((e) => e.message)].join(' | ');
  }
  throw new Error('expected the CMS to refuse this input');
}

describe(`bad input on ${backendLabel[backend]}`, () => {
  it('column settings: a start quarter in the future, a minimum of 0 or -1 are refused and the settings stay as they were', async () => {
    const { payload } = ctx.cms;
    const before = await firstSchool(payload);
    const future = `${new Date().getUTCFullYear() + 2}-Q1`;
    expect(await refusal(() => setSchoolSettings(payload, { reportingStartQuarter: future }))).toMatch(
      /Quý bắt đầu không được sau quý hiện tại/,
    );
    expect(await refusal(() => setSchoolSettings(payload, { reportingStartQuarter: '2022-Q5' }))).toMatch(/NĂM-Qn/);
    for (const minimum of [0, -1]) {
      expect(await refusal(() => setSchoolSettings(payload, { minimumItemsPerQuarter: minimum }))).toMatch(
        /Số bài tối thiểu mỗi quý|minimumItemsPerQuarter/,
      );
    }
    const after = await firstSchool(payload);
    expect(after.reportingStartQuarter).toBe(before.reportingStartQuarter);
    expect(after.minimumItemsPerQuarter).toBe(before.minimumItemsPerQuarter);
  });

  it('impossible publication dates are refused, and no item is created', async () => {
    const { payload } = ctx.cms;
    for (const publishedAt of ['2026-02-30T00:00:00.000Z', '2026-13-01T00:00:00.000Z', 'hôm qua']) {
      const count = (await payload.count({ collection: 'articles', where: {} })).totalDocs;
      const message = await refusal(() =>
        payload.create({
          collection: 'articles',
          data: { ...minimalData.articles, publishedAt, _status: 'published' } as never,
        }),
      );
      expect(message, publishedAt).toMatch(/Ngày đăng|publishedAt|ngày/i);
      expect((await payload.count({ collection: 'articles', where: {} })).totalDocs).toBe(count);
    }
  });

  it('a title of 10,000 characters is refused on publish, and no item is created', async () => {
    const { payload } = ctx.cms;
    for (const collection of ['articles', 'model-stories', 'teaching-resources'] as const) {
      const count = (await payload.count({ collection, where: {} })).totalDocs;
      const message = await refusal(() =>
        payload.create({
          collection,
          data: { ...minimalData[collection], title: 'Bình đẳng '.repeat(1000), _status: 'published' } as never,
        }),
      );
      expect(message).toContain('Tiêu đề');
      expect(message).toContain('250 ký tự');
      expect((await payload.count({ collection, where: {} })).totalDocs).toBe(count);
    }
  });
});
