import { rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildSite } from '../../scripts/build-site';
import { serveSite } from '../../scripts/serve-site';
import { sampleDocument } from '../../src/seed/demo-files';
import { makeImage } from '../../src/seed/images';
import { toLexical, uploadNode } from '../../src/seed/lexical';
import { createStaff, minimalData, type Staff } from '../support/fixtures';
import { type HttpCms, startHttpCms } from './support/http-cms';

/**
 * Draft preview: the site's one on-request page, served by Astro's Node
 * server behind scripts/serve-site.ts, with the draft fetched by the
 * visitor's own CMS session. Checked: who may see it, the headers that keep
 * it out of caches and indexes, and that it renders the same article HTML as
 * the published page.
 */
const DIST = path.resolve('.astro/test-preview/dist');
const BASE = '/binh-dang-gioi/';
const PASSWORD = 'mat-khau-thu-nghiem-1';
let cms: HttpCms;
let staff: Staff;
let server: Server;
let origin: string;
let draftId: string | number;
let storyId: string | number;
let resourceId: string | number;

const build = async () => {
  const built = await buildSite({
    dist: DIST,
    env: { PAYLOAD_URL: cms.url, SITE_BASE: BASE, COVERAGE_STRICT: 'false' },
    quiet: true,
  });
  if (!built.ok) throw new Error(built.message);
};

async function tokenOf(email: string): Promise<string> {
  const response = await fetch(`${cms.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

const preview = (id: string | number, token?: string, collection = 'articles') =>
  fetch(`${origin}xem-truoc/${collection}/${id}/`, token ? { headers: { cookie: `payload-token=${token}` } } : {});

/** The <article> element, with image addresses (built files vs. on-request images) taken out. */
function articleOf(html: string): string {
  const article = /<article[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
  return article.replace(/ (src|srcset)="[^"]*"/g, ' $1=""').replace(/ data-pagefind-body(="[^"]*")?/g, '');
}

beforeAll(async () => {
  cms = await startHttpCms();
  staff = await createStaff(cms.payload);
  const image = await makeImage({ palette: ['#8a1c5c', '#f0a3cf'] });
  const cover = await cms.payload.create({
    collection: 'media',
    data: { alt: 'Hai bạn nhỏ cùng trồng cây' },
    file: { data: image, name: 'trong-cay.jpg', mimetype: 'image/jpeg', size: image.length },
  });
  const topic = await cms.payload.create({ collection: 'topics', data: { title: 'Việc nhà chia sẻ' } });
  await cms.payload.create({
    collection: 'articles',
    data: {
      title: 'Bài đã công khai',
      body: toLexical(['Một bài đã đăng.']),
      _status: 'published',
      publishedAt: '2026-10-01T03:00:00.000Z',
    },
  });
  const draft = await cms.payload.create({
    collection: 'articles',
    draft: true,
    data: {
      title: 'Bản nháp: Con trai cũng rửa bát',
      excerpt: 'Một buổi tối ở nhà bạn Minh.',
      cover: cover.id,
      topics: [topic.id],
      audiences: ['parents'],
      body: toLexical(['Tối nào Minh cũng rửa bát cùng mẹ và chị.'], { afterFirst: uploadNode(cover.id) }),
      publishedAt: '2026-11-20T03:00:00.000Z',
      _status: 'draft',
    },
  });
  draftId = draft.id;
  const story = await cms.payload.create({
    collection: 'model-stories',
    draft: true,
    data: {
      ...minimalData['model-stories'],
      photos: [cover.id],
      summary: 'Cả nhà cùng làm việc nhà.',
      _status: 'draft',
    },
  });
  storyId = story.id;
  const { data: pdf } = await sampleDocument('pdf');
  const file = await cms.payload.create({
    collection: 'documents',
    data: { title: 'Phiếu học tập (PDF)' },
    file: { data: pdf, name: 'phieu-hoc-tap.pdf', mimetype: 'application/pdf', size: pdf.length },
  });
  const resource = await cms.payload.create({
    collection: 'teaching-resources',
    draft: true,
    data: { ...minimalData['teaching-resources'], files: [file.id], _status: 'draft' },
  });
  resourceId = resource.id;
  await build();
  server = await serveSite({ dir: DIST, base: BASE, port: 0, env: { PAYLOAD_URL: cms.url } });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`;
}, 240_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await cms?.close();
  await rm(path.dirname(DIST), { recursive: true, force: true });
});

describe('draft preview', () => {
  it('is not in the static site or its sitemap, and robots.txt keeps crawlers out', async () => {
    const page = await fetch(`${origin}bai-viet/`);
    expect(await page.text()).not.toContain('Con trai cũng rửa bát');
    const sitemap = await (await fetch(`${origin}sitemap-0.xml`)).text();
    expect(sitemap).not.toContain('xem-truoc');
    // robots.txt, at the origin's root as crawlers ask for it, keeps them out of previews.
    const robots = await fetch(new URL('/robots.txt', origin));
    expect(robots.status).toBe(200);
    const rules = await robots.text();
    expect(rules).toContain(`Disallow: ${BASE}xem-truoc/`);
    expect(rules).toMatch(/^Sitemap: http.+\/binh-dang-gioi\/sitemap-index\.xml$/m);
  });

  it('asks a visitor who is not signed in to sign in, and is never cached or indexed', async () => {
    const response = await preview(draftId);
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    const html = await response.text();
    expect(html).toContain('Cần đăng nhập để xem bản nháp');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('Con trai cũng rửa bát');
  });

  it('refuses a forged or expired session', async () => {
    const response = await preview(draftId, 'not-a-real-token');
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Phiên đăng nhập đã hết hạn');
  });

  it('shows an editor the draft with its cover, topics and body image, marked as a preview', async () => {
    const response = await preview(draftId, await tokenOf(String(staff.editor.email)));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    const html = await response.text();
    expect(html).toContain('<h1>Bản nháp: Con trai cũng rửa bát</h1>');
    expect(html).toContain('Tối nào Minh cũng rửa bát cùng mẹ và chị.');
    expect(html).toContain('Việc nhà chia sẻ');
    expect(html).toContain('Bản xem trước, chưa công khai.');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('data-pagefind-body');
    // The images are made on request by Astro's image endpoint, from the CMS's file.
    const src = /<img[^>]+src="([^"]+)"[^>]+alt="Hai bạn nhỏ cùng trồng cây"/.exec(html)?.[1];
    expect(src).toContain('_image');
    const image = await fetch(new URL(src!.replaceAll('&amp;', '&'), origin));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
  });

  it("lets a contributor preview their own draft, not a colleague's (the CMS decides who reads drafts, docs/ACCESS.md)", async () => {
    const own = await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: { ...minimalData.articles, title: 'Bản nháp của cộng tác viên', _status: 'draft' },
      user: staff.contributor,
    });
    const token = await tokenOf(String(staff.contributor.email));
    expect((await preview(own.id, token)).status).toBe(200);
    expect((await preview(draftId, token)).status).toBe(404);
  });

  it('previews a model story with its photo and a teaching resource whose download links to the CMS file', async () => {
    const token = await tokenOf(String(staff.editor.email));
    const story = await preview(storyId, token, 'model-stories');
    expect(story.status).toBe(200);
    const storyHtml = await story.text();
    expect(storyHtml).toContain(`<h1>${minimalData['model-stories'].title}</h1>`);
    expect(storyHtml).toContain('alt="Hai bạn nhỏ cùng trồng cây"');
    expect(storyHtml).toContain('Bản xem trước, chưa công khai.');
    const resource = await preview(resourceId, token, 'teaching-resources');
    expect(resource.status).toBe(200);
    const resourceHtml = await resource.text();
    expect(resourceHtml).toContain(`<h1>${minimalData['teaching-resources'].title}</h1>`);
    const download = /<a href="([^"]+)" download="phieu-hoc-tap.pdf">Phiếu học tập \(PDF\)<\/a>/.exec(
      resourceHtml,
    )?.[1];
    expect(download).toBe(`${cms.url}/api/documents/file/phieu-hoc-tap.pdf`);
    expect((await fetch(download!)).headers.get('content-type')).toContain('application/pdf');
  });

  it('renders script and HTML typed into any field as inert text, and drops javascript: links', async () => {
    const link = (url: string, text: string) => ({
      type: 'paragraph',
      version: 1,
      children: [
        {
          type: 'link',
          version: 3,
          fields: { linkType: 'custom', url, newTab: false },
          children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
        },
      ],
    });
    const hostile = await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: {
        title: '<script>alert("tieu-de")</script> Bình đẳng',
        excerpt: '<img src=x onerror=alert("tom-tat")>',
        body: {
          root: {
            type: 'root',
            version: 1,
            children: [link('javascript:alert("lien-ket")', 'bấm vào đây'), link('https://moet.gov.vn/', 'Bộ GD&ĐT')],
          },
        } as never,
        _status: 'draft',
      },
    });
    const html = await (await preview(hostile.id, await tokenOf(String(staff.editor.email)))).text();
    const article = /<article[\s\S]*?<\/article>/.exec(html)![0];
    expect(article).toContain('&lt;script&gt;alert(&quot;tieu-de&quot;)&lt;/script&gt; Bình đẳng');
    // Quoted attribute values (meta tags) and JSON-LD (which escapes "<" as \u003c) hold the text inertly; outside them, no element may appear.
    const markup = html
      .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '')
      .replace(/="[^"]*"/g, '=""');
    expect(markup).not.toMatch(/<script>alert|<img src=x|<[^>]+\sonerror=/);
    // In attributes the quotes are escaped, so the value cannot end early and start a tag.
    expect(html).toContain(
      '<meta property="og:title" content="<script>alert(&quot;tieu-de&quot;)</script> Bình đẳng">',
    );
    expect(article).not.toContain('javascript:');
    expect(article).toContain('bấm vào đây');
    expect(article).toContain('href="https://moet.gov.vn/"');
  });

  it('answers 404 for an unknown item or a collection the site does not show', async () => {
    const token = await tokenOf(String(staff.editor.email));
    expect((await preview(999_999, token)).status).toBe(404);
    expect((await preview(draftId, token, 'users')).status).toBe(404);
  });

  it('renders the same article HTML as the published page, with the same stylesheets', async () => {
    await cms.payload.update({ collection: 'articles', id: draftId, data: { _status: 'published' } });
    await build();
    const published = await (await fetch(`${origin}bai-viet/ban-nhap-con-trai-cung-rua-bat/`)).text();
    const previewed = await (await preview(draftId, await tokenOf(String(staff.editor.email)))).text();
    expect(articleOf(published)).toContain('Tối nào Minh cũng rửa bát');
    expect(articleOf(previewed)).toBe(articleOf(published));
    const stylesheets = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    expect(stylesheets(previewed).length).toBeGreaterThan(0);
    expect(stylesheets(previewed)).toEqual(stylesheets(published));
  }, 180_000);
});
