import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chromiumOrWarn, launchChromium } from '../support/chromium';
import { freePort } from '../support/ports';
import { linksOf, recipientsOf, startSmtpServer } from '../support/smtp';
import { loginToken } from './support/session';
import { ACCOUNTS, startAdminServer } from './support/admin-server';

/**
 * "Quên mật khẩu" end to end in the production-built admin, in Debian's
 * Chromium, with a real SMTP server (smtp-server) receiving the mail: the
 * form, the mail, its link opened in the browser, the new password typed in
 * the admin's reset page, and a sign-in with it. The accounts the test
 * server's admin created got their invitations through the same server.
 */
const hasChromium = chromiumOrWarn('the password-reset browser test');

let server: Awaited<ReturnType<typeof startAdminServer>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  smtp = await startSmtpServer();
  const port = await freePort();
  server = await startAdminServer({
    port,
    // The links in the mails point at this server, as CMS_PUBLIC_URL says in production.
    env: { SMTP_URL: smtp.url, CMS_PUBLIC_URL: `http://127.0.0.1:${port}` },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
});

describe.skipIf(!hasChromium)('password reset by mail, in Chromium', () => {
  it('accounts an admin created were invited by mail, with a set-password link and no password', async () => {
    const invited = await smtp.waitFor(Object.keys(ACCOUNTS).length - 1);
    const toEditor = invited.find((r) => recipientsOf(r.mail).includes(ACCOUNTS.editor.email))!;
    expect(toEditor.mail.subject).toMatch(/^Mời tham gia Chuyên mục Bình đẳng giới của /);
    expect(toEditor.raw).not.toContain(ACCOUNTS.editor.password);
    expect(linksOf(toEditor.mail.text).some((l) => l.startsWith(`${server.url}/admin/reset/`))).toBe(true);
  });

  it('"Quên mật khẩu" mails a link that sets a new password in the admin', async () => {
    const before = smtp.received.length;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/login`);
    await page.getByRole('link', { name: /quên mật khẩu/i }).click();
    await page.waitForURL(/\/admin\/forgot$/);
    await page.fill('#field-email', ACCOUNTS.contributor.email);
    await page.click('button[type=submit]');
    await page
      .getByText(/kiểm tra email|thành công|đã gửi/i)
      .first()
      .waitFor({ timeout: 15_000 });

    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(recipientsOf(mail!.mail)).toEqual([ACCOUNTS.contributor.email]);
    expect(mail!.mail.subject).toBe('Đặt lại mật khẩu Chuyên mục Bình đẳng giới');
    expect(mail!.mail.text).toContain(`Kính gửi ${ACCOUNTS.contributor.name},`);
    const link = linksOf(mail!.mail.text).find((l) => l.includes('/admin/reset/'))!;
    expect(link.startsWith(`${server.url}/admin/reset/`)).toBe(true);

    await page.goto(link);
    // The form is React's: typed before hydration, the values would be lost.
    await page.waitForLoadState('networkidle');
    await page.fill('#field-password', 'mat-khau-moi-cua-ctv-2027');
    await page.fill('#field-confirm-password', 'mat-khau-moi-cua-ctv-2027');
    const [answer] = await Promise.all([
      page
        .waitForResponse((r) => r.url().includes('/api/users/reset-password'), { timeout: 10_000 })
        .catch(async (error: Error) => {
          throw new Error(
            `${error.message}\nat ${page.url()}:\n${(await page.locator('body').innerText()).slice(0, 1500)}`,
          );
        }),
      page.click('button[type=submit]'),
    ]);
    expect(answer.status(), await answer.text()).toBe(200);
    // Payload signs the person in after a reset and opens the dashboard.
    await page.waitForURL(/\/admin\/?$/, { timeout: 20_000 }).catch(async (error: Error) => {
      throw new Error(
        `${error.message}\nat ${page.url()}:\n${(await page.locator('body').innerText()).slice(0, 1500)}`,
      );
    });
    await context.close();

    await expect(
      loginToken(server.url, { email: ACCOUNTS.contributor.email, password: 'mat-khau-moi-cua-ctv-2027' }),
    ).resolves.toBeTruthy();
    await expect(loginToken(server.url, ACCOUNTS.contributor)).rejects.toThrow();
    // The link was for one use.
    const again = await fetch(`${server.url}/api/users/reset-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: decodeURIComponent(link.split('/admin/reset/')[1]!), password: 'lan-thu-hai-3' }),
    });
    expect(again.status).toBeGreaterThanOrEqual(400);
  });
});
