import type { Browser, Page } from 'playwright-core';

/** Anyone who signs in: an e-mail and a password (the test accounts, or the ones the seed printed). */
export type Credentials = { email: string; password: string };

/** A session token through REST, as a script or the admin's own requests would get one. */
export async function loginToken(url: string, account: Credentials): Promise<string> {
  const response = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!response.ok) throw new Error(`login ${account.email} → ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** REST calls as the holder of `token`; a refusal throws with the answer. */
export function restAs(url: string, token: string) {
  return async (method: string, route: string, body?: unknown): Promise<Record<string, any>> => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${await response.text()}`);
    return (await response.json()) as Record<string, any>;
  };
}

/**
 * A new browser window signed in to the admin through its login form. Wider
 * than Payload's large breakpoint (1440 px), where the navigation (and the
 * school switch above it) is an open sidebar.
 */
export async function signedIn(browser: Browser, url: string, account: Credentials): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${url}/admin/login`);
  await page.fill('#field-email', account.email);
  await page.fill('#field-password', account.password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin$/);
  return page;
}
