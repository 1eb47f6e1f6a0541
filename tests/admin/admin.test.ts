import { mkdir, rename, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { serveSite } from '../../scripts/serve-site';
import { quarterIdOf, quarterOf, quarterSlug } from '../../src/domain/quarters';
import { renderMessage } from '../../src/messages/catalogue';
import { makeImage } from '../../src/seed/images';
import { chromiumOrWarn, launchChromium } from '../support/chromium';
import { freePort } from '../support/ports';
import { ACCOUNTS, type Account, startAdminServer, buildStatusOf } from './support/admin-server';
import { startCutProxy } from './support/cut-proxy';

/**
 * The editors' whole workflow in the real admin, built and started as in
 * production (`next build`, `next start` with the job runner), in Debian's
 * Chromium, with the public site built by the rebuild jobs and served as by
 * `npm start`. The site build reaches the CMS through a relay the test can
 * cut. The steps depend on each other and run in order. Screenshots of each
 * step at desktop and phone widths go to test-results/admin/.
 */
const SHOTS = 'test-results/admin';
const BASE = '/binh-dang-gioi/';
const DIST = path.resolve('.astro/admin-test/dist');
const TITLE = 'Bình đẳng giới trong từng bữa cơm gia đình';
const SLUG = 'binh-dang-gioi-trong-tung-bua-com-gia-dinh';
const BODY = 'Cả nhà cùng nấu ăn, cùng dọn dẹp: đó là bình đẳng giới.';
const COVER_ALT = 'Cả nhà cùng nấu bữa tối';
const EARLIER = 'Bài đã đăng từ trước';
const LOST_TITLE = 'Ngày hội thể thao cho mọi bạn';
const LOST_ALT = 'Học sinh nam và nữ cùng chơi kéo co';
/** The promise: a published article is on the site within a minute. */
const PUBLISH_DEADLINE_MS = 60_000;

const hasChromium = chromiumOrWarn('the admin browser tests');

let server: Awaited<ReturnType<typeof startAdminServer>>;
let proxy: Awaited<ReturnType<typeof startCutProxy>>;
let site: Server;
let siteUrl: string;
let browser: Browser;
let articleUrl: string;
let adminToken: string;

beforeAll(async () => {
  if (!hasChromium) return;
  await rm(path.dirname(DIST), { recursive: true, force: true });
  const [adminPort, sitePort] = [await freePort(), await freePort()];
  proxy = await startCutProxy(() => adminPort);
  siteUrl = `http://127.0.0.1:${sitePort}${BASE}`;
  server = await startAdminServer({
    port: adminPort,
    runJobs: true,
    env: {
      SITE_DIST: DIST,
      SITE_BUILD_PAYLOAD_URL: proxy.url,
      SITE_URL: `http://127.0.0.1:${sitePort}`,
      SITE_BASE: BASE,
      SITE_REBUILD_DEBOUNCE_MS: '1000',
      // A new school has no past quarters to show; the strict check is tested in tests/site.
      COVERAGE_STRICT: 'false',
      // Room for this suite's own logins; step 8 then runs into the limit.
      LOGIN_RATE_LIMIT: '40',
    },
  });
  site = await serveSite({ root: DIST, port: sitePort, env: { PAYLOAD_URL: proxy.url } });
  adminToken = await apiToken(ACCOUNTS.admin);
  // Something already published, built by the rebuild job as any publish would be.
  const since = new Date();
  await api('POST', '/api/articles', {
    title: EARLIER,
    _status: 'published',
    publishedAt: new Date(Date.now() - 60_000).toISOString(),
  });
  await waitForBuild(since);
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)));
  await server?.stop();
  await proxy?.close();
  await rm(path.dirname(DIST), { recursive: true, force: true });
});

async function apiToken(account: Account): Promise<string> {
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!response.ok) throw new Error(`login ${account.email} → ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

async function api(method: string, route: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${adminToken}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

type BuildStatus = { state?: string; lastSuccessAt?: string; lastFailureAt?: string; lastFailureReason?: string };

/** Until a build that started after `since` has finished (either way). */
async function waitForBuild(since: Date, timeout = 180_000): Promise<BuildStatus> {
  const after = (iso?: string) => Boolean(iso && new Date(iso) > since);
  const deadline = Date.now() + timeout;
  for (;;) {
    const status = (await buildStatusOf(api)) as BuildStatus;
    if (status.state !== 'running' && (after(status.lastSuccessAt) || after(status.lastFailureAt))) return status;
    if (Date.now() > deadline)
      throw new Error(`no site build finished within ${timeout / 1000} s: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const sitePage = (route: string) => fetch(`${siteUrl}${route}`);

/** The current quarter's count in the published coverage report. */
async function currentQuarterCount(): Promise<number> {
  const report = (await (await sitePage('coverage.json')).json()) as { quarters: { quarter: string; count: number }[] };
  return report.quarters.find((q) => q.quarter === quarterIdOf(new Date()))?.count ?? 0;
}

async function newPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, locale: 'en-US' });
  return context.newPage();
}

async function shots(page: Page, name: string) {
  for (const [label, width] of [
    ['desktop', 1280],
    ['phone', 390],
  ] as const) {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    await page.waitForTimeout(150);
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

async function signedIn(account: Account): Promise<Page> {
  const page = await newPage();
  await login(page, account);
  await page.waitForURL(/\/admin$/);
  return page;
}

describe.skipIf(!hasChromium)('from the editor’s click to the reader’s page (admin in Chromium)', () => {
  let articleId = '';
  let countBefore = 0;

  it('0. the admin speaks Vietnamese even to an English browser', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/admin/login`);
    expect(await page.locator('button[type=submit]').innerText()).toBe('Đăng nhập');
    await shots(page, '0-login');
    await page.context().close();
  });

  it('1. a contributor writes an article with a cover uploaded in the admin, saves a draft, and cannot publish', async () => {
    const page = await signedIn(ACCOUNTS.contributor);
    // The session cookie as production sets it: Secure, HttpOnly, SameSite=Lax.
    const session = (await page.context().cookies()).find((c) => c.name === 'payload-token');
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    // Articles autosave: opening "create" makes the draft at once.
    await page.goto(`${server.url}/admin/collections/articles/create`);
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/);
    articleId = /articles\/(\d+)/.exec(page.url())![1]!;
    await page.fill('#field-title', TITLE);

    // The cover: "Tạo mới" opens the media form in a drawer; the file goes through the upload checks.
    await page.locator('#field-cover').getByRole('button', { name: 'Tạo mới' }).click();
    const drawer = page.locator('.drawer--is-open');
    await drawer.locator('input[type=file]').setInputFiles({
      name: 'bua-com.jpg',
      mimeType: 'image/jpeg',
      buffer: await makeImage({ palette: ['#8a1c5c', '#f0a3cf'], width: 1200, height: 800 }),
    });
    await drawer.locator('#field-alt').fill(COVER_ALT);
    await shots(page, '1a-contributor-uploads-cover');
    await drawer.locator('#action-save').click();
    await expect.poll(() => page.locator('.drawer--is-open').count(), { timeout: 30_000 }).toBe(0);

    await page.locator('[data-lexical-editor="true"]').first().click();
    await page.keyboard.type(BODY);

    // Read back as the contributor, through the API with a token (the session cookie is for the browser only: CSRF).
    const contributorToken = await apiToken(ACCOUNTS.contributor);
    const saved = async () =>
      (await (
        await fetch(`${server.url}/api/articles/${articleId}?draft=true&depth=1`, {
          headers: { authorization: `JWT ${contributorToken}` },
        })
      ).json()) as {
        title?: string;
        _status?: string;
        body?: unknown;
        cover?: { alt?: string; mimeType?: string };
      };
    await expect.poll(async () => (await saved()).title, { timeout: 20_000 }).toBe(TITLE);
    await expect
      .poll(async () => JSON.stringify((await saved()).body ?? ''), { timeout: 20_000 })
      .toContain('cùng dọn dẹp');
    await expect.poll(async () => (await saved()).cover?.alt, { timeout: 20_000 }).toBe(COVER_ALT);
    const draft = await saved();
    expect(draft._status).toBe('draft');
    expect(draft.cover?.mimeType).toBe('image/jpeg');

    const publish = page.getByRole('button', { name: 'Xuất bản tài liệu' });
    const canPublish = (await publish.count()) > 0 && (await publish.first().isEnabled());
    expect(canPublish, 'a contributor has no enabled publish button').toBe(false);
    await shots(page, '1b-contributor-draft-saved');
    await page.context().close();
  });

  it('2. an editor previews the draft exactly as on the site, publishes it, and within 60 s it is on the site, its quarter, RSS, search and the coverage count', async () => {
    expect(articleId, 'step 1 made the draft').not.toBe('');
    countBefore = await currentQuarterCount();
    expect((await sitePage(`bai-viet/${SLUG}/`)).status).toBe(404);

    const page = await signedIn(ACCOUNTS.editor);
    await page.goto(`${server.url}/admin/collections/articles/${articleId}`);
    await expect.poll(() => page.locator('#field-title').inputValue(), { timeout: 20_000 }).toBe(TITLE);
    await shots(page, '2a-editor-opens-draft');

    // Payload's preview button opens the site's preview page in a new tab, with the editor's session.
    const [preview] = await Promise.all([page.context().waitForEvent('page'), page.locator('#preview-button').click()]);
    await preview.waitForLoadState('load');
    expect(preview.url()).toBe(`${siteUrl}xem-truoc/articles/${articleId}/`);
    expect(await preview.locator('h1').innerText()).toBe(TITLE);
    expect(await preview.locator('.preview-banner').innerText()).toContain('Bản xem trước, chưa công khai');
    expect(await preview.locator('article .prose').last().innerText()).toContain(BODY);
    const cover = preview.locator(`article img[alt="${COVER_ALT}"]`);
    await expect
      .poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await shots(preview, '2b-editor-previews');
    await preview.close();

    await page.getByRole('button', { name: 'Xuất bản tài liệu' }).click();
    const published = Date.now();
    await expect
      .poll(async () => (await api('GET', `/api/articles/${articleId}?depth=0`))._status, { timeout: 20_000 })
      .toBe('published');
    await shots(page, '2c-editor-published');

    await expect
      .poll(async () => (await sitePage(`bai-viet/${SLUG}/`)).status, { timeout: PUBLISH_DEADLINE_MS, interval: 1000 })
      .toBe(200);
    console.log(`[admin] published → on the served site in ${((Date.now() - published) / 1000).toFixed(1)} s`);
    articleUrl = `${siteUrl}bai-viet/${SLUG}/`;
    expect(await (await sitePage(`quy/${quarterSlug(quarterOf(new Date()))}/`)).text()).toContain(TITLE);
    expect(await (await sitePage('rss.xml')).text()).toContain(TITLE);
    expect(await currentQuarterCount()).toBe(countBefore + 1);
    expect(await (await sitePage('bao-cao/')).text()).toContain(TITLE);

    const reader = await newPage(390);
    await reader.goto(articleUrl);
    expect(await reader.locator('h1').innerText()).toBe(TITLE);
    await shots(reader, '2d-reader-sees-article');
    // Search, typed without diacritics as on a phone keyboard.
    await reader.goto(`${siteUrl}tim-kiem/?q=${encodeURIComponent('bua com gia dinh')}`);
    await reader.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    expect(await reader.locator('.pagefind-ui__result-title').allInnerTexts()).toContain(TITLE);
    await shots(reader, '2e-reader-finds-it');
    await reader.goto(`${siteUrl}bao-cao/`);
    await shots(reader, '2f-coverage-page');
    await reader.context().close();
    await page.context().close();
  });

  it('3. the editor unpublishes it; after the rebuild it is gone from the site and from the coverage count', async () => {
    expect(articleUrl, 'step 2 published it').toBeDefined();
    const page = await signedIn(ACCOUNTS.editor);
    await page.goto(`${server.url}/admin/collections/articles/${articleId}`);
    await expect.poll(() => page.locator('#field-title').inputValue(), { timeout: 20_000 }).toBe(TITLE);
    // "Ẩn tài liệu" (unpublish) is in the document's ⋮ menu, then confirmed in a dialog.
    await page.locator('.doc-controls__dots').click();
    await page.locator('#action-unpublish').click();
    await shots(page, '3a-editor-confirms-unpublish');
    await page.locator('#confirm-action').click();
    await expect
      .poll(async () => (await api('GET', `/api/articles/${articleId}?draft=true&depth=0`))._status, {
        timeout: 20_000,
      })
      .toBe('draft');
    await shots(page, '3b-editor-unpublished');

    await expect
      .poll(async () => (await sitePage(`bai-viet/${SLUG}/`)).status, { timeout: PUBLISH_DEADLINE_MS, interval: 1000 })
      .toBe(404);
    expect(await (await sitePage(`quy/${quarterSlug(quarterOf(new Date()))}/`)).text()).not.toContain(TITLE);
    expect(await (await sitePage('rss.xml')).text()).not.toContain(TITLE);
    expect(await currentQuarterCount()).toBe(countBefore);
    const reader = await newPage(390);
    await reader.goto(articleUrl);
    await shots(reader, '3c-reader-finds-it-gone');
    await reader.context().close();
    await page.context().close();
  });

  it('4. two editors open the same article: the second sees it is locked by the first', async () => {
    const first = await signedIn(ACCOUNTS.editor);
    await first.goto(`${server.url}/admin/collections/articles/${articleId}`);
    await expect.poll(() => first.locator('#field-title').inputValue(), { timeout: 20_000 }).toBe(TITLE);
    // Payload holds the lock while the first editor is editing; an autosave
    // releases it, so the first editor keeps typing while the second arrives.
    let typing = true;
    const keepTyping = (async () => {
      await first.locator('#field-title').click();
      await first.keyboard.press('End');
      while (typing) {
        await first.keyboard.type(' ', { delay: 50 });
        await first.keyboard.press('Backspace');
        await first.waitForTimeout(300);
      }
    })();
    await expect
      .poll(async () => ((await api('GET', '/api/payload-locked-documents?depth=0')).docs as unknown[]).length, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);

    const second = await signedIn(ACCOUNTS.editor2);
    await second.goto(`${server.url}/admin/collections/articles/${articleId}`);
    const notice = second.locator('.document-locked');
    await notice.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await notice.innerText();
    expect(text).toContain('Tài liệu bị khóa');
    expect(text).toContain(ACCOUNTS.editor.email);
    expect(text).toContain('đang chỉnh sửa');
    await shots(second, '4-second-editor-sees-lock');
    typing = false;
    await keepTyping;
    await first.context().close();
    await second.context().close();
  });

  it('5. five wrong passwords lock the account, and the admin says so in Vietnamese', async () => {
    const page = await newPage();
    for (let i = 0; i < 5; i++) {
      await login(page, ACCOUNTS.forgetful, 'sai-mat-khau');
      await page.waitForTimeout(400);
    }
    await login(page, ACCOUNTS.forgetful);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toMatch(/bị khóa/);
    await shots(page, '5-account-locked');
    await page.context().close();
  });

  it('6. a build that cannot reach the CMS leaves the previous site serving and shows the failure in the admin', async () => {
    const page = await signedIn(ACCOUNTS.editor);
    proxy.cut();
    try {
      const since = new Date();
      await page.getByRole('button', { name: 'Dựng lại trang ngay' }).click();
      const status = await waitForBuild(since, 60_000);
      expect(status.lastFailureAt && new Date(status.lastFailureAt) > since).toBe(true);
      await page.reload();
      const alert = page.locator('[role=alert]', { hasText: 'thất bại; trang cũ vẫn đang hiển thị' });
      await alert.waitFor({ timeout: 20_000 });
      expect(await alert.innerText()).toContain('Không kết nối được CMS');
      await alert.scrollIntoViewIfNeeded();
      await shots(page, '6a-admin-shows-failed-build');
      // The readers' site is the previous build, still served.
      expect((await sitePage('')).status).toBe(200);
      expect(await (await sitePage('bai-viet/')).text()).toContain(EARLIER);
      const reader = await newPage(390);
      await reader.goto(siteUrl);
      await shots(reader, '6b-reader-site-still-served');
      await reader.context().close();
    } finally {
      proxy.restore();
      await page.context().close();
    }
  });

  it('7. a cover lost from the uploads folder: the site is still built, and the dashboard names the article and the file until it is back', async () => {
    // No build pending or running from earlier steps, so the next finished build is the one this step asks for.
    await expect
      .poll(async () => ((await buildStatusOf(api)) as BuildStatus).state, {
        timeout: 120_000,
        interval: 1000,
      })
      .toBe('idle');
    // A new image (uploading alone does not rebuild: no published item uses it yet).
    const form = new FormData();
    const jpeg = await makeImage({ palette: ['#0f5c4a', '#a7e3d3'], width: 1200, height: 800 });
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'keo-co.jpg');
    form.append('_payload', JSON.stringify({ alt: LOST_ALT }));
    const uploaded = await fetch(`${server.url}/api/media`, {
      method: 'POST',
      headers: { authorization: `JWT ${adminToken}` },
      body: form,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const media = (await uploaded.json()) as {
      doc: { id: number; filename: string; sizes?: Record<string, { filename?: string | null }> };
    };
    const filename = media.doc.filename;
    // The storage problem: the media row is there, its file and resized copies are gone from the uploads folder.
    const uploadsMedia = path.join(server.env.UPLOADS_DIR!, 'media');
    const aside = path.join(path.dirname(server.env.UPLOADS_DIR!), 'lost-media');
    await mkdir(aside, { recursive: true });
    const stored = [filename, ...Object.values(media.doc.sizes ?? {}).map((s) => s.filename)].filter(
      (name): name is string => Boolean(name),
    );
    for (const name of stored) await rename(path.join(uploadsMedia, name), path.join(aside, name));
    expect((await fetch(`${server.url}/api/media/file/${encodeURIComponent(filename)}`)).ok).toBe(false);

    // Publishing an article with that cover rebuilds the site, as any publish does.
    const since = new Date();
    const article = (
      (await api('POST', '/api/articles', {
        title: LOST_TITLE,
        _status: 'published',
        publishedAt: new Date(Date.now() - 60_000).toISOString(),
        cover: media.doc.id,
      })) as { doc: { id: number; slug: string } }
    ).doc;
    const built = await waitForBuild(since);
    expect(built.lastSuccessAt && new Date(built.lastSuccessAt) > since, JSON.stringify(built)).toBe(true);
    // The article is on the site, without its cover.
    const articlePage = await sitePage(`bai-viet/${article.slug}/`);
    expect(articlePage.status).toBe(200);
    const html = await articlePage.text();
    expect(html).toContain(LOST_TITLE);
    expect(html).not.toContain(`alt="${LOST_ALT}"`);

    // The admin's dashboard, as an admin sees it.
    const page = await signedIn(ACCOUNTS.admin);
    try {
      const missing = renderMessage('FilesMissingOnDashboard', { count: 1 });
      const panel = page.getByRole('alert').filter({ hasText: missing.message });
      await panel.waitFor({ timeout: 20_000 });
      await expect.poll(() => panel.getByRole('listitem').count()).toBe(1);
      const row = panel.getByRole('listitem');
      expect(await row.innerText()).toContain(`Bài viết “${LOST_TITLE}”`);
      expect(await row.getByText(filename, { exact: true }).count()).toBe(1);
      expect(await row.innerText()).toMatch(/\(ảnh, CMS trả lời HTTP [45]\d\d\)/);
      expect(await panel.innerText()).toContain(missing.hint!);
      await panel.scrollIntoViewIfNeeded();
      await shots(page, '7a-dashboard-lists-missing-file');
      // The title links to the article in the admin.
      await row.getByRole('link', { name: `“${LOST_TITLE}”` }).click();
      await page.waitForURL(new RegExp(`/admin/collections/articles/${article.id}(?:[?#]|$)`));
      await expect.poll(() => page.locator('#field-title').inputValue(), { timeout: 20_000 }).toBe(LOST_TITLE);
      await shots(page, '7b-link-opens-the-article');

      // The file is back (restored from a backup); a rebuild clears the list and the cover is on the site again.
      for (const name of stored) await rename(path.join(aside, name), path.join(uploadsMedia, name));
      await page.goto(`${server.url}/admin`);
      const rebuiltSince = new Date();
      await page.getByRole('button', { name: 'Dựng lại trang ngay' }).click();
      const rebuilt = await waitForBuild(rebuiltSince);
      expect(rebuilt.lastSuccessAt && new Date(rebuilt.lastSuccessAt) > rebuiltSince, JSON.stringify(rebuilt)).toBe(
        true,
      );
      expect((await buildStatusOf(api)).missingFiles).toEqual([]);
      await page.reload();
      await page.getByRole('button', { name: 'Dựng lại trang ngay' }).waitFor({ timeout: 20_000 });
      expect(await page.getByText('Trang đã dựng nhưng thiếu').count()).toBe(0);
      expect(await (await sitePage(`bai-viet/${article.slug}/`)).text()).toContain(`alt="${LOST_ALT}"`);
      await shots(page, '7c-dashboard-clear-again');
    } finally {
      await page.context().close();
    }
  });

  it('8. one address trying password after password, account after account, is stopped (429, said in Vietnamese)', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 60 && last?.status !== 429; i++) {
      last = await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `khong-co-${i}@truong.test`, password: 'doan-mo' }),
      });
    }
    expect(last?.status).toBe(429);
    expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await last!.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain(
      'Quá nhiều lần đăng nhập',
    );
    // Even the right password waits, and the login form says why.
    const page = await newPage();
    await login(page, ACCOUNTS.editor);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain('Quá nhiều lần đăng nhập');
    await shots(page, '8-login-rate-limited');
    await page.context().close();
  });
});
