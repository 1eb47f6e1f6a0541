import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';

import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ACCOUNTS, type Account, startAdminServer } from './support/admin-server';

/**
 * Editors' workflow in the real admin, built and started as in production,
 * in Debian's Chromium. Screenshots at phone and desktop widths go to
 * test-results/admin/.
 */
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = 'test-results/admin';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`\n!!! SKIPPED: the admin browser tests need Debian's Chromium at ${CHROMIUM} (apt-get install chromium).\n`);

let server: Awaited<ReturnType<typeof startAdminServer>>;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startAdminServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, locale: 'en-US' });
  return context.newPage();
}

async function shots(page: Page, name: string) {
  for (const [label, width] of [['desktop', 1280], ['phone', 390]] as const) {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function login(page: Page, account: Account, password = account.password) {
  await page.goto(`${server.url}/admin/login`);
  await page.fill('#field-email', account.email);
  await page.fill('#field-password', password);
  await page.click('button[type=submit]');
}

describe.skipIf(!hasChromium)('the admin in Chromium', () => {
  it('speaks Vietnamese even to an English browser', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/admin/login`);
    await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeDefined();
    expect(await page.locator('button[type=submit]').innerText()).toBe('Đăng nhập');
    await shots(page, '0-login');
    await page.context().close();
  });

  it('a contributor writes a draft (autosaved) and is offered no way to publish it', async () => {
    const page = await newPage();
    await login(page, ACCOUNTS.contributor);
    await page.waitForURL(/\/admin$/);
    // Articles autosave: opening "create" makes the draft at once.
    await page.goto(`${server.url}/admin/collections/articles/create`);
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/);
    const id = /articles\/(\d+)/.exec(page.url())![1];
    await page.fill('#field-title', 'Bình đẳng giới trong từng bữa cơm gia đình');
    await page.locator('[data-lexical-editor="true"]').first().click();
    await page.keyboard.type('Cả nhà cùng nấu ăn, cùng dọn dẹp: đó là bình đẳng giới.');
    const saved = async () => {
      const response = await page.request.get(`${server.url}/api/articles/${id}?draft=true&depth=0`);
      return (await response.json()) as { title?: string; _status?: string; body?: unknown };
    };
    await expect.poll(async () => (await saved()).title, { timeout: 20_000 }).toBe('Bình đẳng giới trong từng bữa cơm gia đình');
    await expect.poll(async () => JSON.stringify((await saved()).body ?? ''), { timeout: 20_000 }).toContain('cùng dọn dẹp');
    expect((await saved())._status).toBe('draft');
    const publish = page.getByRole('button', { name: 'Xuất bản tài liệu' });
    const canPublish = (await publish.count()) > 0 && (await publish.first().isEnabled());
    expect(canPublish, 'a contributor has no enabled publish button').toBe(false);
    await shots(page, '1-contributor-draft');
    await page.context().close();
  });

  it('five wrong passwords lock the account, and the admin says so in Vietnamese', async () => {
    const page = await newPage();
    for (let i = 0; i < 5; i++) {
      await login(page, ACCOUNTS.editor2, 'sai-mat-khau');
      await page.waitForTimeout(400);
    }
    await login(page, ACCOUNTS.editor2);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toMatch(/bị khóa/);
    await shots(page, '4-locked');
    await page.context().close();
  });
});
