import { readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildSchoolSites } from '../../scripts/build-site';
import { builtSites, clientDir } from '../../scripts/lib/site-dist';
import { serveSite } from '../../scripts/serve-site';
import { closeEndedQuarters } from '../../src/cms/district/close-quarters';
import { runSiteBuild } from '../../src/cms/site-build/run';
import type { School } from '../../src/payload-types';
import { createDoc, createSchool, createStaff, firstSchool, type Staff } from '../support/fixtures';
import { type HttpCms, startHttpCms } from './support/http-cms';
import { fingerprint } from '../support/fingerprint';
import { validateHtmlTree } from '../support/html-validity';
import { parseWithIcalJs } from '../support/ical';

/**
 * One install, two schools, two static sites: each built into its own folder
 * from its own content, served under its own address; a rebuild of one never
 * touches the other's files, and one school's failing build does not stop
 * the next school's.
 */
const ROOT = path.resolve('.astro/test-school-sites');
let cms: HttpCms;
let a: School;
let b: School;
let staffA: Staff;
let staffB: Staff;
let server: Server;
let site = '';

const page = async (pathname: string) => {
  const response = await fetch(`${site}${pathname}`, { redirect: 'manual' });
  return { status: response.status, text: await response.text(), location: response.headers.get('location') };
};

beforeAll(async () => {
  await rm(ROOT, { recursive: true, force: true });
  cms = await startHttpCms();
  staffA = await createStaff(cms.payload);
  a = await firstSchool(cms.payload);
  b = await createSchool(cms.payload, { name: 'THCS Lê Lợi', slug: 'thcs-le-loi' });
  staffB = await createStaff(cms.payload, { school: b.id });
  await createDoc(cms.payload, 'articles', { by: staffA.editor, status: 'published', title: 'Bài của trường A' });
  await createDoc(cms.payload, 'articles', { by: staffB.editor, status: 'published', title: 'Bài của trường Lê Lợi' });
  server = await serveSite({ root: ROOT, port: 0 });
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.close();
  await cms?.close();
  await rm(ROOT, { recursive: true, force: true });
});

const env = () => ({ PAYLOAD_URL: cms.url, COVERAGE_STRICT: 'false' });

describe('a site per school', () => {
  it('builds each school into its own folder with only its own content, served under its own address', async () => {
    // Closed quarters of both schools: each coverage page shows its own school's records.
    await closeEndedQuarters(cms.payload, { now: new Date() });
    const recordsOf = async (school: School) =>
      (await cms.payload.find({ collection: 'quarter-records', where: { school: { equals: school.id } }, limit: 1 }))
        .docs;
    const [recordA] = await recordsOf(a);
    const [recordB] = await recordsOf(b);
    expect(recordA && recordB).toBeTruthy();
    const results = await buildSchoolSites({ distRoot: ROOT, schools: [a.slug, b.slug], env: env(), quiet: true });
    for (const { slug, result } of results) expect(result.ok, `${slug}: ${result.ok ? '' : result.message}`).toBe(true);
    expect(builtSites(ROOT).map((s) => [s.slug, s.basePath])).toEqual(
      expect.arrayContaining([
        [a.slug, '/binh-dang-gioi/'],
        [b.slug, '/thcs-le-loi/binh-dang-gioi/'],
      ]),
    );
    const rssB = await readFile(path.join(clientDir(path.join(ROOT, b.slug)), 'rss.xml'), 'utf8');
    expect(rssB).toContain('Bài của trường Lê Lợi');
    expect(rssB).not.toContain('Bài của trường A');
    expect(rssB).toContain('/thcs-le-loi/binh-dang-gioi/');

    const homeA = await page('/binh-dang-gioi/');
    expect(homeA.status).toBe(200);
    expect(homeA.text).toContain('Bài của trường A');
    expect(homeA.text).not.toContain('Bài của trường Lê Lợi');
    const homeB = await page('/thcs-le-loi/binh-dang-gioi/');
    expect(homeB.status).toBe(200);
    expect(homeB.text).toContain('Bài của trường Lê Lợi');
    expect(homeB.text).not.toContain('Bài của trường A');
    expect(homeB.text).toContain('href="/thcs-le-loi/binh-dang-gioi/');

    // Each school's coverage report is its own.
    const coverageB = JSON.parse((await page('/thcs-le-loi/binh-dang-gioi/coverage.json')).text) as {
      school: { name: string };
    };
    expect(coverageB.school.name).toBe('THCS Lê Lợi');
    const reportA = (await page('/binh-dang-gioi/bao-cao/')).text;
    expect(reportA).toContain('Biên bản các quý đã chốt');
    expect(reportA).toContain(recordA!.hash);
    expect(reportA).not.toContain(recordB!.hash);

    // Each school publishes its own calendar, served as text/calendar and offered on its key-dates page.
    for (const [school, base] of [
      [a, '/binh-dang-gioi/'],
      [b, '/thcs-le-loi/binh-dang-gioi/'],
    ] as const) {
      const client = clientDir(path.join(ROOT, school.slug));
      const file = await readFile(path.join(client, 'lich.ics'), 'utf8');
      const { calendar, events } = parseWithIcalJs(file);
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`Bình đẳng giới – ${school.name}`);
      expect(events.filter((e) => e.summary.startsWith('Hạn chót chuyên mục Quý'))).toHaveLength(4);
      for (const e of events) {
        expect(e.uid).toMatch(new RegExp(`\\.${school.slug}@binh-dang-gioi$`));
        expect(e.startDate.isDate).toBe(true);
        expect(e.description).toContain(school.name);
        expect(e.component.getFirstPropertyValue('url')).toMatch(new RegExp(`^https?://[^/]+${base}$`));
      }
      const served = await fetch(`${site}${base}lich.ics`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(await served.text()).toBe(file);

      const keyDates = await page(`${base}chien-dich/`);
      expect(keyDates.status).toBe(200);
      expect(keyDates.text).toContain('Thêm vào lịch điện thoại');
      expect(keyDates.text).toContain(`href="${base}lich.ics"`);
      expect(keyDates.text).toMatch(new RegExp(`<code>https?://[^/<]+${base}lich\\.ics</code>`));
      expect(keyDates.text).toMatch(new RegExp(`href="webcal://[^/"]+${base}lich\\.ics"`));
      expect((await validateHtmlTree(path.join(client, 'chien-dich'))).problems).toEqual([]);
    }
    const icsB = await readFile(path.join(clientDir(path.join(ROOT, b.slug)), 'lich.ics'), 'utf8');
    expect(icsB).not.toContain(a.name);

    // The origin lists the schools; its robots.txt names both sitemaps; a base without its slash is redirected.
    const front = await page('/');
    expect(front.status).toBe(200);
    expect(front.text).toContain('href="/thcs-le-loi/binh-dang-gioi/"');
    const robots = await page('/robots.txt');
    expect(robots.text).toContain('/binh-dang-gioi/sitemap-index.xml');
    expect(robots.text).toContain('/thcs-le-loi/binh-dang-gioi/sitemap-index.xml');
    expect((await page('/thcs-le-loi/binh-dang-gioi')).location).toBe('/thcs-le-loi/binh-dang-gioi/');
    expect((await page('/khong-co/')).status).toBe(404);
  });

  it("a publish in A rebuilds A's site and leaves B's byte-identical", async () => {
    const before = await fingerprint(path.join(ROOT, b.slug));
    await createDoc(cms.payload, 'articles', { by: staffA.editor, status: 'published', title: 'Bài mới của trường A' });
    process.env.COVERAGE_STRICT = 'false';
    try {
      const outcome = await runSiteBuild(
        cms.payload,
        { school: a.id, reason: 'bài mới' },
        { cmsUrl: cms.url, distRoot: ROOT },
      );
      expect(outcome.ok, outcome.reason).toBe(true);
    } finally {
      delete process.env.COVERAGE_STRICT;
    }
    expect((await page('/binh-dang-gioi/')).text).toContain('Bài mới của trường A');
    expect(await fingerprint(path.join(ROOT, b.slug))).toEqual(before);
  });

  it("B's failing build keeps B's previous site and does not stop A's", async () => {
    const beforeB = await fingerprint(path.join(ROOT, b.slug));
    await createDoc(cms.payload, 'articles', { by: staffA.editor, status: 'published', title: 'Bài thứ ba của A' });
    // The CMS fails every list request made for school B's build.
    cms.override = (hit) =>
      hit.search.get('where[school.slug][equals]') === b.slug ? new Response('lỗi', { status: 500 }) : undefined;
    try {
      const [resultB, resultA] = await buildSchoolSites({
        distRoot: ROOT,
        schools: [b.slug, a.slug],
        env: env(),
        quiet: true,
      });
      expect(resultB!.result.ok).toBe(false);
      expect(resultA!.result.ok).toBe(true);
    } finally {
      cms.override = null;
    }
    expect(await fingerprint(path.join(ROOT, b.slug))).toEqual(beforeB);
    expect((await page('/binh-dang-gioi/')).text).toContain('Bài thứ ba của A');
    expect((await page('/thcs-le-loi/binh-dang-gioi/')).status).toBe(200);
  });
});
