import { GRAPHQL_POST as graphqlPost } from '@payloadcms/next/routes';
import { handleEndpoints } from 'payload';
import { describe, expect, it } from 'vitest';

import { backend, backendLabel, useCmsWithStaff } from '../support/cms';
import { createDoc } from '../support/fixtures';
import { restCall, restLogin } from '../support/rest';

/**
 * A sample of the access matrix through the real HTTP handlers (REST via
 * Payload's fetch handler, GraphQL via the route the admin app mounts), to
 * show they apply the same rules as the Local API.
 */
const ctx = useCmsWithStaff();
const PASSWORD = 'mat-khau-thu-nghiem-1';

const rest = (method: string, url: string, options: { token?: string; body?: unknown } = {}) =>
  restCall(ctx.cms.config, method, url, options);
const login = (email: string) => restLogin(ctx.cms.config, email, PASSWORD);

describe(`REST on ${backendLabel[backend]}`, () => {
  it('anonymous lists only published, due articles, and never a draft by id', async () => {
    const published = await createDoc(ctx.cms.payload, 'articles', {
      status: 'published',
      by: ctx.staff.editor,
      title: 'Công khai',
    });
    const draft = await createDoc(ctx.cms.payload, 'articles', {
      status: 'draft',
      by: ctx.staff.editor,
      title: 'Bản nháp',
    });
    const list = await rest('GET', '/articles?draft=true&limit=100');
    expect(list.status).toBe(200);
    const ids = list.json.docs.map((d: { id: unknown }) => d.id);
    expect(ids).toContain(published.id);
    expect(ids).not.toContain(draft.id);
    expect((await rest('GET', `/articles/${draft.id}?draft=true`)).status).toBe(404);
    expect((await rest('GET', `/articles/versions`)).status).toBe(403);
  });

  it("anonymous cannot read users; a school's name, address and coverage policy are public", async () => {
    expect((await rest('GET', '/users')).status).toBe(403);
    const policy = await rest('GET', '/schools/policy');
    expect(policy.status).toBe(200);
    expect(policy.json).toMatchObject({
      school: { name: 'Trường THCS', slug: 'truong-thcs', district: '' },
      basePath: '/binh-dang-gioi/',
      origin: null,
      columnTitle: 'Bình đẳng giới',
      policy: { start: '2022-Q1', minPerQuarter: 1, countedCollections: ['articles'] },
    });
    expect((await rest('GET', '/schools/policy?school=truong-thcs')).status).toBe(200);
    expect((await rest('GET', '/schools/policy?school=khong-co')).status).toBe(404);
  });

  it('a contributor cannot publish; an editor can; messages are in Vietnamese', async () => {
    const draft = await createDoc(ctx.cms.payload, 'articles', { status: 'draft', by: ctx.staff.contributor });
    const contributor = await login(ctx.staff.contributor.email as string);
    const refused = await rest('PATCH', `/articles/${draft.id}`, {
      token: contributor,
      body: { _status: 'published' },
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).toMatch(/Bạn không có quyền/);
    const editor = await login(ctx.staff.editor.email as string);
    const ok = await rest('PATCH', `/articles/${draft.id}`, { token: editor, body: { _status: 'published' } });
    expect(ok.status).toBe(200);
    expect(ok.json.doc._status).toBe('published');
  });

  it('five wrong passwords lock the account', async () => {
    const email = ctx.staff.editor.email as string;
    for (let i = 0; i < 5; i++) {
      const wrong = await rest('POST', '/users/login', { body: { email, password: 'sai-mat-khau' } });
      expect(wrong.status).toBe(401);
    }
    const locked = await rest('POST', '/users/login', { body: { email, password: PASSWORD } });
    expect(locked.status).toBe(401);
    expect(JSON.stringify(locked.json)).toMatch(/khóa|khoá/i);
    // @ts-expect-error Payload's generated UserAuthOperations require a password for unlock, which reads only the e-mail.
    await ctx.cms.payload.unlock({ collection: 'users', data: { email }, overrideAccess: true });
  });
});

describe(`CSRF and CORS on ${backendLabel[backend]}`, () => {
  const withCookie = async (token: string, headers: Record<string, string>) => {
    const request = new Request('http://localhost:3000/api/users/me', {
      headers: { cookie: `payload-token=${token}`, ...headers },
    });
    const response = await handleEndpoints({ config: ctx.cms.config, request });
    return { response, json: (await response.json()) as { user: { email: string } | null } };
  };

  it('the session cookie counts from the CMS’s own origin, and not from another site’s page', async () => {
    const token = await login(String(ctx.staff.editor.email));
    expect((await withCookie(token, { origin: 'http://localhost:3000' })).json.user?.email).toBe(
      ctx.staff.editor.email,
    );
    expect((await withCookie(token, { 'sec-fetch-site': 'same-origin' })).json.user?.email).toBe(
      ctx.staff.editor.email,
    );
    expect((await withCookie(token, { origin: 'https://evil.example' })).json.user).toBeNull();
    expect((await withCookie(token, { 'sec-fetch-site': 'cross-site' })).json.user).toBeNull();
  });

  it('answers cross-origin (CORS) only to the allowed origins', async () => {
    const token = await login(String(ctx.staff.editor.email));
    const allowed = await withCookie(token, { origin: 'http://127.0.0.1:3000' });
    expect(allowed.response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    const foreign = await withCookie(token, { origin: 'https://evil.example' });
    expect(foreign.response.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(foreign.response.headers.get('access-control-allow-origin')).not.toBe('*');
  });
});

describe(`GraphQL on ${backendLabel[backend]}`, () => {
  it('anonymous queries see only published articles and no users', async () => {
    const published = await createDoc(ctx.cms.payload, 'articles', {
      status: 'published',
      by: ctx.staff.editor,
      title: 'GraphQL công khai',
    });
    const draft = await createDoc(ctx.cms.payload, 'articles', {
      status: 'draft',
      by: ctx.staff.editor,
      title: 'GraphQL nháp',
    });
    const post = graphqlPost(Promise.resolve(ctx.cms.config));
    const query = async (q: string) => {
      const response = await post(
        new Request('http://localhost:3000/api/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: q }),
        }),
      );
      return (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
    };
    const articles = await query('{ Articles(draft: true, limit: 100) { docs { id title } } }');
    const ids = articles.data?.Articles.docs.map((d: { id: unknown }) => String(d.id));
    expect(ids).toContain(String(published.id));
    expect(ids).not.toContain(String(draft.id));
    const users = await query('{ Users { docs { email } } }');
    expect(users.errors?.length ?? 0).toBeGreaterThan(0);
    expect(users.data?.Users ?? null).toBeNull();
  });

  it('refuses a query over the cost limit before running it, and answers the same query within it', async () => {
    const post = graphqlPost(Promise.resolve(ctx.cms.config));
    const query = async (q: string) =>
      (await (
        await post(
          new Request('http://localhost:3000/api/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: q }),
          }),
        )
      ).json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: Articles(limit: 10) { docs { id title slug excerpt topics { id title slug } } }`).join(' ')} }`;
    const small = await query(aliases(2));
    expect(small.errors ?? []).toEqual([]);
    expect(Object.keys(small.data ?? {})).toHaveLength(2);
    const huge = await query(aliases(200));
    expect(huge.data ?? null).toBeNull();
    expect(huge.errors?.[0]?.message).toMatch(/complexity/i);
  });
});
