import ExcelJS from 'exceljs';
import { handleEndpoints, type TypedUser } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closedRecords, closeEndedQuarters } from '../../src/cms/district/close-quarters';
import { districtEvidence } from '../../src/cms/district/evidence-data';
import { IMPORT_FIRST_PUBLISHED_AT } from '../../src/cms/fields/publication';
import { SKIP_SITE_REBUILD } from '../../src/cms/site-build/hooks';
import {
  EVIDENCE_COLUMNS,
  type EvidenceEntry,
  isEvidenceFailure,
  type SchoolEvidence,
  SUMMARY_SHEET_NAME,
} from '../../src/domain/evidence';
import { type Quarter, quarterId, quarterLabel, quarterOf, quarterStart } from '../../src/domain/quarters';
import { formatVietnamDate, formatVietnamDateTime } from '../../src/domain/vietnam-time';
import { headerRowOf } from '../../src/district/evidence-workbook';
import { renderMessage } from '../../src/messages/catalogue';
import type { School } from '../../src/payload-types';
import { settings } from '../../src/settings';
import { backend, backendLabel, startTestCms, type TestCms } from '../support/cms';
import { restLogin } from '../support/rest';

/**
 * A school's evidence for the annual report from the CMS: the closed
 * quarter's record and its hash, the counted and late items, as data and as
 * the workbook read back with exceljs; who may have it (docs/ACCESS.md:
 * the school's own admins, district officers, platform admins).
 */

const PASSWORD = 'mat-khau-thu-nghiem-1';
const now = new Date();
const current = quarterOf(now);
const previous: Quarter =
  current.quarter === 1
    ? { year: current.year - 1, quarter: 4 }
    : { year: current.year, quarter: (current.quarter - 1) as 1 | 2 | 3 };
const PREV = quarterId(previous);
const YEAR = previous.year;
/** The year's quarters from PREV on: PREV ended, then (in the same year) the current one and those to come. */
const LISTED = [1, 2, 3, 4].filter((n) => n >= previous.quarter).map((n) => `${YEAR}-Q${n}`);
const inPrevious = new Date(quarterStart(previous).getTime() + 10 * 86_400_000).toISOString();

const COUNTED = 'Ngày hội “Bạn trai, bạn gái cùng làm”';
const LATE = 'Bài đăng bù cho quý trước';
const DRAFT = 'Bản nháp bí mật của trường Bình Minh';

let cms: TestCms;
const schools = {} as Record<'a' | 'b', School>;
const users = {} as Record<'platformAdmin' | 'officer' | 'adminA' | 'editorA' | 'adminB', TypedUser>;
const tokens = {} as Record<keyof typeof users, string>;

const schoolData = (name: string, slug: string) => ({
  name,
  slug,
  district: 'Quận Ba Đình',
  columnTitle: 'Bình đẳng giới',
  reportingStartQuarter: PREV,
  minimumItemsPerQuarter: 1,
  countedCollections: ['articles' as const],
});

async function makeUser(label: string, data: object): Promise<TypedUser> {
  const doc = await cms.payload.create({
    collection: 'users',
    data: { email: `${label}@truong.test`, password: PASSWORD, name: `Thử ${label}`, ...data },
    depth: 0,
  });
  return { ...doc, collection: 'users' } as TypedUser;
}

async function article(
  school: School,
  title: string,
  dates: { publishedAt: string; firstPublishedAt?: string },
  draft = false,
) {
  return cms.payload.create({
    collection: 'articles',
    data: { title, school: school.id, _status: draft ? 'draft' : 'published', ...dates },
    draft,
    user: users.platformAdmin,
    depth: 0,
    context: { [SKIP_SITE_REBUILD]: true, [IMPORT_FIRST_PUBLISHED_AT]: dates.firstPublishedAt !== undefined },
  });
}

beforeAll(async () => {
  cms = await startTestCms();
  const { payload } = cms;
  schools.a = await payload.create({ collection: 'schools', data: schoolData('Trường THCS An Bình', 'thcs-an-binh') });
  schools.b = await payload.create({
    collection: 'schools',
    data: schoolData('Trường THCS Bình Minh', 'thcs-binh-minh'),
  });
  users.platformAdmin = await makeUser('platform-admin', {});
  users.officer = await makeUser('can-bo-phong', { platformRole: 'district-officer' });
  users.adminA = await makeUser('quan-tri-an-binh', { schools: [{ school: schools.a.id, role: 'admin' }] });
  users.editorA = await makeUser('bien-tap-an-binh', { schools: [{ school: schools.a.id, role: 'editor' }] });
  users.adminB = await makeUser('quan-tri-binh-minh', { schools: [{ school: schools.b.id, role: 'admin' }] });
  for (const key of Object.keys(users) as (keyof typeof users)[]) {
    tokens[key] = await restLogin(cms.config, String(users[key].email), PASSWORD);
  }
  // An Bình kept last quarter; Bình Minh posted nothing in time, one item late, and a draft.
  await article(schools.a, COUNTED, { publishedAt: inPrevious, firstPublishedAt: inPrevious });
  await article(schools.b, LATE, { publishedAt: inPrevious });
  await article(schools.b, DRAFT, { publishedAt: inPrevious }, true);
  await closeEndedQuarters(payload, { now });
});
afterAll(async () => cms?.stop());

async function download(query: string, token?: string) {
  const headers = new Headers();
  if (token) headers.set('authorization', `JWT ${token}`);
  const response = await handleEndpoints({
    config: cms.config,
    request: new Request(`http://localhost:3000/api/district/evidence.xlsx${query}`, { headers }),
  });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

async function readWorkbook(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's table as plain values (empty cells null), from the header row down to the last data row. */
function table(sheet: ExcelJS.Worksheet, headingLines: number, rows: number): unknown[][] {
  const first = headerRowOf({ heading: new Array(headingLines).fill('') });
  const width = sheet.getRow(first).cellCount;
  return Array.from({ length: rows + 1 }, (_, i) =>
    Array.from({ length: width }, (_, c) => sheet.getRow(first + i).getCell(c + 1).value ?? null),
  );
}

const evidenceFor = async (user: TypedUser, school: string | null) => {
  const result = await districtEvidence(cms.payload, { user, request: { school, year: String(YEAR) }, now });
  if (!result.ok) throw new Error(result.code);
  return result.entries;
};
const asEvidence = (entry: EvidenceEntry | undefined): SchoolEvidence => {
  if (!entry || isEvidenceFailure(entry)) throw new Error(`no evidence: ${JSON.stringify(entry)}`);
  return entry;
};

describe(`a school's evidence from the CMS on ${backendLabel[backend]}`, () => {
  it('gives the closed quarter from its record, with its hash verified, and the counted items', async () => {
    const [entry] = await evidenceFor(users.officer, 'thcs-an-binh');
    const evidence = asEvidence(entry);
    const [record] = await closedRecords(cms.payload, schools.a.id);
    expect(record?.quarter).toBe(PREV);
    expect(evidence.school).toEqual({
      slug: 'thcs-an-binh',
      name: 'Trường THCS An Bình',
      district: 'Quận Ba Đình',
      address: new URL('/binh-dang-gioi/', settings().SITE_URL).href,
    });
    expect(evidence.quarters.map((q) => q.quarter)).toEqual(LISTED);
    const q = evidence.quarters[0]!;
    expect([q.phase, q.status, q.statusText, q.count]).toEqual(['ended', 'covered', 'Đạt', 1]);
    expect(q.record).toEqual({ closedAt: record!.record.closedAt, hash: record!.hash, verified: true });
    expect(q.items).toEqual([
      {
        title: COUNTED,
        address: new URL('/binh-dang-gioi/bai-viet/ngay-hoi-ban-trai-ban-gai-cung-lam/', settings().SITE_URL).href,
        publishedAt: inPrevious,
        firstPublishedAt: inPrevious,
      },
    ]);
    expect(evidence.quarters.slice(1).map((x) => x.phase)).toEqual(
      LISTED.slice(1).map((id) => (id === quarterId(current) ? 'current' : 'future')),
    );
  });

  it('lists a late item and never a draft', async () => {
    const evidence = asEvidence((await evidenceFor(users.officer, 'thcs-binh-minh'))[0]);
    const q = evidence.quarters[0]!;
    expect([q.status, q.statusText, q.count]).toEqual(['missed', 'Bỏ lỡ', 0]);
    expect(q.lateItems.map((i) => i.title)).toEqual([LATE]);
    expect(JSON.stringify(evidence)).not.toContain(DRAFT);
  });

  it('gives a district officer every school in service at once', async () => {
    const entries = await evidenceFor(users.officer, null);
    expect(entries.map((e) => e.school.slug)).toEqual(['thcs-an-binh', 'thcs-binh-minh']);
  });
});

describe(`who may have a school's evidence (${backendLabel[backend]})`, () => {
  const ask = (user: TypedUser | null, school: string | null, year: unknown = String(YEAR)) =>
    districtEvidence(cms.payload, { user, request: { school, year }, now });
  const code = async (p: ReturnType<typeof ask>) => {
    const r = await p;
    return r.ok ? 'ok' : r.code;
  };

  it('its own admins, district officers and platform admins; nobody else, in words', async () => {
    expect(await code(ask(users.adminA, 'thcs-an-binh'))).toBe('ok');
    expect(await code(ask(users.adminA, 'thcs-binh-minh'))).toBe('EvidenceNotAllowed');
    expect(await code(ask(users.adminB, 'thcs-binh-minh'))).toBe('ok');
    expect(await code(ask(users.editorA, 'thcs-an-binh'))).toBe('EvidenceNotAllowed');
    expect(await code(ask(null, 'thcs-an-binh'))).toBe('EvidenceSignIn');
    for (const school of ['thcs-an-binh', 'thcs-binh-minh', null]) {
      expect(await code(ask(users.officer, school))).toBe('ok');
      expect(await code(ask(users.platformAdmin, school))).toBe('ok');
    }
    // Every school at once: the district's people only.
    for (const user of [users.adminA, users.editorA]) expect(await code(ask(user, null))).toBe('EvidenceAllNotAllowed');
    // A school that does not exist is only said not to exist to those who see every school.
    expect(await code(ask(users.officer, 'khong-co'))).toBe('EvidenceSchoolNotFound');
    expect(await code(ask(users.adminA, 'khong-co'))).toBe('EvidenceNotAllowed');
    expect(await code(ask(users.officer, 'thcs-an-binh', '25'))).toBe('EvidenceBadYear');
  });
});

describe(`the evidence workbook through REST on ${backendLabel[backend]}`, () => {
  it('refuses an anonymous visitor (401), another school’s admin and an editor (403), in words', async () => {
    const anonymous = await download(`?school=thcs-an-binh&year=${YEAR}`);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body.toString()).errors[0].message).toBe(renderMessage('EvidenceSignIn').text);
    for (const [who, query, name] of [
      ['adminB', `?school=thcs-an-binh&year=${YEAR}`, 'EvidenceNotAllowed'],
      ['editorA', `?school=thcs-an-binh&year=${YEAR}`, 'EvidenceNotAllowed'],
      ['adminA', `?year=${YEAR}`, 'EvidenceAllNotAllowed'],
    ] as const) {
      const refused = await download(query, tokens[who]);
      expect(refused.status, `${who} ${query}`).toBe(403);
      expect(JSON.parse(refused.body.toString()).errors[0].message).toBe(renderMessage(name).text);
      expect(refused.body.toString()).not.toContain(COUNTED);
    }
  });

  it('gives a school’s admin its own workbook: statuses, items, the hash, named in Vietnamese', async () => {
    const { status, headers, body } = await download(`?school=thcs-an-binh&year=${YEAR}`, tokens.adminA);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers.get('cache-control')).toBe('no-store');
    const disposition = headers.get('content-disposition')!;
    expect(disposition).toContain(`filename="minh-chung-binh-dang-gioi-truong-thcs-an-binh-nam-${YEAR}.xlsx"`);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(
      `Minh chứng Bình đẳng giới Trường THCS An Bình năm ${YEAR}.xlsx`,
    );
    const workbook = await readWorkbook(body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Trường THCS An Bình']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe(`Minh chứng duy trì chuyên mục Bình đẳng giới – Năm ${YEAR}`);
    expect(sheet.getCell(2, 1).value).toBe('Trường THCS An Bình – Quận Ba Đình');
    const [record] = await closedRecords(cms.payload, schools.a.id);
    const [header, first, ...rest] = table(sheet, 5, LISTED.length);
    expect(header).toEqual([...EVIDENCE_COLUMNS]);
    expect(first).toEqual([
      quarterLabel(PREV),
      'Đạt',
      1,
      'được tính',
      COUNTED,
      new URL('/binh-dang-gioi/bai-viet/ngay-hoi-ban-trai-ban-gai-cung-lam/', settings().SITE_URL).href,
      formatVietnamDate(inPrevious),
      formatVietnamDate(inPrevious),
      formatVietnamDateTime(record!.record.closedAt),
      record!.hash,
      'khớp',
      null,
    ]);
    expect(rest.map((r) => r[1])).toEqual(
      LISTED.slice(1).map((id) => (id === quarterId(current) ? expect.stringMatching(/^Đang diễn ra/) : 'Chưa đến')),
    );
    // The hash in a monospace font, as on the printed page.
    expect(sheet.getRow(headerRowOf({ heading: new Array(5).fill('') }) + 1).getCell(10).font?.name).toBe('Consolas');
  });

  it('gives a district officer every school: the summary sheet, then one sheet per school', async () => {
    const { status, body } = await download(`?year=${YEAR}`, tokens.officer);
    expect(status).toBe(200);
    const workbook = await readWorkbook(body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      SUMMARY_SHEET_NAME,
      'Trường THCS An Bình',
      'Trường THCS Bình Minh',
    ]);
    const summary = workbook.getWorksheet(SUMMARY_SHEET_NAME)!;
    const [header, a, b] = table(summary, 4, 2);
    const column = (header as string[]).indexOf(quarterLabel(PREV));
    expect(a![0]).toBe('Trường THCS An Bình');
    expect(a![column]).toBe('Đạt (1)');
    expect(b![column]).toBe('Bỏ lỡ (0)');
    const [recordB] = await closedRecords(cms.payload, schools.b.id);
    const [, lateRow] = table(workbook.getWorksheet('Trường THCS Bình Minh')!, 5, 1);
    expect([lateRow![1], lateRow![3], lateRow![4], lateRow![9], lateRow![10]]).toEqual([
      'Bỏ lỡ',
      'đăng muộn (không tính)',
      LATE,
      recordB!.hash,
      'khớp',
    ]);
    expect(body.toString('latin1')).not.toContain('nháp');
  });

  it('says when a stored record no longer matches its hash', async () => {
    const [record] = await closedRecords(cms.payload, schools.b.id);
    // Past the collection's hooks, as someone with the database file could.
    await cms.payload.db.updateOne({
      collection: 'quarter-records',
      where: { id: { equals: record!.id } },
      data: { hash: 'f'.repeat(64) },
    });
    const { body } = await download(`?school=thcs-binh-minh&year=${YEAR}`, tokens.officer);
    const sheet = (await readWorkbook(body)).worksheets[0]!;
    const [, row] = table(sheet, 5, 1);
    expect([row![9], row![10]]).toEqual(['f'.repeat(64), 'KHÔNG khớp']);
    expect(String(row![11])).toContain('không khớp mã SHA-256');
  });
});
