import { describe, expect, it } from 'vitest';

import { buildCoverageReport, type CoverageItem, CoverageInputError, currentQuarter } from '../../src/domain/coverage';

const policy = { start: '2022-Q1', minPerQuarter: 1 };
let seq = 0;
const item = (publishedAt: string | null, extra: Partial<CoverageItem> = {}): CoverageItem => ({
  id: ++seq,
  collection: 'articles',
  title: `Bài ${seq}`,
  status: 'published',
  publishedAt,
  countsTowardColumn: true,
  ...extra,
});
const report = (
  now: string,
  items: CoverageItem[],
  p: Partial<typeof policy> & { countedCollections?: string[] } = {},
) => buildCoverageReport({ policy: { ...policy, ...p }, now: new Date(now), items });
const statusOf = (r: ReturnType<typeof report>) => Object.fromEntries(r.quarters.map((q) => [q.quarter, q.status]));

describe('the quarters listed', () => {
  it('are every quarter from the start to the one containing now, oldest first, and no other', () => {
    const r = report('2023-02-01T00:00:00Z', []);
    expect(r.quarters.map((q) => q.quarter)).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1']);
  });

  it('an empty database: every ended quarter missed, the current one in progress', () => {
    const r = report('2022-08-01T00:00:00Z', []);
    expect(statusOf(r)).toEqual({ '2022-Q1': 'missed', '2022-Q2': 'missed', '2022-Q3': 'in-progress' });
    expect(r.summary).toMatchObject({
      quarters: 3,
      covered: 0,
      missed: 2,
      inProgress: 1,
      missedQuarters: ['2022-Q1', '2022-Q2'],
    });
  });

  it('"now" exactly at a quarter\'s first local second makes that quarter current', () => {
    const now = '2022-03-31T17:00:00Z';
    const r = report(now, [item(now)]);
    expect(r.quarters.map((q) => q.quarter)).toEqual(['2022-Q1', '2022-Q2']);
    expect(statusOf(r)).toEqual({ '2022-Q1': 'missed', '2022-Q2': 'covered' });
    expect(currentQuarter(r).daysLeft).toBe(91);
  });

  it('one second before, the old quarter is still current and in progress', () => {
    const r = report('2022-03-31T16:59:59Z', []);
    expect(r.quarters.map((q) => q.quarter)).toEqual(['2022-Q1']);
    expect(currentQuarter(r)).toMatchObject({ status: 'in-progress', daysLeft: 1 });
  });
});

describe('which quarter an item counts in', () => {
  it.each([
    ['2022-03-31T16:59:59Z', '2022-Q1'],
    ['2022-03-31T17:00:00Z', '2022-Q2'],
    ['2022-06-30T16:59:59Z', '2022-Q2'],
    ['2022-09-30T17:00:00Z', '2022-Q4'],
    ['2022-12-31T16:59:59Z', '2022-Q4'],
    ['2022-12-31T17:00:00Z', '2023-Q1'],
  ])('published at %s counts in %s (local midnight boundaries, new year)', (at, quarter) => {
    const r = report('2023-03-01T00:00:00Z', [item(at)]);
    expect(r.quarters.find((q) => q.quarter === quarter)!.count).toBe(1);
    expect(r.quarters.reduce((n, q) => n + q.count, 0)).toBe(1);
  });

  it('a leap day counts in Q1', () => {
    const r = report('2024-05-01T00:00:00Z', [item('2024-02-29T10:00:00+07:00')], { start: '2024-Q1' });
    expect(statusOf(r)).toEqual({ '2024-Q1': 'covered', '2024-Q2': 'in-progress' });
  });

  it('accepts timestamps with an offset', () => {
    const r = report('2022-05-01T00:00:00Z', [item('2022-04-01T00:00:00+07:00')]);
    expect(statusOf(r)['2022-Q2']).toBe('covered');
    expect(r.quarters[1]!.items[0]!.publishedAt).toBe('2022-03-31T17:00:00.000Z');
  });
});

describe('what counts', () => {
  const now = '2022-05-15T00:00:00Z';

  it('drafts do not count', () => {
    const r = report(now, [item('2022-02-01T00:00:00Z', { status: 'draft' })]);
    expect(statusOf(r)['2022-Q1']).toBe('missed');
  });

  it('items not counted toward the column do not count', () => {
    const r = report(now, [
      item('2022-02-01T00:00:00Z', { countsTowardColumn: false }),
      item('2022-02-02T00:00:00Z', { countsTowardColumn: undefined }),
    ]);
    expect(statusOf(r)['2022-Q1']).toBe('missed');
  });

  it('only the counted collections count', () => {
    const story = item('2022-02-01T00:00:00Z', { collection: 'model-stories' });
    expect(statusOf(report(now, [story]))['2022-Q1']).toBe('missed');
    expect(statusOf(report(now, [story], { countedCollections: ['articles', 'model-stories'] }))['2022-Q1']).toBe(
      'covered',
    );
  });

  it('a scheduled item in the future does not count yet, not even in the current quarter', () => {
    const r = report(now, [item('2022-05-20T00:00:00Z')]);
    expect(currentQuarter(r)).toMatchObject({ quarter: '2022-Q2', status: 'in-progress', count: 0 });
  });

  it('an item published exactly at "now" counts', () => {
    expect(currentQuarter(report(now, [item(now)])).status).toBe('covered');
  });

  it('a start quarter after all items: nothing counts', () => {
    const r = report('2023-05-01T00:00:00Z', [item('2022-02-01T00:00:00Z'), item('2022-11-01T00:00:00Z')], {
      start: '2023-Q1',
    });
    expect(r.quarters.map((q) => q.quarter)).toEqual(['2023-Q1', '2023-Q2']);
    expect(statusOf(r)).toEqual({ '2023-Q1': 'missed', '2023-Q2': 'in-progress' });
  });

  it('a minimum of two needs two in the quarter', () => {
    const one = report(now, [item('2022-02-01T00:00:00Z')], { minPerQuarter: 2 });
    const two = report(now, [item('2022-02-01T00:00:00Z'), item('2022-03-01T00:00:00Z')], { minPerQuarter: 2 });
    expect(statusOf(one)['2022-Q1']).toBe('missed');
    expect(statusOf(two)['2022-Q1']).toBe('covered');
    expect(two.quarters[0]!.count).toBe(2);
  });

  it('the current quarter is covered as soon as it meets the minimum', () => {
    expect(currentQuarter(report(now, [item('2022-04-02T00:00:00Z')])).status).toBe('covered');
  });
});

describe('late items (no back-dating a missed quarter)', () => {
  it('first published after its quarter ended: late there, counts nowhere', () => {
    const late = item('2022-02-01T00:00:00Z', { firstPublishedAt: '2022-04-10T00:00:00Z' });
    const r = report('2022-05-01T00:00:00Z', [late]);
    expect(r.quarters[0]).toMatchObject({ quarter: '2022-Q1', status: 'missed', count: 0, late: 1 });
    expect(r.quarters[0]!.lateItems[0]).toMatchObject({ id: late.id, firstPublishedAt: '2022-04-10T00:00:00.000Z' });
    expect(r.quarters[1]).toMatchObject({ quarter: '2022-Q2', count: 0, late: 0 });
  });

  it("first published at the quarter's last millisecond is on time", () => {
    const r = report('2022-05-01T00:00:00Z', [
      item('2022-02-01T00:00:00Z', { firstPublishedAt: '2022-03-31T16:59:59.999Z' }),
    ]);
    expect(r.quarters[0]).toMatchObject({ status: 'covered', late: 0 });
  });

  it('first published one millisecond later is late', () => {
    const r = report('2022-05-01T00:00:00Z', [
      item('2022-02-01T00:00:00Z', { firstPublishedAt: '2022-03-31T17:00:00.000Z' }),
    ]);
    expect(r.quarters[0]).toMatchObject({ status: 'missed', late: 1 });
  });

  it('without firstPublishedAt, publishedAt is taken', () => {
    const r = report('2022-05-01T00:00:00Z', [item('2022-02-01T00:00:00Z', { firstPublishedAt: null })]);
    expect(r.quarters[0]!.status).toBe('covered');
    expect(r.quarters[0]!.items[0]!.firstPublishedAt).toBe('2022-02-01T00:00:00.000Z');
  });

  it("a counted item carries when it was first published (for the closed quarter's record)", () => {
    const r = report('2022-05-01T00:00:00Z', [
      item('2022-02-01T00:00:00Z', { firstPublishedAt: '2022-01-20T08:00:00+07:00' }),
    ]);
    expect(r.quarters[0]!.items[0]).toMatchObject({
      publishedAt: '2022-02-01T00:00:00.000Z',
      firstPublishedAt: '2022-01-20T01:00:00.000Z',
    });
  });

  it('an item first published earlier and re-dated later counts in its new quarter', () => {
    const r = report('2022-08-01T00:00:00Z', [
      item('2022-05-01T00:00:00Z', { firstPublishedAt: '2022-02-01T00:00:00Z' }),
    ]);
    expect(statusOf(r)).toEqual({ '2022-Q1': 'missed', '2022-Q2': 'covered', '2022-Q3': 'in-progress' });
  });
});

describe('bad input makes no report', () => {
  const now = new Date('2022-05-01T00:00:00Z');
  const build =
    (p: object, items: CoverageItem[] = [], at: Date = now) =>
    () =>
      buildCoverageReport({ policy: { ...policy, ...p } as never, now: at, items });

  it.each([
    [{ start: '2022-Q5' }, /không hợp lệ/],
    [{ start: '2022Q1' }, /YYYY-Qn/],
    [{ start: '2022-Q3' }, /nằm sau quý hiện tại/],
    [{ minPerQuarter: 0 }, /số nguyên/],
    [{ minPerQuarter: 1.5 }, /số nguyên/],
    [{ countedCollections: [] }, /No collection/],
  ])('policy %o', (p, message) => {
    expect(build(p)).toThrow(CoverageInputError);
    expect(build(p)).toThrow(message);
  });

  it('an invalid "now"', () => {
    expect(build({}, [], new Date('garbage'))).toThrow(/now/);
  });

  it.each(['2022-02-30T00:00:00Z', 'yesterday', '2022-02-01', '2022-02-01T10:00:00'])(
    'a bad publishedAt "%s"',
    (bad) => {
      expect(build({}, [item(bad)])).toThrow(CoverageInputError);
    },
  );

  it('a published item without publishedAt', () => {
    expect(build({}, [item(null)])).toThrow(/thiếu publishedAt/);
  });

  it('a bad firstPublishedAt', () => {
    expect(build({}, [item('2022-02-01T00:00:00Z', { firstPublishedAt: 'soon' })])).toThrow(/firstPublishedAt/);
  });
});

describe('the report document', () => {
  it('carries version, policy, school, generatedAt and item details', () => {
    const r = buildCoverageReport({
      policy: { start: '2022-Q1', minPerQuarter: 1, countedCollections: ['articles'] },
      now: new Date('2022-05-01T00:00:00Z'),
      items: [
        item('2022-02-01T00:00:00Z', { title: 'Bình đẳng giới', url: '/binh-dang-gioi/bai-viet/binh-dang-gioi/' }),
      ],
      school: { name: 'Trường THCS Nguyễn Du', district: 'Phòng GDĐT' },
    });
    expect(r).toMatchObject({
      version: 1,
      school: { name: 'Trường THCS Nguyễn Du', district: 'Phòng GDĐT' },
      generatedAt: '2022-05-01T00:00:00.000Z',
      policy: { start: '2022-Q1', minPerQuarter: 1, countedCollections: ['articles'] },
    });
    expect(r.quarters[0]).toMatchObject({
      label: 'Quý I/2022',
      start: '2021-12-31T17:00:00.000Z',
      end: '2022-03-31T16:59:59.999Z',
      daysLeft: 0,
      items: [
        {
          title: 'Bình đẳng giới',
          url: '/binh-dang-gioi/bai-viet/binh-dang-gioi/',
          publishedAt: '2022-02-01T00:00:00.000Z',
        },
      ],
    });
  });

  it('lists items oldest first', () => {
    const r = report('2022-05-01T00:00:00Z', [item('2022-03-01T00:00:00Z'), item('2022-01-05T00:00:00Z')]);
    const dates = r.quarters[0]!.items.map((i) => i.publishedAt);
    expect(dates).toEqual([...dates].sort());
  });
});

describe('reminders for editors', async () => {
  const { quarterNeedingReminder } = await import('../../src/domain/coverage');
  it('warn when the current quarter is not covered and 21 days or fewer are left', () => {
    expect(quarterNeedingReminder(report('2022-03-10T17:00:00Z', []))).toMatchObject({
      quarter: '2022-Q1',
      daysLeft: 21,
    });
    expect(quarterNeedingReminder(report('2022-03-09T17:00:00Z', []))).toBeNull(); // 22 days left
    expect(quarterNeedingReminder(report('2022-03-30T00:00:00Z', [item('2022-03-01T00:00:00Z')]))).toBeNull(); // covered
  });
});
