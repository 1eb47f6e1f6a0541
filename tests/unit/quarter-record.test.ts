import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { buildCoverageReport, type CoverageItem, type CoverageReport } from '../../src/domain/coverage';
import {
  applyRecords,
  canonicalJson,
  compareWithToday,
  nextClosingRun,
  type QuarterRecord,
  quarterRecordFrom,
  quartersToClose,
  recordHash,
  verifyRecord,
} from '../../src/domain/quarter-record';
import { ColumnError } from '../../src/messages/column-error';

const school = { slug: 'thcs-nguyen-du', name: 'Trường THCS Nguyễn Du' };
const policy = { start: '2025-Q4', minPerQuarter: 2, countedCollections: ['articles', 'model-stories'] };

const item = (id: string | number, publishedAt: string, extra: Partial<CoverageItem> = {}): CoverageItem => ({
  id,
  collection: 'articles',
  title: `Bài ${id}`,
  status: 'published',
  publishedAt,
  countsTowardColumn: true,
  url: `/binh-dang-gioi/bai-viet/bai-${id}/`,
  ...extra,
});
const reportAt = (now: string, items: CoverageItem[], p: Partial<typeof policy> = {}) =>
  buildCoverageReport({ policy: { ...policy, ...p }, now: new Date(now), items });
const closeQ1 = (items: CoverageItem[], now = '2026-04-02T01:00:00Z') =>
  quarterRecordFrom(reportAt(now, items), '2026-Q1', school, new Date(now));
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return ColumnError.is(error) ? error.code : `not a ColumnError: ${String(error)}`;
  }
  return 'no error';
};

const q1Items = [
  item(3, '2026-02-10T02:00:00Z'),
  item(1, '2026-01-05T02:00:00Z', { firstPublishedAt: '2026-01-04T09:00:00+07:00' }),
  item('x7', '2026-03-20T02:00:00Z', { collection: 'model-stories' }),
];

describe('the record of an ended quarter', () => {
  it('keeps the status, the minimum, the counted and the late items, and when the job ran', () => {
    const late = item(9, '2026-03-01T02:00:00Z', { firstPublishedAt: '2026-04-01T03:00:00Z', title: 'Đăng bù' });
    const record = closeQ1([...q1Items, late]);
    expect(record).toEqual({
      version: 1,
      school,
      quarter: '2026-Q1',
      status: 'covered',
      minPerQuarter: 2,
      count: 3,
      items: [
        {
          id: '1',
          collection: 'articles',
          title: 'Bài 1',
          url: '/binh-dang-gioi/bai-viet/bai-1/',
          publishedAt: '2026-01-05T02:00:00.000Z',
          firstPublishedAt: '2026-01-04T02:00:00.000Z',
        },
        {
          id: '3',
          collection: 'articles',
          title: 'Bài 3',
          url: '/binh-dang-gioi/bai-viet/bai-3/',
          publishedAt: '2026-02-10T02:00:00.000Z',
          firstPublishedAt: '2026-02-10T02:00:00.000Z', // none given: publishedAt, as the rule counts it
        },
        {
          id: 'x7',
          collection: 'model-stories',
          title: 'Bài x7',
          url: '/binh-dang-gioi/bai-viet/bai-x7/',
          publishedAt: '2026-03-20T02:00:00.000Z',
          firstPublishedAt: '2026-03-20T02:00:00.000Z',
        },
      ],
      lateItems: [
        {
          id: '9',
          collection: 'articles',
          title: 'Đăng bù',
          url: '/binh-dang-gioi/bai-viet/bai-9/',
          publishedAt: '2026-03-01T02:00:00.000Z',
          firstPublishedAt: '2026-04-01T03:00:00.000Z',
        },
      ],
      closedAt: '2026-04-02T01:00:00.000Z',
    });
  });

  it('records a missed quarter as missed', () => {
    const record = closeQ1([item(1, '2026-01-05T02:00:00Z')]);
    expect(record).toMatchObject({ status: 'missed', count: 1, lateItems: [] });
  });

  it('can be made at 1 April 00:00 in Vietnam (2026-03-31T17:00:00Z), the first instant after Q1', () => {
    const record = closeQ1(q1Items, '2026-03-31T17:00:00Z');
    expect(record).toMatchObject({ quarter: '2026-Q1', status: 'covered', closedAt: '2026-03-31T17:00:00.000Z' });
  });

  it('is refused one second earlier, on 31 March 23:59:59 in Vietnam', () => {
    const now = '2026-03-31T16:59:59Z';
    const make = () => quarterRecordFrom(reportAt(now, q1Items), '2026-Q1', school, new Date(now));
    expect(codeOf(make)).toBe('QuarterRecordNotEnded');
    expect(make).toThrow(/Quý I\/2026 \(2026-Q1\) kết thúc lúc 23:59:59 31\/03\/2026/);
  });

  it('is refused from a report made before the quarter ended, however late the job runs', () => {
    const stale = reportAt('2026-03-31T16:00:00Z', q1Items);
    const make = () => quarterRecordFrom(stale, '2026-Q1', school, new Date('2026-04-05T00:00:00Z'));
    expect(codeOf(make)).toBe('QuarterRecordNotEnded');
    expect(make).toThrow(/at 2026-03-31T16:00:00.000Z it had not ended/);
  });

  it('is refused for the quarter in progress, and for a quarter the report does not have', () => {
    const r = reportAt('2026-05-01T00:00:00Z', q1Items);
    const make = (quarter: string) => () => quarterRecordFrom(r, quarter, school, new Date('2026-05-01T00:00:00Z'));
    expect(codeOf(make('2026-Q2'))).toBe('QuarterRecordNotEnded');
    expect(codeOf(make('2025-Q3'))).toBe('QuarterRecordNotInReport'); // before the policy start
    expect(codeOf(make('2026-Q3'))).toBe('QuarterRecordNotInReport'); // after the report
    expect(codeOf(make('2026-q1'))).toBe('QuarterRecordNotInReport');
    expect(make('2025-Q3')).toThrow(/báo cáo từ 2025-Q4 đến 2026-Q2/);
  });

  it('refuses a hand-made report that calls an ended quarter in progress', () => {
    const r = reportAt('2026-05-01T00:00:00Z', []);
    const forged: CoverageReport = {
      ...r,
      quarters: r.quarters.map((q) => (q.quarter === '2026-Q1' ? { ...q, status: 'in-progress' } : q)),
    };
    const make = () => quarterRecordFrom(forged, '2026-Q1', school, new Date('2026-05-01T00:00:00Z'));
    expect(codeOf(make)).toBe('CoverageReportInconsistent');
  });

  it('sorts items by publishedAt, then collection, then id (as text), whatever order they came in', () => {
    const at = '2026-02-01T00:00:00Z';
    const same = [
      item(10, at),
      item(9, at),
      item(2, at, { collection: 'teaching-resources' }),
      item(1, at, { collection: 'model-stories' }),
      item(5, '2026-01-15T00:00:00Z'),
    ];
    const counted = ['articles', 'model-stories', 'teaching-resources'];
    const close = (items: CoverageItem[]) => {
      const r = buildCoverageReport({
        policy: { ...policy, countedCollections: counted },
        now: new Date('2026-04-02T00:00:00Z'),
        items,
      });
      return quarterRecordFrom(r, '2026-Q1', school, new Date('2026-04-02T00:00:00Z'));
    };
    const record = close(same);
    expect(record.items.map((i) => `${i.collection}/${i.id}`)).toEqual([
      'articles/5',
      'articles/10', // "10" < "9" as text: code-unit order, the same on every machine
      'articles/9',
      'model-stories/1',
      'teaching-resources/2',
    ]);
    expect(close([...same].reverse())).toEqual(record);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every level, keeps array order and writes no whitespace', () => {
    const json = canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } });
    expect(json).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson({ a: { c: 'x', d: [3, { y: null, z: true }] }, b: 1 })).toBe(json);
  });

  it('sorts keys by code unit, not by locale ("Z" before "a", "é" after "z")', () => {
    expect(canonicalJson({ é: 1, z: 2, a: 3, Z: 4 })).toBe('{"Z":4,"a":3,"z":2,"é":1}');
  });

  it('writes strings and keys in NFC, escaped as JSON', () => {
    const nfd = 'Bình đẳng giới'.normalize('NFD');
    expect(nfd).not.toBe('Bình đẳng giới');
    expect(canonicalJson({ [nfd]: nfd })).toBe(JSON.stringify({ 'Bình đẳng giới': 'Bình đẳng giới' }));
    expect(canonicalJson('dòng 1\n"trích"')).toBe('"dòng 1\\n\\"trích\\""');
  });

  it('leaves out undefined properties as JSON does, and is valid JSON', () => {
    const json = canonicalJson({ a: undefined, b: [undefined, 1.5, -0], c: 'ok' });
    expect(json).toBe('{"b":[null,1.5,0],"c":"ok"}');
    expect(JSON.parse(json)).toEqual({ b: [null, 1.5, 0], c: 'ok' });
  });

  it('refuses what JSON cannot carry exactly', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const bad of [NaN, Infinity, { at: new Date(0) }, 10n, undefined, () => 1, cycle, new Map()]) {
      expect(() => canonicalJson(bad), String(bad)).toThrow(TypeError);
    }
    expect(() => canonicalJson({ ['e\u0301']: 1, ['\u00e9']: 2 })).toThrow(/two keys/);
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });
});

describe('the record hash', () => {
  const record = closeQ1(q1Items);

  it('is the SHA-256 of these exact bytes (a format change would break every stored hash)', () => {
    const tiny: QuarterRecord = {
      version: 1,
      school: { slug: 'a', name: 'Á' },
      quarter: '2026-Q1',
      status: 'missed',
      minPerQuarter: 1,
      count: 0,
      items: [],
      lateItems: [],
      closedAt: '2026-04-01T00:00:00.000Z',
    };
    const bytes =
      '{"closedAt":"2026-04-01T00:00:00.000Z","count":0,"items":[],"lateItems":[],"minPerQuarter":1,' +
      '"quarter":"2026-Q1","school":{"name":"Á","slug":"a"},"status":"missed","version":1}';
    expect(canonicalJson(tiny)).toBe(bytes);
    expect(recordHash(tiny)).toBe(createHash('sha256').update(Buffer.from(bytes, 'utf8')).digest('hex'));
    expect(recordHash(tiny)).toBe('c1a78962d735e548e2c696aa8351633ebc28b977d3ad49cd42455d39ebc7f266');
  });

  it('does not depend on the order of the items or of any object keys', () => {
    expect(recordHash(closeQ1([...q1Items].reverse()))).toBe(recordHash(record));
    const reversedKeys = <T extends object>(o: T): T =>
      Object.fromEntries(
        Object.entries(o)
          .reverse()
          .map(([k, v]) => [k, reorder(v)]),
      ) as T;
    const reorder = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reorder) : v && typeof v === 'object' ? reversedKeys(v) : v;
    const shuffled = reversedKeys(record);
    expect(Object.keys(shuffled)[0]).toBe('closedAt');
    expect(recordHash(shuffled)).toBe(recordHash(record));
  });

  it('is the same for a title written in NFC or NFD', () => {
    const nfc = closeQ1([...q1Items, item(4, '2026-03-01T00:00:00Z', { title: 'Phòng chống bạo lực giới' })]);
    const nfd = closeQ1([
      ...q1Items,
      item(4, '2026-03-01T00:00:00Z', { title: 'Phòng chống bạo lực giới'.normalize('NFD') }),
    ]);
    expect(nfd.items.find((i) => i.id === '4')!.title).toBe('Phòng chống bạo lực giới'); // stored in NFC too
    expect(recordHash(nfd)).toBe(recordHash(nfc));
    const storedNfd = { ...nfc, school: { ...nfc.school, name: nfc.school.name.normalize('NFD') } };
    expect(recordHash(storedNfd)).toBe(recordHash(nfc));
  });

  it('changes when any field changes', () => {
    const base = recordHash(record);
    const first = record.items[0]!;
    const withItem = (patch: Partial<(typeof record.items)[number]>) => ({
      ...record,
      items: [{ ...first, ...patch }, ...record.items.slice(1)],
    });
    const changed: Record<string, QuarterRecord> = {
      'school slug': { ...record, school: { ...school, slug: 'thcs-khac' } },
      'school name': { ...record, school: { ...school, name: 'Trường THCS Nguyễn Trãi' } },
      quarter: { ...record, quarter: '2026-Q2' },
      status: { ...record, status: 'missed' },
      minPerQuarter: { ...record, minPerQuarter: record.minPerQuarter + 1 },
      count: { ...record, count: record.count + 1 },
      closedAt: { ...record, closedAt: '2026-04-02T01:00:00.001Z' },
      'an item removed': { ...record, items: record.items.slice(1) },
      'items swapped': { ...record, items: [...record.items].reverse() },
      'a late item added': { ...record, lateItems: [first] },
      'item id': withItem({ id: '99' }),
      'item collection': withItem({ collection: 'model-stories' }),
      'item title': withItem({ title: 'Bài 1 (sửa)' }),
      'item url': withItem({ url: null }),
      'item publishedAt': withItem({ publishedAt: '2026-01-05T02:00:00.001Z' }),
      'item firstPublishedAt': withItem({ firstPublishedAt: '2026-01-04T02:00:01.000Z' }),
    };
    for (const [what, other] of Object.entries(changed)) expect(recordHash(other), what).not.toBe(base);
  });
});

describe('verifying a stored record', () => {
  const record = closeQ1(q1Items);
  const hash = recordHash(record);

  it('accepts the record with its hash, in either case', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyRecord(record, hash)).toBe(true);
    expect(verifyRecord(record, hash.toUpperCase())).toBe(true);
    expect(verifyRecord(JSON.parse(JSON.stringify(record)), hash)).toBe(true); // as read back from storage
  });

  it('refuses an edited record, a malformed hash and a record that cannot be hashed', () => {
    expect(verifyRecord({ ...record, status: 'missed' }, hash)).toBe(false);
    expect(verifyRecord({ ...record, items: record.items.slice(1), count: 1 }, hash)).toBe(false);
    expect(verifyRecord(record, hash.slice(1))).toBe(false);
    expect(verifyRecord(record, ` ${hash}`)).toBe(false);
    expect(verifyRecord(record, '')).toBe(false);
    expect(verifyRecord({ ...record, minPerQuarter: NaN }, hash)).toBe(false);
  });
});

describe("comparing a closed quarter with today's data", () => {
  const closed = closeQ1([...q1Items, item(4, '2026-03-01T00:00:00Z')], '2026-04-01T00:00:00Z');
  const today = (items: CoverageItem[], p: Partial<typeof policy> = {}) =>
    compareWithToday(closed, reportAt('2026-06-01T00:00:00Z', items, p));
  const ids = (items: { id: string }[]) => items.map((i) => i.id);

  it('finds nothing when today says the same', () => {
    expect(today([...q1Items, item(4, '2026-03-01T00:00:00Z')])).toEqual({
      removed: [],
      added: [],
      statusToday: 'covered',
      statusChanged: false,
    });
  });

  it('lists items deleted, unpublished, set not to count or moved out since, and a status that changed', () => {
    const diff = today([
      item(1, '2026-01-05T02:00:00Z', { status: 'draft' }), // unpublished
      item(3, '2026-02-10T02:00:00Z', { countsTowardColumn: false }),
      item(4, '2026-04-10T00:00:00Z'), // re-dated into Q2
      // model-stories/x7 deleted
    ]);
    expect(ids(diff.removed)).toEqual(['1', '3', '4', 'x7']);
    expect(diff.removed).toEqual(closed.items);
    expect(diff).toMatchObject({ added: [], statusToday: 'missed', statusChanged: true });
  });

  it('keeps the status when enough items remain', () => {
    const diff = today([...q1Items]);
    expect(ids(diff.removed)).toEqual(['4']);
    expect(diff).toMatchObject({ statusToday: 'covered', statusChanged: false });
  });

  it('lists items counted there today that the record does not have, as recorded items', () => {
    const diff = today([
      ...q1Items,
      item(4, '2026-03-01T00:00:00Z'),
      // Moved back into Q1 after closing; first published in Q1, so it counts there today.
      item(12, '2026-03-25T00:00:00Z', { firstPublishedAt: '2026-03-02T00:00:00Z', title: 'Tuổi dậy thì' }),
      item(11, '2026-03-10T00:00:00Z'), // set to count after closing
      item(13, '2026-03-11T00:00:00Z', { firstPublishedAt: '2026-04-20T00:00:00Z' }), // back-dated: late, not counted
    ]);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual([
      expect.objectContaining({ id: '11', publishedAt: '2026-03-10T00:00:00.000Z' }),
      expect.objectContaining({ id: '12', title: 'Tuổi dậy thì', firstPublishedAt: '2026-03-02T00:00:00.000Z' }),
    ]);
    expect(diff.statusChanged).toBe(false);
  });

  it('tells items apart by collection and id: the same id in another collection is another item', () => {
    const diff = today([...q1Items, item(4, '2026-03-01T00:00:00Z', { collection: 'model-stories' })]);
    expect(diff.removed.map((i) => `${i.collection}/${i.id}`)).toEqual(['articles/4']);
    expect(diff.added.map((i) => `${i.collection}/${i.id}`)).toEqual(['model-stories/4']);
  });

  it('knows an item by its address after a restore into another database (new ids), and by its id after a slug edit', () => {
    const all = [...q1Items, item(4, '2026-03-01T00:00:00Z')];
    const restored = today(all.map((i) => ({ ...i, id: `66a1f0c2e4b0a1b2c3d4e5${String(i.id).padStart(2, '0')}` })));
    expect(restored).toMatchObject({ removed: [], added: [], statusChanged: false });
    const renamed = today(all.map((i) => ({ ...i, url: `${i.url}moi/` })));
    expect(renamed).toMatchObject({ removed: [], added: [], statusChanged: false });
    // Neither the id nor the address: another item.
    const other = today([...q1Items, item(40, '2026-03-01T00:00:00Z')]);
    expect(ids(other.removed)).toEqual(['4']);
    expect(ids(other.added)).toEqual(['40']);
  });

  it('matches numeric ids today with the string ids of the record', () => {
    const numeric = today([...q1Items, item(4, '2026-03-01T00:00:00Z')]);
    const strings = today([...q1Items.map((i) => ({ ...i, id: String(i.id) })), item('4', '2026-03-01T00:00:00Z')]);
    expect(numeric.removed).toEqual([]);
    expect(strings).toEqual(numeric);
  });

  it("says null when today's report no longer covers the quarter (its start moved later)", () => {
    expect(today(q1Items, { start: '2026-Q2' })).toEqual({
      removed: [],
      added: [],
      statusToday: null,
      statusChanged: true,
    });
  });
});

describe('which quarters the closing job must record', () => {
  it('every ended quarter since the start when nothing is recorded: a job that missed runs catches up', () => {
    expect(quartersToClose('2025-Q2', new Date('2026-05-01T00:00:00Z'), [])).toEqual([
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
    ]);
  });

  it('skips the quarters already recorded, so a second run records nothing twice', () => {
    const now = new Date('2026-05-01T00:00:00Z');
    expect(quartersToClose('2025-Q2', now, ['2025-Q3', '2025-Q2'])).toEqual(['2025-Q4', '2026-Q1']);
    expect(quartersToClose('2025-Q2', now, ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'])).toEqual([]);
  });

  it('a quarter ends at local midnight: Q1 is due at 2026-03-31T17:00:00Z, not a second before', () => {
    expect(quartersToClose('2026-Q1', new Date('2026-03-31T16:59:59Z'), [])).toEqual([]);
    expect(quartersToClose('2026-Q1', new Date('2026-03-31T17:00:00Z'), [])).toEqual(['2026-Q1']);
    expect(quartersToClose('2025-Q4', new Date('2025-12-31T17:00:00Z'), [])).toEqual(['2025-Q4']); // across the year
  });

  it('nothing before the policy start: not due, and a record of one is ignored', () => {
    expect(quartersToClose('2026-Q1', new Date('2026-07-15T00:00:00Z'), ['2025-Q3', '2025-Q4'])).toEqual([
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(quartersToClose('2026-Q2', new Date('2026-05-01T00:00:00Z'), [])).toEqual([]); // start is the current quarter
    expect(quartersToClose('2027-Q1', new Date('2026-05-01T00:00:00Z'), [])).toEqual([]);
  });

  it('refuses a malformed start or an invalid now', () => {
    expect(codeOf(() => quartersToClose('2026Q1', new Date('2026-05-01T00:00:00Z'), []))).toBe('CoverageBadStart');
    expect(codeOf(() => quartersToClose('2026-Q1', new Date('soon'), []))).toBe('CoverageBadNow');
  });

  it('every quarter it names can be recorded from a report made at that moment', () => {
    const now = new Date('2026-04-01T08:00:00Z');
    const report = buildCoverageReport({ policy, now, items: q1Items });
    const records = quartersToClose(policy.start, now, []).map((q) => quarterRecordFrom(report, q, school, now));
    expect(records.map((r) => `${r.quarter}:${r.status}`)).toEqual(['2025-Q4:missed', '2026-Q1:covered']);
  });
});

describe("the closing job's daily run", () => {
  const next = (at: string) => nextClosingRun(new Date(at)).toISOString();

  it('is 00:05 Vietnam time (17:05 UTC the day before), the next one strictly after the moment', () => {
    expect(next('2026-03-31T12:00:00Z')).toBe('2026-03-31T17:05:00.000Z'); // 19:00 in Vietnam: tonight
    expect(next('2026-03-31T17:04:59.999Z')).toBe('2026-03-31T17:05:00.000Z');
    expect(next('2026-03-31T17:05:00Z')).toBe('2026-04-01T17:05:00.000Z'); // at the run: the next day's
    expect(next('2026-03-31T17:30:00Z')).toBe('2026-04-01T17:05:00.000Z'); // 00:30 on 1 April in Vietnam
    expect(next('2026-12-31T16:59:00Z')).toBe('2026-12-31T17:05:00.000Z'); // into the new year
  });

  it('runs after every quarter has ended, with the quarter it closes already due', () => {
    const run = nextClosingRun(new Date('2026-03-31T16:00:00Z'));
    expect(quartersToClose('2026-Q1', run, [])).toEqual(['2026-Q1']);
  });

  it('refuses an invalid moment', () => {
    expect(codeOf(() => nextClosingRun(new Date('soon')))).toBe('CoverageBadNow');
  });
});

describe('a closed quarter shown from its record', () => {
  const closed = closeQ1([...q1Items, item(4, '2026-03-01T00:00:00Z')], '2026-04-01T00:00:00Z');
  const later = (items: CoverageItem[]) => reportAt('2026-06-01T00:00:00Z', items);

  it('keeps the recorded result and items when today agrees', () => {
    const today = later([...q1Items, item(4, '2026-03-01T00:00:00Z')]);
    const { report, differs, unverified } = applyRecords(today, [{ record: closed, verified: true }]);
    expect(differs).toEqual([]);
    expect(unverified).toEqual([]);
    const q1 = report.quarters.find((q) => q.quarter === '2026-Q1')!;
    expect(q1).toMatchObject({ status: closed.status, count: closed.count, items: closed.items });
    // Quarters without a record are today's.
    expect(report.quarters.find((q) => q.quarter === '2026-Q2')).toEqual(
      today.quarters.find((q) => q.quarter === '2026-Q2'),
    );
  });

  it('shows the record, flagged, when an item was unpublished or deleted afterwards', () => {
    const today = later([item(3, '2026-02-10T02:00:00Z')]); // the others unpublished or deleted since
    const { report, differs } = applyRecords(today, [{ record: closed, verified: true }]);
    expect(differs).toEqual(['2026-Q1']);
    const q1 = report.quarters.find((q) => q.quarter === '2026-Q1')!;
    expect(q1.status).toBe(closed.status);
    expect(q1.items).toHaveLength(closed.items.length);
    expect(report.summary.missedQuarters).not.toContain('2026-Q1');
    expect(today.summary.missedQuarters).toContain('2026-Q1');
  });

  it('does not trust a record whose hash no longer matches: today stays, the quarter is flagged', () => {
    const today = later([item(3, '2026-02-10T02:00:00Z')]);
    const { report, differs, unverified } = applyRecords(today, [{ record: closed, verified: false }]);
    expect(unverified).toEqual(['2026-Q1']);
    expect(differs).toEqual(['2026-Q1']);
    expect(report.quarters).toEqual(today.quarters);
  });
});
