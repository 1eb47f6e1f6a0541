/**
 * A school's evidence for one year: what it attaches to its annual report to
 * the Phòng GD&ĐT. Each quarter of the year the school reports on, in words:
 * its status, the items that counted (title, address, first publication),
 * the late ones, and the closed quarter's record with its SHA-256 and whether
 * that hash still verifies. Also the same evidence as workbook rows (the
 * exceljs writer in src/district/evidence-workbook.ts only lays them out).
 *
 * Pure. Closed quarters come from their records through `applyRecords`, so the
 * evidence says what the dashboard says: a verified record wins over today's
 * data and the difference is flagged; a record whose hash fails is not used
 * and says so.
 */
import type { CoverageReport, CoverageStatus, ReportedItem } from './coverage';
import { STATUS_LABELS } from './coverage-format';
import { publicHref } from './district-view';
import { applyRecords, compareWithToday, type QuarterRecord } from './quarter-record';
import { compareQuarters, parseQuarterId, quarterLabel } from './quarters';
import { slugify } from './slug';
import { formatVietnamDate, formatVietnamDateTime } from './vietnam-time';

/** A stored record as the evidence needs it: the record, its stored hash, and whether the hash matches. */
export type EvidenceRecordInput = { record: QuarterRecord; hash: string; verified: boolean };

export type EvidenceItem = {
  title: string;
  /** Where a reader finds it (absolute, http(s) only); null when unknown. */
  address: string | null;
  publishedAt: string;
  firstPublishedAt: string;
};

/** `ended`: the quarter is over; `current`: it is going on; `future`: it has not begun. */
export type EvidencePhase = 'ended' | 'current' | 'future';

export type EvidenceQuarter = {
  quarter: string;
  /** "Quý I/2025" */
  label: string;
  phase: EvidencePhase;
  /** The status the evidence gives (the record's for a verified closed quarter); null for a future quarter. */
  status: CoverageStatus | null;
  /** The status in words: "Đạt", "Bỏ lỡ", "Đang diễn ra", "Chưa đến". */
  statusText: string;
  /** Items counted (null for a future quarter). */
  count: number | null;
  items: EvidenceItem[];
  lateItems: EvidenceItem[];
  /** The closed quarter's record; null when none is stored (yet). */
  record: { closedAt: string; hash: string; verified: boolean } | null;
  /** A verified record whose result today's data no longer gives (status, or items counted then and not now). */
  differsFromToday: boolean;
  /** What a reader must know beside the status, in words (the record's state, today's difference). */
  notes: string[];
};

export type EvidenceSchool = { slug: string; name: string; district: string; address: string };

export type SchoolEvidence = {
  school: EvidenceSchool;
  year: number;
  /** When the evidence was made: the coverage report's `generatedAt`. */
  generatedAt: string;
  /** The school's first reported quarter. */
  trackedFrom: string;
  minPerQuarter: number;
  /** The year's quarters from the reporting start on (none when the whole year is before it). */
  quarters: EvidenceQuarter[];
  tally: { ended: number; covered: number; missed: number; current: number; future: number };
  /** "3/4 quý đạt", with the current and future quarters and the reporting start when they matter. */
  summary: string;
};

/** A school whose evidence could not be made (its settings are refused, its data unreadable). */
export type EvidenceFailure = { school: EvidenceSchool; year: number; error: string };

export type EvidenceEntry = SchoolEvidence | EvidenceFailure;

export const isEvidenceFailure = (entry: EvidenceEntry): entry is EvidenceFailure => 'error' in entry;

/** The fixed words of the page and the workbook. */
export const EVIDENCE_LABELS = {
  title: 'Minh chứng duy trì chuyên mục Bình đẳng giới',
  allSchools: 'Tất cả các trường',
  quarter: 'Quý',
  status: 'Trạng thái',
  count: 'Số bài được tính',
  kind: 'Loại',
  counted: 'được tính',
  late: 'đăng muộn (không tính)',
  itemTitle: 'Tên bài',
  address: 'Địa chỉ',
  firstPublished: 'Xuất bản lần đầu',
  published: 'Ngày đăng',
  closedAt: 'Chốt lúc',
  hash: 'Mã SHA-256 của biên bản',
  verified: 'Kiểm tra mã',
  notes: 'Ghi chú',
  school: 'Trường',
  district: 'Huyện/Quận',
  summary: 'Kết quả năm',
  columnAddress: 'Địa chỉ chuyên mục',
  noItems: 'Không có bài nào được tính.',
  noLateItems: 'Không có bài đăng muộn.',
  hashOk: 'khớp',
  hashBad: 'KHÔNG khớp',
  notTracked: 'ngoài kỳ báo cáo',
  hashRule:
    'Mã SHA-256 được tính trên nội dung biên bản (JSON chuẩn hóa) lúc chốt quý; ai cũng có thể tính lại để kiểm tra biên bản không bị sửa.',
} as const;

export const PHASE_TEXT = { current: 'Đang diễn ra', future: 'Chưa đến' } as const;

const NOTES = {
  unclosed: 'Quý đã kết thúc nhưng chưa có biên bản chốt; kết quả theo số liệu hôm nay.',
  unverified:
    'Biên bản đã chốt không khớp mã SHA-256 (nội dung đã bị thay đổi): không dùng được làm minh chứng; kết quả theo số liệu hôm nay.',
} as const;

/** "Số liệu hôm nay khác biên bản: …" for a verified record that today's data no longer gives. */
function differenceNote(record: QuarterRecord, today: CoverageReport): string {
  const diff = compareWithToday(record, today);
  const parts: string[] = [];
  if (diff.statusToday === null) parts.push('hôm nay quý không còn trong kỳ báo cáo');
  else if (diff.statusChanged) parts.push(`hôm nay là "${STATUS_LABELS[diff.statusToday]}"`);
  if (diff.removed.length) parts.push(`${diff.removed.length} bài trong biên bản không còn được tính`);
  if (diff.added.length) parts.push(`${diff.added.length} bài được tính thêm sau khi chốt`);
  return `Số liệu hôm nay khác biên bản (${parts.join('; ')}); kết quả theo biên bản đã chốt.`;
}

const evidenceItems = (items: readonly ReportedItem[], base: string): EvidenceItem[] =>
  items.map((item) => ({
    title: item.title,
    address: publicHref(item.url, base),
    publishedAt: item.publishedAt,
    firstPublishedAt: item.firstPublishedAt,
  }));

const yearQuarters = (year: number) => [1, 2, 3, 4].map((n) => `${year}-Q${n}`);

function summaryOf(tally: SchoolEvidence['tally'], year: number, trackedFrom: string, listed: number): string {
  const start = parseQuarterId(trackedFrom);
  // Only a year wholly before the start lists no quarter: a later one lists its quarters as "chưa đến".
  if (listed === 0) return `Năm ${year} trước kỳ báo cáo (trường theo dõi từ ${quarterLabel(trackedFrom)}).`;
  const parts = [
    tally.ended === 0 ? 'Chưa có quý nào kết thúc' : `${tally.covered}/${tally.ended} quý đạt`,
    ...(tally.current ? [`${tally.current} quý đang diễn ra`] : []),
    ...(tally.future ? [`${tally.future} quý chưa đến`] : []),
  ];
  const from = start.year === year && start.quarter > 1 ? ` (theo dõi từ ${quarterLabel(trackedFrom)})` : '';
  return `${parts.join(' · ')}${from}`;
}

/**
 * The evidence of `year` for one school, from its coverage report made today
 * (`today`, not yet with its records applied) and its stored records. A
 * quarter before the reporting start is left out; a quarter after the
 * report's last (the current) one is "chưa đến".
 */
export function schoolEvidence(input: {
  school: EvidenceSchool;
  year: number;
  today: CoverageReport;
  records: readonly EvidenceRecordInput[];
}): SchoolEvidence {
  const { school, year, today, records } = input;
  const { report, differs, unverified } = applyRecords(today, records);
  const byQuarter = new Map(report.quarters.map((q) => [q.quarter, q]));
  const recordOf = new Map(records.map((r) => [r.record?.quarter, r]));
  const start = parseQuarterId(report.policy.start);
  const last = report.quarters.at(-1)!.quarter;
  const tally = { ended: 0, covered: 0, missed: 0, current: 0, future: 0 };
  const quarters: EvidenceQuarter[] = [];
  for (const id of yearQuarters(year)) {
    if (compareQuarters(parseQuarterId(id), start) < 0) continue;
    const q = byQuarter.get(id);
    const label = quarterLabel(id);
    if (!q) {
      tally.future += 1;
      const base = { quarter: id, label, phase: 'future' as const, status: null, count: null };
      quarters.push({
        ...base,
        statusText: PHASE_TEXT.future,
        items: [],
        lateItems: [],
        record: null,
        differsFromToday: false,
        notes: [],
      });
      continue;
    }
    // A report runs from the start to the quarter holding its `now`: its last quarter is the current one.
    const phase: EvidencePhase = id === last ? 'current' : 'ended';
    const stored = recordOf.get(id);
    const notes: string[] = [];
    const isUnverified = unverified.includes(id);
    const differsFromToday = !isUnverified && differs.includes(id);
    if (phase === 'ended') {
      tally.ended += 1;
      if (q.status === 'covered') tally.covered += 1;
      else tally.missed += 1;
      if (!stored) notes.push(NOTES.unclosed);
      else if (isUnverified) notes.push(NOTES.unverified);
      else if (differsFromToday) notes.push(differenceNote(stored.record, today));
    } else {
      tally.current += 1;
    }
    quarters.push({
      quarter: id,
      label,
      phase,
      status: q.status,
      statusText:
        phase === 'current'
          ? `${PHASE_TEXT.current} (đã có ${q.count}/${report.policy.minPerQuarter} bài, còn ${q.daysLeft} ngày)`
          : STATUS_LABELS[q.status],
      count: q.count,
      items: evidenceItems(q.items, school.address),
      lateItems: evidenceItems(q.lateItems, school.address),
      record: stored
        ? { closedAt: stored.record?.closedAt ?? '', hash: stored.hash, verified: !isUnverified && stored.verified }
        : null,
      differsFromToday,
      notes,
    });
  }
  return {
    school,
    year,
    generatedAt: today.generatedAt,
    trackedFrom: report.policy.start,
    minPerQuarter: report.policy.minPerQuarter,
    quarters,
    tally,
    summary: summaryOf(tally, year, report.policy.start, quarters.length),
  };
}

// ── The workbook's rows ──

export type Cell = string | number | null;
export type EvidenceSheet = {
  name: string;
  /** Lines above the table: title, school, address, date, summary. */
  heading: string[];
  header: string[];
  rows: Cell[][];
  /** Lines below the table. */
  footer: string[];
};

export const SUMMARY_SHEET_NAME = 'Tổng hợp';

/** The per-school table's columns, in order. */
export const EVIDENCE_COLUMNS = [
  EVIDENCE_LABELS.quarter,
  EVIDENCE_LABELS.status,
  EVIDENCE_LABELS.count,
  EVIDENCE_LABELS.kind,
  EVIDENCE_LABELS.itemTitle,
  EVIDENCE_LABELS.address,
  EVIDENCE_LABELS.firstPublished,
  EVIDENCE_LABELS.published,
  EVIDENCE_LABELS.closedAt,
  EVIDENCE_LABELS.hash,
  EVIDENCE_LABELS.verified,
  EVIDENCE_LABELS.notes,
] as const;

export const closedAtText = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : formatVietnamDateTime(iso));
export const hashCheckText = (verified: boolean) => (verified ? EVIDENCE_LABELS.hashOk : EVIDENCE_LABELS.hashBad);
export const printedAtText = (at: Date | string) => `In lúc ${formatVietnamDateTime(at)} (giờ Việt Nam)`;
export const evidenceTitle = (year: number) => `${EVIDENCE_LABELS.title} – Năm ${year}`;

/** One row per item (counted, then late); a quarter with none still has its row. */
function quarterRows(q: EvidenceQuarter): Cell[][] {
  const recordCells: Cell[] = q.record
    ? [closedAtText(q.record.closedAt), q.record.hash, hashCheckText(q.record.verified)]
    : [null, null, null];
  const lead: Cell[] = [q.label, q.statusText, q.count];
  const note = q.notes.join(' ') || null;
  const itemRow = (item: EvidenceItem, kind: string): Cell[] => [
    ...lead,
    kind,
    item.title,
    item.address,
    formatVietnamDate(item.firstPublishedAt),
    formatVietnamDate(item.publishedAt),
    ...recordCells,
    note,
  ];
  const rows = [
    ...q.items.map((item) => itemRow(item, EVIDENCE_LABELS.counted)),
    ...q.lateItems.map((item) => itemRow(item, EVIDENCE_LABELS.late)),
  ];
  return rows.length ? rows : [[...lead, null, null, null, null, null, ...recordCells, note]];
}

function schoolHeading(e: EvidenceEntry, generatedAt: Date | string): string[] {
  return [
    evidenceTitle(e.year),
    [e.school.name, e.school.district].filter(Boolean).join(' – '),
    `${EVIDENCE_LABELS.columnAddress}: ${e.school.address}`,
    printedAtText(generatedAt),
    isEvidenceFailure(e) ? e.error : e.summary,
  ];
}

// Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], not blank, unique ignoring case.
const SHEET_NAME_MAX = 31;
function sheetNames(names: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  return names.map((raw) => {
    const clean =
      raw
        .replace(/[:\\/?*[\]]/g, ' ')
        .replace(/\s+/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim() || 'Trường';
    let name = clean.slice(0, SHEET_NAME_MAX).trim();
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${clean.slice(0, SHEET_NAME_MAX - suffix.length).trim()}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** One school's sheet: its quarters as rows. */
function schoolSheet(e: EvidenceEntry, name: string, generatedAt: Date | string): EvidenceSheet {
  return {
    name,
    heading: schoolHeading(e, generatedAt),
    header: [...EVIDENCE_COLUMNS],
    rows: isEvidenceFailure(e) ? [] : e.quarters.flatMap(quarterRows),
    footer: [EVIDENCE_LABELS.hashRule],
  };
}

/** The summary's cell for one quarter of one school. */
function summaryCell(e: EvidenceEntry, quarter: string): string {
  if (isEvidenceFailure(e)) return '—';
  const q = e.quarters.find((x) => x.quarter === quarter);
  if (!q) return EVIDENCE_LABELS.notTracked;
  const flag = q.record && !q.record.verified ? ' ⚠ mã không khớp' : q.differsFromToday ? ' ⚠ khác hôm nay' : '';
  return q.phase === 'ended'
    ? `${q.statusText} (${q.count})${flag}`
    : q.phase === 'current'
      ? PHASE_TEXT.current
      : q.statusText;
}

/**
 * The workbook's sheets: one school's sheet, or (`all`) a summary sheet (one
 * row per school, a column per quarter) then one sheet per school.
 */
export function evidenceSheets(
  entries: readonly EvidenceEntry[],
  options: { year: number; generatedAt: Date | string; all: boolean },
): EvidenceSheet[] {
  const names = sheetNames(
    entries.map((e) => e.school.name),
    options.all ? [SUMMARY_SHEET_NAME] : [],
  );
  const schools = entries.map((e, i) => schoolSheet(e, names[i]!, options.generatedAt));
  if (!options.all) return schools;
  const quarters = yearQuarters(options.year);
  const summary: EvidenceSheet = {
    name: SUMMARY_SHEET_NAME,
    heading: [
      evidenceTitle(options.year),
      EVIDENCE_LABELS.allSchools,
      printedAtText(options.generatedAt),
      `${entries.filter((e) => !isEvidenceFailure(e) && e.tally.ended > 0 && e.tally.missed === 0).length}/${entries.length} trường đạt mọi quý đã kết thúc`,
    ],
    header: [
      EVIDENCE_LABELS.school,
      EVIDENCE_LABELS.district,
      ...quarters.map((q) => quarterLabel(q)),
      EVIDENCE_LABELS.summary,
      EVIDENCE_LABELS.columnAddress,
    ],
    rows: entries.map((e) => [
      e.school.name,
      e.school.district || null,
      ...quarters.map((q) => summaryCell(e, q)),
      isEvidenceFailure(e) ? e.error : e.summary,
      e.school.address,
    ]),
    footer: [EVIDENCE_LABELS.hashRule],
  };
  return [summary, ...schools];
}

/** The download's name: Vietnamese in `filename*`, its slug in `filename`. */
export function evidenceFileName(scope: { school?: { name: string }; year: number }): { utf8: string; ascii: string } {
  const base = `Minh chứng Bình đẳng giới ${scope.school?.name ?? 'các trường'} năm ${scope.year}`;
  return { utf8: `${base}.xlsx`, ascii: `${slugify(base)}.xlsx` };
}

/** A year as an address gives it: four digits, else null. */
export function parseEvidenceYear(raw: unknown): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : null;
}
