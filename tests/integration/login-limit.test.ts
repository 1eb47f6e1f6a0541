import crypto from 'node:crypto';

import { GRAPHQL_POST as graphqlPost } from '@payloadcms/next/routes';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { PAYLOAD_HASH } from '../../src/cms/auth/equal-work';
import { closeMailTransports } from '../../src/cms/mail/outbox';
import { reloadSettings } from '../../src/settings';
import { backend, backendLabel, useCmsWithStaff } from '../support/cms';
import { restCall } from '../support/rest';
import { recipientsOf, startSmtpServer } from '../support/smtp';

/**
 * The login limit and what a login tells about accounts, through Payload's
 * own REST and GraphQL handlers. The limit is counted inside Payload's auth
 * operations, per client address (the header scripts/cms-server.ts sets; the
 * server itself is tested in tests/admin/cms-server.test.ts).
 */
const ctx = useCmsWithStaff();
const PASSWORD = 'mat-khau-thu-nghiem-1';
const LIMIT = 20; // LOGIN_RATE_LIMIT's default

afterEach(() => vi.restoreAllMocks());

const login = (path: string, clientAddress: string, email: string, password = 'sai-mat-khau') =>
  restCall(ctx.cms.config, 'POST', path, { clientAddress, body: { email, password } });

describe(`the login limit on ${backendLabel[backend]}`, () => {
  it('counts every spelling of the login and forgot-password paths together, then refuses in Vietnamese (429)', async () => {
    const address = '203.0.113.7';
    // Percent-encoded spellings (%6Cogin) are decoded by Next before Payload sees them: tested through the real server.
    const spellings = ['/users/login', '/users/LOGIN', '/users/login/', '/users/Login'];
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT - 2; i++)
      statuses.push((await login(spellings[i % spellings.length]!, address, 'khong-ai@truong.test')).status);
    for (const path of ['/users/Forgot-Password', '/users/FORGOT-PASSWORD/']) {
      statuses.push(
        (
          await restCall(ctx.cms.config, 'POST', path, {
            clientAddress: address,
            body: { email: 'khong-ai@truong.test' },
          })
        ).status,
      );
    }
    expect(
      statuses.every((s) => s === 401 || s === 200),
      statuses.join(','),
    ).toBe(true);

    // The 21st attempt, with the right password, in yet another spelling.
    const refused = await login('/users/LOGIN/', address, ctx.staff.editor.email as string, PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.json.errors[0].message).toMatch(/^Quá nhiều lần đăng nhập từ máy này\. Hãy thử lại sau \d+ phút\.$/);
    expect(
      (
        await restCall(ctx.cms.config, 'POST', '/users/forgot-password', {
          clientAddress: address,
          body: { email: 'a@b.test' },
        })
      ).status,
    ).toBe(429);

    // Another address is not held back.
    expect((await login('/users/login', '198.51.100.9', ctx.staff.editor.email as string, PASSWORD)).status).toBe(200);
  });

  it('takes one IPv6 /64 as one client', async () => {
    for (let i = 0; i < LIMIT; i++)
      await login('/users/login', `2001:db8:1:2::${(i + 1).toString(16)}`, 'khong-ai@truong.test');
    expect((await login('/users/login', '2001:db8:1:2:ffff::1', 'khong-ai@truong.test')).status).toBe(429);
    expect((await login('/users/login', '2001:db8:1:3::1', 'khong-ai@truong.test')).status).toBe(401);
  });

  it('GraphQL has no auth mutations: 25 aliased loginUser are one refused request, and no password is checked', async () => {
    const account = ctx.staff.contributor;
    const pbkdf2 = vi.spyOn(crypto, 'pbkdf2');
    const aliases = Array.from(
      { length: 25 },
      (_, i) => `a${i}: loginUser(email: "${account.email}", password: "sai-${i}") { token }`,
    ).join(' ');
    const response = await graphqlPost(Promise.resolve(ctx.cms.config))(
      new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-client-address': '192.0.2.50' },
        body: JSON.stringify({ query: `mutation { ${aliases} }` }),
      }),
    );
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "loginUser"/);
    expect(pbkdf2).not.toHaveBeenCalled();
    const stored = await ctx.cms.payload.findByID({ collection: 'users', id: account.id, showHiddenFields: true });
    expect(stored.loginAttempts ?? 0).toBe(0);
    for (const mutation of [
      'forgotPasswordUser(email: "x@y.test")',
      'resetPasswordUser(token: "x", password: "y") { token }',
      'unlockUser(email: "x@y.test")',
    ]) {
      const r = await graphqlPost(Promise.resolve(ctx.cms.config))(
        new Request('http://localhost:3000/api/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `mutation { ${mutation} }` }),
        }),
      );
      expect(((await r.json()) as { errors?: unknown[] }).errors?.length, mutation).toBeGreaterThan(0);
    }
  });
});

describe(`a login tells nothing about which accounts exist, on ${backendLabel[backend]}`, () => {
  it('an unknown e-mail and a wrong password answer alike and cost the same password hash', async () => {
    const pbkdf2 = vi.spyOn(crypto, 'pbkdf2');
    const unknown = await login('/users/login', '192.0.2.1', 'khong-co-tai-khoan@truong.test');
    const unknownCalls = pbkdf2.mock.calls.map((call) => call.slice(2, 5));
    pbkdf2.mockClear();
    const wrong = await login('/users/login', '192.0.2.1', ctx.staff.admin.email as string);
    const wrongCalls = pbkdf2.mock.calls.map((call) => call.slice(2, 5));

    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.json).toEqual(wrong.json);
    expect(wrongCalls, "Payload's own hash for a real account").toEqual([
      [PAYLOAD_HASH.iterations, PAYLOAD_HASH.keyLength, PAYLOAD_HASH.digest],
    ]);
    expect(unknownCalls).toEqual(wrongCalls);
  });

  it('forgot-password answers the same for a real and an unknown e-mail, before any reset work is done', async () => {
    const account = ctx.staff.editor;
    // A slow SMTP server: the reset mail cannot go out until it answers.
    const smtp = await startSmtpServer();
    const release = smtp.hold();
    process.env.SMTP_URL = smtp.url;
    reloadSettings();
    try {
      const ask = (email: string) =>
        restCall(ctx.cms.config, 'POST', '/users/forgot-password', { clientAddress: '192.0.2.2', body: { email } });
      const within = <T>(promise: Promise<T>) =>
        Promise.race([promise, new Promise<'still waiting'>((r) => setTimeout(() => r('still waiting'), 10_000))]);

      const real = await within(ask(account.email as string));
      const unknown = await within(ask('khong-co-tai-khoan@truong.test'));
      expect(real, 'the answer did not wait for the e-mail').not.toBe('still waiting');
      expect(unknown).toEqual(real);
      expect(real).toMatchObject({ status: 200, json: { message: 'Thành công' } });
      expect(smtp.received).toEqual([]);

      release();
      const [mail] = await smtp.waitFor(1);
      expect(recipientsOf(mail!.mail)).toEqual([String(account.email)]);
      await expect
        .poll(
          async () =>
            (await ctx.cms.payload.findByID({ collection: 'users', id: account.id, showHiddenFields: true }))
              .resetPasswordToken,
          { timeout: 10_000 },
        )
        .toBeTruthy();
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.received, 'no mail for the unknown e-mail').toHaveLength(1);
    } finally {
      delete process.env.SMTP_URL;
      reloadSettings();
      closeMailTransports();
      await smtp.stop();
    }
  });
});
