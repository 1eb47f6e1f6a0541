import { spawnSync } from 'node:child_process';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ACCOUNTS, startAdminServer } from './support/admin-server';
import { IMMUTABLE } from '../../src/cms/uploads/versioned-files';

/**
 * The CMS's own HTTP server (scripts/cms-server.ts, what `npm start` runs),
 * as an attacker meets it: who is asking is decided from the connection, not
 * from headers the client writes; and every response keeps the admin out of
 * other sites' frames.
 */
const LIMIT = 6;
let server: Awaited<ReturnType<typeof startAdminServer>>;
let behindProxy: Awaited<ReturnType<typeof startAdminServer>>;

beforeAll(async () => {
  server = await startAdminServer({ env: { LOGIN_RATE_LIMIT: String(LIMIT) } });
  behindProxy = await startAdminServer({ env: { LOGIN_RATE_LIMIT: String(LIMIT), TRUST_PROXY: '127.0.0.1' } });
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await behindProxy?.stop();
});

const attempt = (base: string, route: string, headers: Record<string, string> = {}, email = 'khong-ai@truong.test') =>
  fetch(`${base}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password: 'sai-mat-khau' }),
    redirect: 'manual',
  });

describe('the login limit behind the real server', () => {
  it('counts every spelling of the path, and neither X-Forwarded-For nor a forged client header lets anyone in after a 429', async () => {
    // startAdminServer's first-register signed in once from this address already.
    const spellings = [
      '/api/users/login',
      '/api/users/%6Cogin',
      '/api/users/LOGIN',
      '/api/users/%66orgot-password',
      '/api/users/Forgot-Password',
    ];
    const statuses: number[] = [];
    for (const route of spellings) statuses.push((await attempt(server.url, route)).status);
    expect(statuses).toEqual([401, 401, 401, 200, 200]);

    const right = { 'x-forwarded-for': '198.51.100.1' };
    const tries: Record<string, string>[] = [
      {},
      right,
      { 'x-forwarded-for': '198.51.100.2, 198.51.100.3' },
      { 'x-client-address': '198.51.100.4' },
    ];
    for (const headers of tries) {
      const response = await attempt(server.url, '/api/users/login', headers, ACCOUNTS.editor.email);
      expect(response.status, JSON.stringify(headers)).toBe(429);
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
        /^Quá nhiều lần đăng nhập từ máy này/,
      );
    }
  });

  it('behind a proxy named in TRUST_PROXY, keys on the address that proxy appended, not on what the client wrote before it', async () => {
    // This test plays the proxy at 127.0.0.1, appending the client's real address 198.51.100.20.
    const results: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      results.push(
        (await attempt(behindProxy.url, '/api/users/login', { 'x-forwarded-for': `6.6.6.${i}, 198.51.100.20` })).status,
      );
    }
    expect(results.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(401));
    expect(results.slice(LIMIT)).toEqual([429, 429]);
    // Another client behind the same proxy is not held back.
    expect((await attempt(behindProxy.url, '/api/users/login', { 'x-forwarded-for': '198.51.100.21' })).status).toBe(
      401,
    );
  });

  it('refuses to start with a TRUST_PROXY it cannot read, saying why', () => {
    const run = spawnSync(
      process.execPath,
      [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/cms-server.ts', '-p', '1'],
      {
        env: { ...process.env, TRUST_PROXY: 'co' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/TRUST_PROXY="co" không hợp lệ/);
  });
});

describe('the admin cannot be framed by another site', () => {
  it('every admin, API and GraphQL response says frame-ancestors self, SAMEORIGIN, nosniff and a referrer policy', async () => {
    for (const route of ['/admin', '/admin/login', '/api/users/me', '/api/schools?limit=1', '/api/graphql']) {
      const response = await fetch(`${server.url}${route}`, { redirect: 'manual' });
      const headers = response.headers;
      expect(headers.get('content-security-policy'), route).toMatch(/frame-ancestors 'self'/);
      expect(headers.get('x-frame-options'), route).toBe('SAMEORIGIN');
      expect(headers.get('x-content-type-options'), route).toBe('nosniff');
      expect(headers.get('referrer-policy'), route).toBe('strict-origin-when-cross-origin');
    }
  });

  it("an uploaded file keeps its own stricter policy (no script), which also forbids other sites' frames", async () => {
    // This test's own address is held back by the first test; on the proxied server it can be another client.
    const base = behindProxy.url;
    const login = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.30' },
      body: JSON.stringify({ email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#7a3b8f' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'anh-thu.png');
    form.append('_payload', JSON.stringify({ alt: 'Ảnh thử' }));
    const uploaded = await fetch(`${base}/api/media`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}` },
      body: form,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const { doc } = (await uploaded.json()) as { doc: { url: string } };
    const file = await fetch(new URL(doc.url, base));
    expect(file.status).toBe(200);
    const csp = file.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'self'/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('cache-control')).not.toBe(IMMUTABLE);
    // The site build asks for a versioned address (src/domain/file-version.ts): kept for a year, so rebuilds reuse it.
    const versioned = await fetch(new URL(`${doc.url}?v=1`, base));
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(Buffer.from(await versioned.arrayBuffer())).toEqual(Buffer.from(await file.arrayBuffer()));
  });
});
