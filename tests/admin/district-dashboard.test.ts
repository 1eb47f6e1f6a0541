import { mkdir, readFile } from 'node:fs/promises';

import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DISTRICT_NAV_LABEL } from '../../src/cms/district/DistrictNavLink';
import { PRINT_LABEL } from '../../src/cms/district/evidence-print';
import { quarterId, quarterLabel, quarterOf, quarterStart } from '../../src/domain/quarters';
import { DETAIL_SHEET, SUMMARY_HEADER_ROW, SUMMARY_SHEET } from '../../src/district/workbook';
import { renderMessage } from '../../src/messages/catalogue';
import { settings } from '../../src/settings';
import { chromiumOrWarn, launchChromium } from '../support/chromium';
import { loginToken, restAs, signedIn as signInAs } from './support/session';
import { ACCOUNTS, type Account, startAdminServer } from './support/admin-server';

/**
 * The district dashboard in the production-built admin, in Debian's Chromium:
 * a district officer reads every school × quarter, filters it with the plain
 * form, opens a school's quarter and downloads the CSV and the workbook; a
 * school's editor sees no link to it and is refused. Two schools: An Bình
 * (the install's first) starts this quarter and keeps it; Bình Minh started
 * in the fourth quarter of last year and has published nothing in time since.
 */
const SHOTS = 'test-results/admin';
const OFFICER: Account = {
  email: 'canbo@phong.test',
  password: 'mat-khau-can-bo-1',
  name: 'Cán bộ Phòng',
  role: 'editor', // unused: the officer has no school
};
const COUNTED = 'Cả lớp cùng trực nhật, không chia việc theo giới';
const LATE = 'Bài đăng bù cho quý IV năm ngoái';

const now = new Date();
const YEAR = quarterOf(now).year;
const CURR = quarterId(quarterOf(now));
const LAST_Q4 = `${YEAR - 1}-Q4`;

const hasChromium = chromiumOrWarn('the district dashboard browser tests');

let server: Awaited<ReturnType<typeof startAdminServer>>;
let browser: Browser;
let adminToken: string;
let api: ReturnType<typeof restAs>;
/** The first school's slug, made from its name when the install started ("Trường THCS"). */
let firstSlug: string;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startAdminServer();
  adminToken = await loginToken(server.url, ACCOUNTS.admin);
  api = restAs(server.url, adminToken);
  // The install's first school (the test accounts' school) becomes An Bình, tracked from this quarter.
  const first = (await api('GET', '/api/schools?sort=id&limit=1&depth=0')).docs[0];
  firstSlug = first.slug;
  await api('PATCH', `/api/schools/${first.id}`, {
    name: 'Trường THCS An Bình',
    district: 'Quận Ba Đình',
    reportingStartQuarter: CURR,
  });
  const second = (
    await api('POST', '/api/schools', {
      name: 'Trường THCS Bình Minh',
      slug: 'thcs-binh-minh',
      district: 'Quận Ba Đình',
      reportingStartQuarter: LAST_Q4,
      minimumItemsPerQuarter: 1,
      countedCollections: ['articles'],
      columnTitle: 'Bình đẳng giới',
    })
  ).doc;
  await api('POST', '/api/users', {
    email: OFFICER.email,
    password: OFFICER.password,
    name: OFFICER.name,
    platformRole: 'district-officer',
  });
  await api('POST', '/api/articles', {
    title: COUNTED,
    school: first.id,
    _status: 'published',
    publishedAt: new Date(now.getTime() - 60_000).toISOString(),
  });
  // Back-dated into last year's fourth quarter, first published today: late there, counted nowhere.
  await api('POST', '/api/articles', {
    title: LATE,
    school: second.id,
    _status: 'published',
    publishedAt: new Date(quarterStart(LAST_Q4).getTime() + 5 * 86_400_000).toISOString(),
  });
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signedIn = (account: Account) => signInAs(browser, server.url, account);

const matrix = (page: Page) => page.locator('table[data-district-matrix]');
const rowNames = (page: Page) =>
  matrix(page)
    .locator('tbody th[scope=row]')
    .evaluateAll((ths) => ths.map((th) => th.firstChild?.textContent ?? ''));
const cell = (page: Page, school: string, quarter: string) =>
  matrix(page)
    .locator('tbody tr', { has: page.locator(`th:text-is("${school}")`) })
    .locator(`td[data-quarter="${quarter}"]`);

async function downloaded(page: Page, linkText: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkText }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

describe.skipIf(!hasChromium)('the district dashboard (admin in Chromium)', () => {
  let officer: Page;

  it('1. the officer finds it in the navigation and reads every school × quarter with the district’s figures', async () => {
    officer = await signedIn(OFFICER);
    await officer.getByRole('link', { name: DISTRICT_NAV_LABEL }).click();
    await officer.waitForURL(/\/admin\/district$/);
    await expect.poll(() => matrix(officer).locator('caption').innerText()).toBe(`Trường × quý, năm ${YEAR}`);
    expect(await rowNames(officer)).toEqual(['Trường THCS An Bình', 'Trường THCS Bình Minh']);
    const heads = await matrix(officer).locator('thead th[scope=col]').allInnerTexts();
    expect(heads.slice(0, 3)).toEqual(['Trường', 'Nguồn', 'Số quý bỏ lỡ']);
    expect(heads.at(-1)).toBe(quarterLabel(CURR));
    expect(await cell(officer, 'Trường THCS An Bình', CURR).innerText()).toBe('Đạt (1)');
    expect(await cell(officer, 'Trường THCS Bình Minh', CURR).innerText()).toBe('Đang thực hiện (0)');
    expect(await matrix(officer).locator(`td[data-total="${CURR}"]`).innerText()).toBe('1/2 trường đạt (50%)');
    expect(await matrix(officer).locator(`td[data-year-total="${YEAR}"]`).innerText()).toBe(
      `Năm ${YEAR}: 1/2 trường duy trì đủ các quý (50%)`,
    );
    await officer.screenshot({ path: `${SHOTS}/district-1-matrix.png`, fullPage: true });
  });

  it('2. filters by year and “only schools with a missed quarter” with the plain form', async () => {
    await officer.selectOption('#district-year', String(YEAR - 1));
    await officer.check('#district-only-missed');
    await officer.getByRole('button', { name: 'Lọc' }).click();
    await officer.waitForURL(new RegExp(`/admin/district\\?year=${YEAR - 1}&onlyMissed=1$`));
    await expect
      .poll(() => matrix(officer).locator('caption').innerText())
      .toBe(`Trường × quý, năm ${YEAR - 1}, chỉ trường có quý bỏ lỡ`);
    expect(await rowNames(officer)).toEqual(['Trường THCS Bình Minh']);
    expect(await cell(officer, 'Trường THCS Bình Minh', LAST_Q4).innerText()).toBe('Bỏ lỡ (0) · 1 muộn');
    expect(await cell(officer, 'Trường THCS Bình Minh', LAST_Q4).getAttribute('data-status')).toBe('missed');
    expect(await matrix(officer).locator(`td[data-total="${LAST_Q4}"]`).innerText()).toBe('0/1 trường đạt (0%)');
    expect(await officer.locator('#district-only-missed').isChecked()).toBe(true);
    await officer.screenshot({ path: `${SHOTS}/district-2-filtered.png`, fullPage: true });
  });

  it('3. opens a school’s quarter from its cell: what is late and what is missing; and a counted item with its public address', async () => {
    await cell(officer, 'Trường THCS Bình Minh', LAST_Q4).getByRole('link').click();
    await officer.waitForURL(new RegExp(`/admin/district/thcs-binh-minh/${LAST_Q4}`));
    expect(await officer.locator('h1').innerText()).toBe(`Trường THCS Bình Minh — ${quarterLabel(LAST_Q4)}`);
    expect(await officer.locator('[data-items=late] li').allInnerTexts()).toEqual([expect.stringContaining(LATE)]);
    expect(await officer.locator('[data-missing]').innerText()).toBe(
      'Thiếu 1 bài: quý đã kết thúc với 0/1 bài được tính.',
    );
    await officer.screenshot({ path: `${SHOTS}/district-3-quarter.png`, fullPage: true });

    // Back to the dashboard as it was left, then this year's covered cell.
    await officer.getByRole('link', { name: '← Bảng tổng hợp các trường' }).click();
    await officer.waitForURL(new RegExp(`year=${YEAR - 1}&onlyMissed=1$`));
    await officer.goto(`${server.url}/admin/district?year=${YEAR}`);
    await cell(officer, 'Trường THCS An Bình', CURR).getByRole('link').click();
    await officer.waitForURL(new RegExp(`/admin/district/${firstSlug}/${CURR}`));
    const item = officer.locator('[data-items=counted] li a');
    expect(await item.innerText()).toBe(COUNTED);
    expect(await item.getAttribute('href')).toBe(
      new URL('/binh-dang-gioi/bai-viet/ca-lop-cung-truc-nhat-khong-chia-viec-theo-gioi/', settings().SITE_URL).href,
    );
  });

  it('4. downloads the view as CSV and as a workbook that exceljs reads back', async () => {
    await officer.goto(`${server.url}/admin/district?year=${YEAR - 1}`);
    const csv = await downloaded(officer, 'Tệp CSV');
    expect(csv.name).toBe(`Tổng hợp Bình đẳng giới năm ${YEAR - 1}.csv`);
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(`school,district,source,origin,report_error,generated_at,missed,${LAST_Q4}`);
    expect(lines.slice(1, -1).map((l) => [l.split(',')[0], l.split(',').at(-1)])).toEqual([
      ['Trường THCS An Bình', 'not-tracked'],
      ['Trường THCS Bình Minh', 'missed+late1'],
    ]);

    const xlsx = await downloaded(officer, 'Bảng tính Excel (.xlsx)');
    expect(xlsx.name).toBe(`Tổng hợp Bình đẳng giới năm ${YEAR - 1}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
    expect(summary.getCell(1, 1).value).toBe(`Tổng hợp duy trì chuyên mục Bình đẳng giới theo quý – Năm ${YEAR - 1}`);
    expect(summary.getCell(SUMMARY_HEADER_ROW, 5).value).toBe(quarterLabel(LAST_Q4));
    expect(summary.getCell(SUMMARY_HEADER_ROW + 2, 1).value).toBe('Trường THCS Bình Minh');
    expect(summary.getCell(SUMMARY_HEADER_ROW + 2, 5).value).toBe('Bỏ lỡ (0) · 1 muộn');
    expect(summary.getCell(SUMMARY_HEADER_ROW + 3, 5).value).toBe('0/1 trường đạt (0%)');
    const detail = workbook.getWorksheet(DETAIL_SHEET)!;
    expect((detail.getRow(3).values as unknown[]).slice(1, 8)).toEqual([
      'Trường THCS Bình Minh',
      'Quận Ba Đình',
      'hosted',
      new URL('/thcs-binh-minh/binh-dang-gioi/', settings().SITE_URL).href,
      undefined,
      LAST_Q4,
      'missed',
    ]);
    await officer.context().close();
  });

  it('4b. opens a school’s evidence for the year from its row: the quarters’ table, and on paper only the evidence', async () => {
    officer = await signedIn(OFFICER);
    await officer.goto(`${server.url}/admin/district?year=${YEAR - 1}`);
    await matrix(officer)
      .locator('tbody tr', { has: officer.locator('th:text-is("Trường THCS Bình Minh")') })
      .locator('a[data-evidence-link]')
      .click();
    await officer.waitForURL(new RegExp(`/admin/district/evidence/thcs-binh-minh/${YEAR - 1}$`));
    const section = officer.locator('[data-evidence-school="thcs-binh-minh"]');
    expect(await section.locator('h1').innerText()).toBe(
      `Minh chứng duy trì chuyên mục Bình đẳng giới – Năm ${YEAR - 1}`,
    );
    expect(await section.locator('[data-evidence-school-name]').innerText()).toBe(
      'Trường THCS Bình Minh – Quận Ba Đình',
    );
    expect(await section.locator('[data-printed-at]').innerText()).toMatch(/^In lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    // Tracked from last year's fourth quarter: that one row, missed, with its late item.
    const row = section.locator(`table[data-evidence-quarters] tr[data-quarter="${LAST_Q4}"]`);
    expect(await section.locator('table[data-evidence-quarters] tbody tr').count()).toBe(1);
    expect(await row.getAttribute('data-status')).toBe('missed');
    expect(await row.locator('td').first().innerText()).toContain('Bỏ lỡ');
    expect(await row.locator('td').nth(2).innerText()).toContain(LATE);
    expect(await section.locator('[data-evidence-summary-line]').innerText()).toBe(
      'Kết quả năm: 0/1 quý đạt (theo dõi từ Quý IV/' + (YEAR - 1) + ')',
    );
    const printButton = officer.getByRole('button', { name: PRINT_LABEL });
    expect(await printButton.isVisible()).toBe(true);

    await officer.emulateMedia({ media: 'print' });
    expect(await printButton.isVisible()).toBe(false);
    expect(await officer.locator('.nav').first().isVisible()).toBe(false);
    const paper = await officer.evaluate(() => {
      const code = document.createElement('code');
      code.className = 'evidence-hash';
      document.querySelector('[data-evidence]')!.append(code);
      const style = (el: Element) => getComputedStyle(el);
      const text = style(document.querySelector('[data-evidence-school] h1')!);
      return { color: text.color, background: style(document.body).backgroundColor, hashFont: style(code).fontFamily };
    });
    expect(paper).toEqual({
      color: 'rgb(0, 0, 0)',
      background: 'rgb(255, 255, 255)',
      hashFont: expect.stringMatching(/monospace/),
    });
    await officer.screenshot({ path: `${SHOTS}/district-4b-evidence-print.png`, fullPage: true });
    await officer.emulateMedia({ media: 'screen' });
    await officer.context().close();
  });

  it('5. a school’s editor has no link to it and is refused on its address; a visitor is sent to the login', async () => {
    const editor = await signedIn(ACCOUNTS.editor);
    await editor.locator('nav').first().waitFor();
    expect(await editor.getByRole('link', { name: DISTRICT_NAV_LABEL }).count()).toBe(0);
    await editor.goto(`${server.url}/admin/district`);
    const refusal = editor.locator('[data-refusal]');
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await refusal.innerText()).toContain(renderMessage('DistrictDashboardNotAllowed').message);
    expect(await editor.locator('table[data-district-matrix]').count()).toBe(0);
    expect(await editor.content()).not.toContain('Trường THCS Bình Minh');
    await editor.screenshot({ path: `${SHOTS}/district-5-refused.png` });
    await editor.goto(`${server.url}/admin/district/thcs-binh-minh/${LAST_Q4}`);
    expect(await editor.locator('[data-refusal]').count()).toBe(1);
    expect(await editor.content()).not.toContain(LATE);
    // Nor their own school's evidence: that is its admins' to send.
    await editor.goto(`${server.url}/admin/district/evidence/${firstSlug}/${YEAR}`);
    expect(await editor.locator('[data-refusal]').getAttribute('data-refusal')).toBe('EvidenceNotAllowed');
    expect(await editor.locator('[data-evidence]').count()).toBe(0);
    await editor.context().close();

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${server.url}/admin/district`);
    await visitor.waitForURL(/\/admin\/login/);
    await visitor.context().close();
  });
});
