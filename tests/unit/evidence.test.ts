import { describe, expect, it } from 'vitest';

import { buildCoverageReport, type CoverageItem } from '../../src/domain/coverage';
import {
  EVIDENCE_COLUMNS,
  EVIDENCE_LABELS,
  type EvidenceRecordInput,
  evidenceFileName,
  evidenceSheets,
  parseEvidenceYear,
  schoolEvidence,
  SUMMARY_SHEET_NAME,
} from '../../src/domain/evidence';
import { quarterRecordFrom, recordHash } from '../../src/domain/quarter-record';

const school = {
  slug: 'thcs-nguyen-du',
  name: 'Trường THCS Nguyễn Du',
  district: 'Quận Hoàn Kiếm',
  address: 'https://thcs-nguyen-du.edu.vn/binh-dang-gioi/',
};

const item = (id: number, publishedAt: string, extra: Partial<CoverageItem> = {}): CoverageItem => ({
  id,
  collection: 'articles',
  title: `Bài ${id}`,
  status: 'published',
  publishedAt,
  countsTowardColumn: true,
  url: `/binh-dang-gioi/bai-viet/bai-${id}/`,
  ...extra,
});

const reportAt = (now: string, items: CoverageItem[], start = '2025-Q1') =>
  buildCoverageReport({
    policy: { start, minPerQuarter: 1, countedCollections: ['articles'] },
    now: new Date(now),
    items,
    school: { name: school.name, district: school.district },
  });

/** The records the closing job would have made at `closedAt` from `items`, each with its real hash. */
function closedAt(closed: string, items: CoverageItem[], quarters: string[], start = '2025-Q1'): EvidenceRecordInput[] {
  const report = reportAt(closed, items, start);
  return quarters.map((quarter) => {
    const record = quarterRecordFrom(report, quarter, school, new Date(closed));
    return { record, hash: recordHash(record), verified: true };
  });
}

// 2025: Q1 and Q2 and Q4 kept, Q3 missed with one item first published late.
const items2025 = [
  item(1, '2025-02-10T02:00:00Z'),
  item(2, '2025-05-10T02:00:00Z', { title: 'Ngày hội “Bạn trai, bạn gái”' }),
  item(3, '2025-08-10T02:00:00Z', { firstPublishedAt: '2025-10-05T02:00:00Z', title: 'Đăng bù' }),
  item(4, '2025-11-10T02:00:00Z'),
];
const ALL_2025 = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const records2025 = closedAt('2026-01-01T00:00:00Z', items2025, ALL_2025);
const evidenceOf = (year: number, now: string, records = records2025, items = items2025, start = '2025-Q1') =>
  schoolEvidence({ school, year, today: reportAt(now, items, start), records });

describe('a school’s evidence for a year', () => {
  it('gives each quarter’s status, counted and late items, and its record with the hash', () => {
    const e = evidenceOf(2025, '2026-03-01T00:00:00Z');
    expect(e.summary).toBe('3/4 quý đạt');
    expect(e.tally).toEqual({ ended: 4, covered: 3, missed: 1, current: 0, future: 0 });
    expect(e.quarters.map((q) => [q.quarter, q.label, q.phase, q.statusText, q.count])).toEqual([
      ['2025-Q1', 'Quý I/2025', 'ended', 'Đạt', 1],
      ['2025-Q2', 'Quý II/2025', 'ended', 'Đạt', 1],
      ['2025-Q3', 'Quý III/2025', 'ended', 'Bỏ lỡ', 0],
      ['2025-Q4', 'Quý IV/2025', 'ended', 'Đạt', 1],
    ]);
    const q2 = e.quarters[1]!;
    expect(q2.items).toEqual([
      {
        title: 'Ngày hội “Bạn trai, bạn gái”',
        address: 'https://thcs-nguyen-du.edu.vn/binh-dang-gioi/bai-viet/bai-2/',
        publishedAt: '2025-05-10T02:00:00.000Z',
        firstPublishedAt: '2025-05-10T02:00:00.000Z',
      },
    ]);
    expect(q2.record).toEqual({
      closedAt: '2026-01-01T00:00:00.000Z',
      hash: records2025[1]!.hash,
      verified: true,
    });
    expect(q2.record?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(q2.notes).toEqual([]);
    const q3 = e.quarters[2]!;
    expect(q3.items).toEqual([]);
    expect(q3.lateItems.map((i) => [i.title, i.firstPublishedAt])).toEqual([['Đăng bù', '2025-10-05T02:00:00.000Z']]);
  });

  it('leaves out a year before the reporting start, saying so', () => {
    const e = evidenceOf(2024, '2026-03-01T00:00:00Z');
    expect(e.quarters).toEqual([]);
    expect(e.summary).toBe('Năm 2024 trước kỳ báo cáo (trường theo dõi từ Quý I/2025).');
  });

  it('lists only the quarters from a start within the year', () => {
    const records = closedAt('2026-01-01T00:00:00Z', items2025, ['2025-Q3', '2025-Q4'], '2025-Q3');
    const e = evidenceOf(2025, '2026-03-01T00:00:00Z', records, items2025, '2025-Q3');
    expect(e.quarters.map((q) => q.quarter)).toEqual(['2025-Q3', '2025-Q4']);
    expect(e.summary).toBe('1/2 quý đạt (theo dõi từ Quý III/2025)');
  });

  it('says "đang diễn ra" and "chưa đến" in the current year', () => {
    const items = [...items2025, item(5, '2026-02-01T02:00:00Z')];
    const records = [...records2025, ...closedAt('2026-04-01T00:00:00Z', items, ['2026-Q1'])];
    const e = evidenceOf(2026, '2026-05-20T03:00:00Z', records, items);
    expect(e.quarters.map((q) => [q.quarter, q.phase, q.status, q.count, q.record?.verified ?? null])).toEqual([
      ['2026-Q1', 'ended', 'covered', 1, true],
      ['2026-Q2', 'current', 'in-progress', 0, null],
      ['2026-Q3', 'future', null, null, null],
      ['2026-Q4', 'future', null, null, null],
    ]);
    expect(e.quarters[1]!.statusText).toBe('Đang diễn ra (đã có 0/1 bài, còn 42 ngày)');
    expect(e.quarters[2]!.statusText).toBe('Chưa đến');
    expect(e.summary).toBe('1/1 quý đạt · 1 quý đang diễn ra · 2 quý chưa đến');
    // A year that has not begun is nothing but "chưa đến".
    expect(evidenceOf(2027, '2026-05-20T03:00:00Z', records, items).summary).toBe(
      'Chưa có quý nào kết thúc · 4 quý chưa đến',
    );
  });

  it('does not use a record whose hash fails, and says so', () => {
    const tampered = records2025.map((r) =>
      r.record.quarter === '2025-Q3'
        ? { ...r, record: { ...r.record, status: 'covered' as const }, verified: false }
        : r,
    );
    const q3 = evidenceOf(2025, '2026-03-01T00:00:00Z', tampered).quarters[2]!;
    // Today's data, not the edited record.
    expect(q3.status).toBe('missed');
    expect(q3.record).toEqual({ closedAt: '2026-01-01T00:00:00.000Z', hash: records2025[2]!.hash, verified: false });
    expect(q3.differsFromToday).toBe(false);
    expect(q3.notes).toEqual([expect.stringContaining('không khớp mã SHA-256')]);
  });

  it('keeps a quarter recorded missed when today it is covered, and flags the difference', () => {
    // Back-dated into Q3 after the record, first published within Q3 by an import.
    const backDated = item(9, '2025-09-01T02:00:00Z', { firstPublishedAt: '2025-09-01T02:00:00Z' });
    const q3 = evidenceOf(2025, '2026-03-01T00:00:00Z', records2025, [...items2025, backDated]).quarters[2]!;
    expect(q3.status).toBe('missed');
    expect(q3.statusText).toBe('Bỏ lỡ');
    expect(q3.items).toEqual([]);
    expect(q3.differsFromToday).toBe(true);
    expect(q3.notes).toEqual([
      'Số liệu hôm nay khác biên bản (hôm nay là "Đạt"; 1 bài được tính thêm sau khi chốt); kết quả theo biên bản đã chốt.',
    ]);
  });

  it('flags an ended quarter that has no record yet', () => {
    const records = records2025.filter((r) => r.record.quarter !== '2025-Q4');
    const q4 = evidenceOf(2025, '2026-01-01T00:03:00Z', records).quarters[3]!;
    expect(q4.record).toBeNull();
    expect(q4.status).toBe('covered');
    expect(q4.notes).toEqual([expect.stringContaining('chưa có biên bản chốt')]);
  });

  it('makes a year with no items at all: every quarter missed, nothing listed', () => {
    const records = closedAt('2026-01-01T00:00:00Z', [], ALL_2025);
    const e = evidenceOf(2025, '2026-03-01T00:00:00Z', records, []);
    expect(e.summary).toBe('0/4 quý đạt');
    expect(e.quarters.every((q) => q.items.length === 0 && q.lateItems.length === 0 && q.status === 'missed')).toBe(
      true,
    );
    const [sheet] = evidenceSheets([e], { year: 2025, generatedAt: '2026-03-01T00:00:00Z', all: false });
    // One row per quarter even without items, with its record.
    expect(sheet!.rows).toHaveLength(4);
    expect(sheet!.rows[0]).toEqual([
      'Quý I/2025',
      'Bỏ lỡ',
      0,
      null,
      null,
      null,
      null,
      null,
      '07:00 01/01/2026',
      records[0]!.hash,
      'khớp',
      null,
    ]);
  });
});

describe('the evidence workbook’s rows', () => {
  const e = evidenceOf(2025, '2026-03-01T00:00:00Z');
  const at = '2026-03-02T01:30:00Z';

  it('has one school’s sheet: heading, one row per item, the hash and its check', () => {
    const [sheet, ...rest] = evidenceSheets([e], { year: 2025, generatedAt: at, all: false });
    expect(rest).toEqual([]);
    expect(sheet!.name).toBe('Trường THCS Nguyễn Du');
    expect(sheet!.heading).toEqual([
      'Minh chứng duy trì chuyên mục Bình đẳng giới – Năm 2025',
      'Trường THCS Nguyễn Du – Quận Hoàn Kiếm',
      'Địa chỉ chuyên mục: https://thcs-nguyen-du.edu.vn/binh-dang-gioi/',
      'In lúc 08:30 02/03/2026 (giờ Việt Nam)',
      '3/4 quý đạt',
    ]);
    expect(sheet!.header).toEqual([...EVIDENCE_COLUMNS]);
    expect(sheet!.rows.map((r) => [r[0], r[1], r[3], r[4], r[6], r[9]])).toEqual([
      ['Quý I/2025', 'Đạt', 'được tính', 'Bài 1', '10/02/2025', records2025[0]!.hash],
      ['Quý II/2025', 'Đạt', 'được tính', 'Ngày hội “Bạn trai, bạn gái”', '10/05/2025', records2025[1]!.hash],
      ['Quý III/2025', 'Bỏ lỡ', 'đăng muộn (không tính)', 'Đăng bù', '05/10/2025', records2025[2]!.hash],
      ['Quý IV/2025', 'Đạt', 'được tính', 'Bài 4', '10/11/2025', records2025[3]!.hash],
    ]);
    expect(sheet!.footer).toEqual([EVIDENCE_LABELS.hashRule]);
  });

  it('for every school: a summary sheet first, then each school, names fit for Excel and unique', () => {
    const long = { ...school, slug: 'x', name: 'Trường Tiểu học và THCS Nguyễn Du: cơ sở [2] / phân hiệu' };
    const failed = {
      school: { ...school, slug: 'y', name: 'Trường THCS Nguyễn Du' },
      year: 2025,
      error: 'Lỗi cài đặt',
    };
    const sheets = evidenceSheets([e, { ...e, school: long }, failed], { year: 2025, generatedAt: at, all: true });
    expect(sheets.map((s) => s.name)).toEqual([
      SUMMARY_SHEET_NAME,
      'Trường THCS Nguyễn Du',
      'Trường Tiểu học và THCS Nguyễn',
      'Trường THCS Nguyễn Du (2)',
    ]);
    for (const s of sheets) expect(s.name.length).toBeLessThanOrEqual(31);
    const summary = sheets[0]!;
    expect(summary.header).toEqual([
      'Trường',
      'Huyện/Quận',
      'Quý I/2025',
      'Quý II/2025',
      'Quý III/2025',
      'Quý IV/2025',
      'Kết quả năm',
      'Địa chỉ chuyên mục',
    ]);
    expect(summary.rows[0]).toEqual([
      'Trường THCS Nguyễn Du',
      'Quận Hoàn Kiếm',
      'Đạt (1)',
      'Đạt (1)',
      'Bỏ lỡ (0)',
      'Đạt (1)',
      '3/4 quý đạt',
      school.address,
    ]);
    expect(summary.rows[2]!.slice(2, 7)).toEqual(['—', '—', '—', '—', 'Lỗi cài đặt']);
    expect(summary.heading[3]).toBe('0/3 trường đạt mọi quý đã kết thúc');
    expect(sheets[3]!.rows).toEqual([]);
    expect(sheets[3]!.heading[4]).toBe('Lỗi cài đặt');
  });

  it('marks quarters outside the reporting period and a failing hash in the summary', () => {
    const records = closedAt('2026-01-01T00:00:00Z', items2025, ['2025-Q3', '2025-Q4'], '2025-Q3').map((r, i) =>
      i === 1 ? { ...r, verified: false } : r,
    );
    const late = evidenceOf(2025, '2026-03-01T00:00:00Z', records, items2025, '2025-Q3');
    const [summary] = evidenceSheets([late], { year: 2025, generatedAt: at, all: true });
    expect(summary!.rows[0]!.slice(2, 6)).toEqual([
      'ngoài kỳ báo cáo',
      'ngoài kỳ báo cáo',
      'Bỏ lỡ (0)',
      'Đạt (1) ⚠ mã không khớp',
    ]);
  });
});

describe('the evidence’s address and file name', () => {
  it('reads a four-digit year and nothing else', () => {
    expect(parseEvidenceYear('2025')).toBe(2025);
    expect(parseEvidenceYear(['2024', '2025'])).toBe(2024);
    for (const bad of [undefined, '', '25', '2025-Q1', ' 2025', 2025]) expect(parseEvidenceYear(bad)).toBeNull();
  });

  it('names the download in Vietnamese with an ASCII fallback', () => {
    expect(evidenceFileName({ school, year: 2025 })).toEqual({
      utf8: 'Minh chứng Bình đẳng giới Trường THCS Nguyễn Du năm 2025.xlsx',
      ascii: 'minh-chung-binh-dang-gioi-truong-thcs-nguyen-du-nam-2025.xlsx',
    });
    expect(evidenceFileName({ year: 2025 }).ascii).toBe('minh-chung-binh-dang-gioi-cac-truong-nam-2025.xlsx');
  });
});
