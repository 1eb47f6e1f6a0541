import { mkdir } from 'node:fs/promises';

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chromiumOrWarn, launchChromium } from '../support/chromium';
import { loginToken, restAs, signedIn as signInAs } from './support/session';
import { ACCOUNTS, type Account, startAdminServer } from './support/admin-server';

/**
 * The school switch in the production-built admin, in Debian's Chromium
 * (issue 15): an editor of one school sees the admin as before, no switch,
 * and only that school's articles, topics and people; an editor of two
 * schools gets the switch ("Trường") with exactly those two, and the lists,
 * the topic picker and a new article follow the school chosen. Every
 * article is published, so that every reader's access lets it through and
 * only the school filter can keep it out of a list.
 */
const SHOTS = 'test-results/admin';
const A = 'Trường THCS An Bình';
const B = 'Trường THCS Bình Minh';
const A_ARTICLE = 'An Bình: cả lớp cùng trực nhật, không chia việc theo giới';
const B_ARTICLE = 'Bình Minh: bạn nam cũng học nấu ăn';
const A_TOPIC = 'Chia sẻ việc nhà';
const B_TOPIC = 'Thể thao cho mọi bạn';
/** Only in B: the people list of an editor in A never names her. */
const B_ONLY: Account = {
  email: 'bientap@binhminh.test',
  password: 'mat-khau-binh-minh-1',
  name: 'Biên tập Bình Minh',
  role: 'editor',
};
/** In A and in B. */
const BOTH = ACCOUNTS.editor2;

const hasChromium = chromiumOrWarn('the school switch browser tests');

let server: Awaited<ReturnType<typeof startAdminServer>>;
let browser: Browser;
let adminToken: string;
let api: ReturnType<typeof restAs>;
let schoolA: number;
let schoolB: number;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startAdminServer();
  adminToken = await loginToken(server.url, ACCOUNTS.admin);
  api = restAs(server.url, adminToken);
  // The install's first school (every test account's school) is A.
  schoolA = (await api('GET', '/api/schools?sort=id&limit=1&depth=0')).docs[0].id;
  await api('PATCH', `/api/schools/${schoolA}`, { name: A });
  schoolB = (await api('POST', '/api/schools', { name: B, slug: 'thcs-binh-minh' })).doc.id;
  const both = (await api('GET', `/api/users?depth=0&where[email][equals]=${encodeURIComponent(BOTH.email)}`)).docs[0];
  await api('PATCH', `/api/users/${both.id}`, {
    schools: [
      { school: schoolA, role: 'editor' },
      { school: schoolB, role: 'editor' },
    ],
  });
  const { role, ...bOnly } = B_ONLY;
  await api('POST', '/api/users', { ...bOnly, schools: [{ school: schoolB, role }] });
  const publishedAt = new Date(Date.now() - 60_000).toISOString();
  for (const [school, title, topic] of [
    [schoolA, A_ARTICLE, A_TOPIC],
    [schoolB, B_ARTICLE, B_TOPIC],
  ] as const) {
    await api('POST', '/api/articles', { title, school, _status: 'published', publishedAt });
    await api('POST', '/api/topics', { title: topic, school });
  }
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signedIn = (account: Account) => signInAs(browser, server.url, account);

/** The plugin's switch (its TenantSelector, above the navigation). */
const switchOf = (page: Page) => page.locator('.tenant-selector');

/** A list view's column (`title`, `name`), once it shows `expected` (a list re-renders after a switch). */
async function listed(page: Page, expected: string, column = 'title'): Promise<string[]> {
  const cells = page.locator(`.table tbody td.cell-${column}`);
  await cells.filter({ hasText: expected }).first().waitFor();
  return (await cells.allInnerTexts()).map((text) => text.trim());
}

/** The options a react-select offers once opened, after they have loaded. */
async function optionsOf(page: Page, control: Locator, expected: string): Promise<string[]> {
  await control.locator('.rs__control').click();
  const menu = page.locator('.rs__menu');
  await menu.locator('.rs__option', { hasText: expected }).first().waitFor();
  const options = await menu.locator('.rs__option').allInnerTexts();
  await page.keyboard.press('Escape');
  return options;
}

async function choose(page: Page, school: string) {
  await switchOf(page).locator('.rs__control').click();
  await page.locator('.rs__menu .rs__option', { hasText: school }).click();
  await expect.poll(() => switchOf(page).locator('.rs__single-value').innerText(), { timeout: 15_000 }).toBe(school);
}

/** A new article from the admin's "create" (articles autosave: the draft exists at once); its id. */
async function newArticle(page: Page): Promise<string> {
  await page.goto(`${server.url}/admin/collections/articles/create`);
  await page.waitForURL(/\/admin\/collections\/articles\/\d+/);
  await page.locator('#field-title').waitFor();
  return /articles\/(\d+)/.exec(page.url())![1]!;
}

const schoolOfArticle = async (id: string) =>
  (await api('GET', `/api/articles/${id}?draft=true&depth=0`)).school as number;

describe.skipIf(!hasChromium)('the school switch (admin in Chromium)', () => {
  it('1. an editor of one school: no switch, only her school’s articles, topics and people', async () => {
    // Her access lets her read B's published article: only the admin's school filter keeps it out of her list.
    const token = (
      (await (
        await fetch(`${server.url}/api/users/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: ACCOUNTS.editor.email, password: ACCOUNTS.editor.password }),
        })
      ).json()) as { token: string }
    ).token;
    const readable = await fetch(
      `${server.url}/api/articles?depth=0&where[title][equals]=${encodeURIComponent(B_ARTICLE)}`,
      { headers: { authorization: `JWT ${token}` } },
    );
    expect(((await readable.json()) as { totalDocs: number }).totalDocs).toBe(1);

    const page = await signedIn(ACCOUNTS.editor);
    await page.goto(`${server.url}/admin/collections/articles`);
    const titles = await listed(page, A_ARTICLE);
    expect(titles).toContain(A_ARTICLE);
    expect(titles).not.toContain(B_ARTICLE);
    // The navigation is there (and settled: the provider has fetched her schools), the switch is not.
    await page.getByRole('link', { name: 'Chủ đề' }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await switchOf(page).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/school-switch-1-one-school.png` });

    const id = await newArticle(page);
    expect(await optionsOf(page, page.locator('#field-topics'), A_TOPIC)).toEqual([A_TOPIC]);
    expect(await switchOf(page).count()).toBe(0);
    expect(await schoolOfArticle(id)).toBe(schoolA);

    await page.goto(`${server.url}/admin/collections/users`);
    const people = await listed(page, ACCOUNTS.editor.name, 'name');
    expect(people).toContain(BOTH.name);
    expect(people).not.toContain(B_ONLY.name);
    await page.context().close();
  });

  it('2. an editor of two schools: the switch offers exactly both; the list, the topics and a new article follow it', async () => {
    const page = await signedIn(BOTH);
    await page.goto(`${server.url}/admin/collections/articles`);
    // Before any choice: both schools' work.
    expect(await listed(page, A_ARTICLE)).toEqual(expect.arrayContaining([A_ARTICLE, B_ARTICLE]));
    const selector = switchOf(page);
    await selector.waitFor();
    expect((await selector.locator('label').innerText()).trim()).toBe('Trường');
    expect(await optionsOf(page, selector, B)).toEqual([A, B]);

    await choose(page, B);
    await expect.poll(() => listed(page, B_ARTICLE), { timeout: 20_000 }).not.toContain(A_ARTICLE);
    await page.screenshot({ path: `${SHOTS}/school-switch-2-chose-b.png` });
    await choose(page, A);
    await expect.poll(() => listed(page, A_ARTICLE), { timeout: 20_000 }).not.toContain(B_ARTICLE);

    await page.goto(`${server.url}/admin/collections/users`);
    expect(await listed(page, BOTH.name, 'name')).not.toContain(B_ONLY.name);

    await choose(page, B);
    const people = await listed(page, B_ONLY.name, 'name');
    expect(people).toContain(BOTH.name);
    expect(people).not.toContain(ACCOUNTS.editor.name);

    const id = await newArticle(page);
    expect(await optionsOf(page, page.locator('#field-topics'), B_TOPIC)).toEqual([B_TOPIC]);
    expect(await schoolOfArticle(id)).toBe(schoolB);
    await page.screenshot({ path: `${SHOTS}/school-switch-3-new-in-b.png` });
    await page.context().close();
  });
});
