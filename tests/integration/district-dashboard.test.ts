import ExcelJS from 'exceljs';
import { handleEndpoints, type TypedUser } from 'payload';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { closeEndedQuarters } from '../../src/cms/district/close-quarters';
import { districtDashboard, districtSources, schoolQuarter } from '../../src/cms/district/dashboard-data';
import { refreshSelfReports, SKIP_SELF_REPORT_FETCH } from '../../src/cms/district/self-reports';
import { buildCoverageReport } from '../../src/domain/coverage';
import { IMPORT_FIRST_PUBLISHED_AT } from '../../src/cms/fields/publication';
import { SKIP_SITE_REBUILD } from '../../src/cms/site-build/hooks';
import { cellStatusCode, totalText, yearTotal } from '../../src/domain/district';
import { type Quarter, quarterId, quarterOf, quarterStart } from '../../src/domain/quarters';
import { DETAIL_SHEET, SUMMARY_HEADER_ROW, SUMMARY_SHEET } from '../../src/district/workbook';
import { ColumnError } from '../../src/messages/column-error';
import { renderMessage } from '../../src/messages/catalogue';
import type { School } from '../../src/payload-types';
import { settings } from '../../src/settings';
import { backend, backendLabel, startTestCms, type TestCms } from '../support/cms';
import { restLogin } from '../support/rest';

/**
 * The district dashboard's data from the CMS: two schools, one that kept the
 * last quarter and one that missed it, read through the coverage rule; and
 * its downloads through Payload's REST handler, refused to everyone but
 * district officers and platform admins (docs: /work/shared/DISTRICT-ACCESS.md).
 */

const PASSWORD = 'mat-khau-thu-nghiem-1';
const now = new Date();
const current = quarterOf(now);
const previous: Quarter =
  current.quarter === 1
    ? { year: current.year - 1, quarter: 4 }
    : { year: current.year, quarter: (current.quarter - 1) as 1 | 2 | 3 };
const [PREV, CURR] = [quarterId(previous), quarterId(current)];
/** Ten days into the previous quarter. */
const inPrevious = new Date(quarterStart(previous).getTime() + 10 * 86_400_000).toISOString();

const COUNTED = 'Ngày hội “Bạn trai, bạn gái cùng làm”';
const LATE = 'Bài đăng bù cho quý trước';
const DRAFT = 'Bản nháp bí mật của trường Bình Minh';

let cms: TestCms;
const schools = {} as Record<'kept' | 'missed' | 'archived', School>;
const users = {} as Record<'platformAdmin' | 'officer' | 'editorKept' | 'adminKept', TypedUser>;
const tokens = {} as Record<keyof typeof users, string>;

const schoolData = (name: string, slug: string, extra: Partial<School> = {}) => ({
  name,
  slug,
  district: 'Quận Ba Đình',
  columnTitle: 'Bình đẳng giới',
  reportingStartQuarter: PREV,
  minimumItemsPerQuarter: 1,
  countedCollections: ['articles' as const],
  ...extra,
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
    // The previous quarter's article was first published then: a trusted import may say so, REST never.
    context: { [SKIP_SITE_REBUILD]: true, [IMPORT_FIRST_PUBLISHED_AT]: dates.firstPublishedAt !== undefined },
  });
}

beforeAll(async () => {
  cms = await startTestCms();
  const { payload } = cms;
  schools.kept = await payload.create({
    collection: 'schools',
    data: schoolData('Trường THCS An Bình', 'thcs-an-binh'),
  });
  schools.missed = await payload.create({
    collection: 'schools',
    data: schoolData('Trường THCS Bình Minh', 'thcs-binh-minh'),
  });
  schools.archived = await payload.create({
    collection: 'schools',
    data: schoolData('Trường THCS Đã Đóng', 'thcs-da-dong', { archived: true }),
  });
  // The first account is a platform admin (and admin of the first school, by design).
  users.platformAdmin = await makeUser('platform-admin', {});
  users.officer = await makeUser('can-bo-phong', { platformRole: 'district-officer' });
  users.editorKept = await makeUser('bien-tap-an-binh', { schools: [{ school: schools.kept.id, role: 'editor' }] });
  users.adminKept = await makeUser('quan-tri-an-binh', { schools: [{ school: schools.kept.id, role: 'admin' }] });
  for (const key of Object.keys(users) as (keyof typeof users)[]) {
    tokens[key] = await restLogin(cms.config, String(users[key].email), PASSWORD);
  }

  // An Bình kept both quarters; Bình Minh posted nothing in time last quarter, one item late, and a draft.
  await article(schools.kept, COUNTED, { publishedAt: inPrevious, firstPublishedAt: inPrevious });
  await article(schools.kept, 'Bài của quý này', { publishedAt: new Date(now.getTime() - 60_000).toISOString() });
  await article(schools.missed, LATE, { publishedAt: inPrevious });
  await article(schools.missed, DRAFT, { publishedAt: inPrevious }, true);
  await article(schools.archived, 'Bài của trường đã đóng', { publishedAt: inPrevious, firstPublishedAt: inPrevious });
});
afterAll(async () => cms?.stop());

async function download(path: string, token?: string) {
  const headers = new Headers();
  if (token) headers.set('authorization', `JWT ${token}`);
  const response = await handleEndpoints({
    config: cms.config,
    request: new Request(`http://localhost:3000/api${path}`, { headers }),
  });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

describe(`the district dashboard's data on ${backendLabel[backend]}`, () => {
  it('has one hosted row per school in service, with the rule’s results', async () => {
    const sources = await districtSources(cms.payload, { now });
    expect(sources.map((s) => [s.key, s.origin])).toEqual([
      ['thcs-an-binh', 'hosted'],
      ['thcs-binh-minh', 'hosted'],
    ]);
    // Each column's public address: the install's site (no school here has a portal of its own) and its base path.
    expect(sources.map((s) => s.source)).toEqual([
      new URL('/binh-dang-gioi/', settings().SITE_URL).href,
      new URL('/thcs-binh-minh/binh-dang-gioi/', settings().SITE_URL).href,
    ]);
  });

  it('makes the matrix: covered and missed last quarter, the totals and the year', async () => {
    const dashboard = await districtDashboard(cms.payload, { user: users.officer, now, query: { year: 'all' } });
    const { matrix, view } = dashboard;
    expect(matrix.quarters).toEqual([PREV, CURR]);
    expect(view.rows.map((r) => [r.school, r.cells.map(cellStatusCode), r.missed])).toEqual([
      ['Trường THCS An Bình', ['covered', 'covered'], 0],
      ['Trường THCS Bình Minh', ['missed', 'in-progress'], 1],
    ]);
    expect(view.rows[1]!.cells[0]).toEqual({ kind: 'reported', status: 'missed', count: 0, late: 1 });
    expect(view.totals.map(totalText)).toEqual(['1/2 trường đạt (50%)', '1/2 trường đạt (50%)']);
    expect(yearTotal(view, current.year).keptEveryQuarter).toBe(1);
  });

  it('filters to the schools that missed a quarter, with the totals of what it shows', async () => {
    const { view, filter } = await districtDashboard(cms.payload, {
      user: users.officer,
      now,
      query: { year: 'all', onlyMissed: '1' },
    });
    expect(filter).toEqual({ year: null, onlyMissed: true });
    expect(view.rows.map((r) => r.school)).toEqual(['Trường THCS Bình Minh']);
    expect(totalText(view.totals[0]!)).toBe('0/1 trường đạt (0%)');
  });

  it('gives a school’s quarter with its counted and late items, published ones only', async () => {
    const kept = await schoolQuarter(cms.payload, { user: users.officer, key: 'thcs-an-binh', quarter: PREV, now });
    expect(kept?.report?.items.map((i) => i.title)).toEqual([COUNTED]);
    expect(kept?.report?.items[0]?.url).toMatch(/^\/binh-dang-gioi\/bai-viet\/ngay-hoi-ban-trai-ban-gai-cung-lam\/$/);
    expect(kept?.report?.items[0]?.firstPublishedAt).toBe(inPrevious);
    const missed = await schoolQuarter(cms.payload, { user: users.officer, key: 'thcs-binh-minh', quarter: PREV, now });
    expect(missed?.report?.status).toBe('missed');
    expect(missed?.report?.items).toEqual([]);
    expect(missed?.report?.lateItems.map((i) => i.title)).toEqual([LATE]);
    expect(JSON.stringify(missed)).not.toContain(DRAFT);
    expect(
      await schoolQuarter(cms.payload, { user: users.officer, key: 'thcs-da-dong', quarter: PREV, now }),
    ).toBeNull();
    expect(
      await schoolQuarter(cms.payload, { user: users.officer, key: 'thcs-an-binh', quarter: '2000-Q1', now }),
    ).toBeNull();
  });

  it('refuses anyone but a district officer or a platform admin, saying why', async () => {
    for (const user of [null, users.editorKept, users.adminKept]) {
      const attempt = districtDashboard(cms.payload, { user, now });
      await expect(attempt).rejects.toSatisfy((e) =>
        ColumnError.is(e, 'DistrictDashboardSignIn', 'DistrictDashboardNotAllowed'),
      );
    }
    await expect(districtDashboard(cms.payload, { user: users.platformAdmin, now })).resolves.toBeTruthy();
  });

  it('shows a school whose report cannot be made as a row with the reason, and still the others', async () => {
    // A start the settings refuse now, saved while the clock said 3000 (only Date is faked).
    const inTheYear3000 = async <T>(run: () => Promise<T>): Promise<T> => {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(new Date('3000-01-15T00:00:00Z'));
        return await run();
      } finally {
        vi.useRealTimers();
      }
    };
    const broken = await inTheYear3000(() =>
      cms.payload.create({
        collection: 'schools',
        data: schoolData('Trường THCS Cài Sai', 'thcs-cai-sai', { reportingStartQuarter: '2999-Q1' }),
      }),
    );
    try {
      const { matrix, sourceOf } = await districtDashboard(cms.payload, {
        user: users.officer,
        now,
        query: { year: 'all' },
      });
      const row = matrix.rows.find((r) => sourceOf(r)?.key === 'thcs-cai-sai');
      expect(row?.error).toContain('nằm sau quý hiện tại');
      expect(sourceOf(row!)?.name).toBe('Trường THCS Cài Sai');
      expect(row?.cells.map(cellStatusCode)).toEqual(['no-data', 'no-data']);
      expect(matrix.rows.filter((r) => !r.error)).toHaveLength(2);
    } finally {
      // Saving validates the start again: archived in the same year 3000.
      await inTheYear3000(() =>
        cms.payload.update({ collection: 'schools', id: broken.id, data: { archived: true }, depth: 0 }),
      );
    }
  });
});

describe(`the dashboard's downloads through REST on ${backendLabel[backend]}`, () => {
  it('refuse an anonymous visitor (401) and a school’s editor or admin (403), in words', async () => {
    for (const path of ['/district/report.csv', '/district/report.xlsx']) {
      const anonymous = await download(path);
      expect(anonymous.status, path).toBe(401);
      expect(JSON.parse(anonymous.body.toString()).errors[0].message).toBe(
        renderMessage('DistrictDashboardSignIn').text,
      );
      for (const who of ['editorKept', 'adminKept'] as const) {
        const refused = await download(path, tokens[who]);
        expect(refused.status, `${who} ${path}`).toBe(403);
        expect(JSON.parse(refused.body.toString()).errors[0].message).toBe(
          renderMessage('DistrictDashboardNotAllowed').text,
        );
        expect(refused.body.toString()).not.toContain('An Bình');
      }
    }
  });

  it('give the district officer the CSV of the view asked for, named in Vietnamese', async () => {
    const { status, headers, body } = await download(
      `/district/report.csv?year=${current.year}&onlyMissed=1`,
      tokens.officer,
    );
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('cache-control')).toBe('no-store');
    const disposition = headers.get('content-disposition')!;
    expect(disposition).toContain(`filename="tong-hop-binh-dang-gioi-nam-${current.year}-truong-bo-lo.csv"`);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(
      `Tổng hợp Bình đẳng giới năm ${current.year} - trường bỏ lỡ.csv`,
    );
    const text = body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    const quarters = [PREV, CURR].filter((q) => q.startsWith(String(current.year)));
    expect(lines[0]).toBe(
      ['school', 'district', 'source', 'origin', 'report_error', 'generated_at', 'missed', ...quarters].join(','),
    );
    // Only Bình Minh missed a quarter; when last quarter was in another year, this year it missed none.
    const missedThisYear = quarters.includes(PREV);
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(missedThisYear ? ['Trường THCS Bình Minh'] : []);
    expect(text).not.toContain(DRAFT);
  });

  it('give a platform admin the workbook, which exceljs reads back', async () => {
    const { status, headers, body } = await download('/district/report.xlsx?year=all', tokens.platformAdmin);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers.get('content-disposition')).toContain('filename="tong-hop-binh-dang-gioi-cac-nam.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
    const row = (n: number) => (summary.getRow(n).values as unknown[]).slice(1);
    expect(row(SUMMARY_HEADER_ROW).slice(0, 4)).toEqual(['Trường', 'Huyện/Quận', 'Nguồn', 'Số quý bỏ lỡ']);
    expect(row(SUMMARY_HEADER_ROW + 1).slice(0, 5)).toEqual([
      'Trường THCS An Bình',
      'Quận Ba Đình',
      'trên nền tảng',
      0,
      'Đạt (1)',
    ]);
    expect(row(SUMMARY_HEADER_ROW + 2).slice(0, 5)).toEqual([
      'Trường THCS Bình Minh',
      'Quận Ba Đình',
      'trên nền tảng',
      1,
      'Bỏ lỡ (0) · 1 muộn',
    ]);
    expect(row(SUMMARY_HEADER_ROW + 3)[4]).toBe('1/2 trường đạt (50%)');
    const detail = workbook.getWorksheet(DETAIL_SHEET)!;
    expect(detail.rowCount).toBe(1 + 2 * 2);
  });
});

describe(`closed quarters and self-reported schools on the dashboard (${backendLabel[backend]})`, () => {
  it('shows a closed quarter from its record, flagged when an item was unpublished afterwards', async () => {
    const { created } = await closeEndedQuarters(cms.payload, { now });
    expect(created.map((c) => `${c.slug}/${c.quarter}`)).toEqual(
      expect.arrayContaining([`thcs-an-binh/${PREV}`, `thcs-binh-minh/${PREV}`]),
    );
    const before = await districtDashboard(cms.payload, { user: users.officer, now, query: { year: 'all' } });
    const keptRow = (d: typeof before) => d.matrix.rows.find((r) => d.sourceOf(r)?.key === 'thcs-an-binh')!;
    expect(before.sourceOf(keptRow(before))?.recordDiffers).toEqual([]);

    const { docs } = await cms.payload.find({ collection: 'articles', where: { title: { equals: COUNTED } } });
    await cms.payload.update({
      collection: 'articles',
      id: docs[0]!.id,
      data: { _status: 'draft' },
      context: { [SKIP_SITE_REBUILD]: true },
    });
    const after = await districtDashboard(cms.payload, { user: users.officer, now, query: { year: 'all' } });
    const column = after.matrix.quarters.indexOf(PREV);
    // Today the quarter has nothing counted; the record says it was kept, and the cell says both.
    expect(cellStatusCode(keptRow(after).cells[column]!)).toBe('covered');
    expect(after.sourceOf(keptRow(after))?.recordDiffers).toEqual([PREV]);
    const detail = await schoolQuarter(cms.payload, { user: users.officer, key: 'thcs-an-binh', quarter: PREV, now });
    expect(detail?.recordDiffers).toBe(true);
    expect(detail?.report?.items.map((i) => i.title)).toEqual([COUNTED]);
  });

  it('lists a school that reports from its own install as "tự báo cáo", from its fetched coverage.json', async () => {
    const report = buildCoverageReport({
      policy: { start: PREV, minPerQuarter: 1, countedCollections: ['articles'] },
      now,
      items: [],
      school: { name: 'Trường THCS Tự Cài', district: 'Huyện Thử' },
    });
    const school = await cms.payload.create({
      collection: 'self-reported-schools',
      data: {
        name: 'Trường THCS Tự Cài',
        district: 'Huyện Thử',
        coverageUrl: 'https://thcs-tu-cai.test/binh-dang-gioi/',
      },
      context: { [SKIP_SELF_REPORT_FETCH]: true },
    });
    await refreshSelfReports(cms.payload, {
      now,
      ids: [school.id],
      fetch: async () => new Response(JSON.stringify(report), { headers: { 'content-type': 'application/json' } }),
    });
    const dashboard = await districtDashboard(cms.payload, { user: users.officer, now, query: { year: 'all' } });
    const row = dashboard.matrix.rows.find((r) => r.school === 'Trường THCS Tự Cài');
    expect(row?.origin).toBe('self-reported');
    expect(row?.error).toBeNull();
    expect(dashboard.sourceOf(row!)?.key).toBe(`tu-bao-cao-${school.id}`);
    expect(cellStatusCode(row!.cells[dashboard.matrix.quarters.indexOf(PREV)]!)).toBe('missed');
  });
});
