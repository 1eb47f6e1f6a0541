import { readFile } from 'node:fs/promises';

import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DISTRICT_NAV_LABEL } from '../../src/cms/district/DistrictNavLink';
import { STATUS_LABELS } from '../../src/domain/coverage-format';
import { quarterId, quarterOf } from '../../src/domain/quarters';
import { SUMMARY_HEADER_ROW, SUMMARY_SHEET } from '../../src/district/workbook';
import { chromiumOrWarn, launchChromium } from '../support/chromium';
import { type SeededAccount, startAdminServer } from './support/admin-server';
import { signedIn } from './support/session';

/**
 * The seeded district, as `npm start` makes it on an empty database, in the
 * production admin in Debian's Chromium: the district officer (an account of
 * the seed) sees the three schools, Trần Phú with exactly its two missed
 * quarters and Lê Lợi with none, each quarter's total agreeing with its
 * column, and downloads a workbook whose cells are the page's, cell for cell.
 */
const SCHOOLS = ['Trường THCS Lê Lợi', 'Trường THCS Nguyễn Du', 'Trường THCS Trần Phú'];
const CURR = quarterId(quarterOf(new Date()));

const hasChromium = chromiumOrWarn('the seeded district dashboard browser test');

let server: Awaited<ReturnType<typeof startAdminServer>>;
let browser: Browser;
let officer: SeededAccount;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startAdminServer({ seed: true });
  const found = server.seeded.find((a) => a.role === 'district-officer');
  if (!found) throw new Error(`the seed printed no district officer: ${JSON.stringify(server.seeded)}`);
  officer = found;
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const matrix = (page: Page) => page.locator('table[data-district-matrix]');

/** The table as text: one row per school (name, then each quarter's cell), and the quarters' totals. */
async function readTable(page: Page) {
  const quarters = await matrix(page)
    .locator('tbody tr')
    .first()
    .locator('td[data-quarter]')
    .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-quarter') ?? ''));
  const rows = await matrix(page)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        school: tr.querySelector('th[scope=row]')?.firstChild?.textContent ?? '',
        cells: [...tr.querySelectorAll('td[data-quarter]')].map((td) => ({
          text: (td as HTMLElement).innerText.trim(),
          status: td.getAttribute('data-status') ?? '',
        })),
      })),
    );
  const totals = await Promise.all(quarters.map((q) => matrix(page).locator(`td[data-total="${q}"]`).innerText()));
  return { quarters, rows, totals };
}

describe.skipIf(!hasChromium)('the seeded district on the dashboard (admin in Chromium)', () => {
  it('shows the three seeded schools with the cells the seed made, and a workbook with the same cells', async () => {
    const page = await signedIn(browser, server.url, officer);
    await page.getByRole('link', { name: DISTRICT_NAV_LABEL }).click();
    await page.waitForURL(/\/admin\/district$/);
    await page.selectOption('#district-year', 'all');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/year=all/);

    const table = await readTable(page);
    expect(table.rows.map((r) => r.school)).toEqual(SCHOOLS);
    const row = (name: string) => table.rows.find((r) => r.school === name)!;
    const missed = (name: string) => row(name).cells.filter((c) => c.status === 'missed').length;
    // What the seed promises (src/seed/district-seed.ts): Trần Phú misses two quarters, Lê Lợi none.
    expect(missed('Trường THCS Trần Phú')).toBe(2);
    expect(missed('Trường THCS Lê Lợi')).toBe(0);
    // The current quarter is never missed while under way: kept already, or in progress.
    const current = table.quarters.indexOf(CURR);
    for (const r of table.rows)
      expect([STATUS_LABELS.covered, STATUS_LABELS['in-progress']]).toContain(r.cells[current]!.text.split(' (')[0]);
    // Each quarter's figure is its column's count.
    table.quarters.forEach((q, i) => {
      const tracked = table.rows.filter((r) => r.cells[i]!.status !== 'not-tracked');
      const covered = tracked.filter((r) => r.cells[i]!.status === 'covered').length;
      if (tracked.length === 0) return;
      expect(table.totals[i], q).toMatch(new RegExp(`^${covered}/${tracked.length} trường đạt`));
    });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Bảng tính Excel (.xlsx)' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SUMMARY_SHEET)!;
    const header = sheet.getRow(SUMMARY_HEADER_ROW).values as unknown[];
    const firstQuarterColumn = header.findIndex((v, i) => i > 0 && typeof v === 'string' && v.startsWith('Quý '));
    table.rows.forEach((r, i) => {
      const cells = sheet.getRow(SUMMARY_HEADER_ROW + 1 + i);
      expect(cells.getCell(1).value).toBe(r.school);
      r.cells.forEach((c, j) => expect(String(cells.getCell(firstQuarterColumn + j).value)).toBe(c.text));
    });
    const totalsRow = sheet.getRow(SUMMARY_HEADER_ROW + 1 + table.rows.length);
    table.totals.forEach((t, j) => expect(String(totalsRow.getCell(firstQuarterColumn + j).value ?? '')).toBe(t));
    await page.context().close();
  });
});
