import type { CollectionSlug } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { coverageInputFromCms } from '../../src/cms/coverage-source';
import { buildCoverageReport } from '../../src/domain/coverage';
import { quarterId } from '../../src/domain/quarters';
import { slugify } from '../../src/domain/slug';
import { DISTRICT_OFFICE } from '../../src/seed/demo-content';
import { DISTRICT_OFFICER, districtSchools, quarterBefore, REPORTED_QUARTERS } from '../../src/seed/district-content';
import { DEMO_SCHOOL_SLUG, isEmptyDatabase, seedDemoContent, type SeedResult } from '../../src/seed/seed';
import { backend, backendLabel, startTestCms, type TestCms } from '../support/cms';

let cms: TestCms;
let first: SeedResult;
let seededAt: Date;

beforeAll(async () => {
  cms = await startTestCms();
  expect(await isEmptyDatabase(cms.payload)).toBe(true);
  seededAt = new Date();
  first = await seedDemoContent(cms.payload);
}, 180_000);
afterAll(async () => cms?.stop());

const COLLECTIONS: CollectionSlug[] = [
  'users',
  'topics',
  'media',
  'documents',
  'articles',
  'model-stories',
  'teaching-resources',
];

async function counts() {
  const entries = await Promise.all(
    COLLECTIONS.map(async (c) => [c, (await cms.payload.count({ collection: c })).totalDocs] as const),
  );
  return Object.fromEntries(entries);
}

/** Quarter of an instant in Vietnam's time (UTC+7), enough for this check. */
const quarterOf = (iso: string) => {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
};

describe(`demo content on ${backendLabel[backend]}`, () => {
  it('has realistic amounts of content', async () => {
    const c = await counts();
    expect(c.articles).toBeGreaterThanOrEqual(16);
    expect(c['model-stories']).toBe(4);
    expect(c['teaching-resources']).toBe(6);
    expect(c.documents).toBeGreaterThanOrEqual(6);
    expect(c.media).toBeGreaterThan(0);
  });

  it('has published articles in every quarter from 2022-Q1 to the last full quarter, and a draft', async () => {
    const { docs } = await cms.payload.find({ collection: 'articles', limit: 1000, pagination: false, depth: 0 });
    const published = docs.filter((d) => d._status === 'published' && new Date(d.publishedAt as string) <= new Date());
    const quarters = new Set(published.map((d) => quarterOf(d.publishedAt as string)));
    const now = quarterOf(new Date().toISOString());
    for (let year = 2022; `${year}-Q1` <= now; year++) {
      for (let q = 1; q <= 4; q++) {
        const id = `${year}-Q${q}`;
        if (id < now) expect(quarters, id).toContain(id);
      }
    }
    expect(docs.some((d) => d._status === 'draft')).toBe(true);
    for (const d of published) expect(d.firstPublishedAt, d.title as string).toBe(d.publishedAt);
  });

  it('attaches real files to the teaching resources', async () => {
    const { docs } = await cms.payload.find({ collection: 'teaching-resources', depth: 1, limit: 100 });
    const formats = new Set(
      docs.flatMap((d) =>
        ((d.files ?? []) as unknown[]).map((f) => (f as { filename: string }).filename.split('.').pop()),
      ),
    );
    for (const ext of ['pdf', 'docx', 'pptx', 'xlsx', 'odt', 'odp']) expect(formats).toContain(ext);
  });

  it('queues no site rebuild per item (the caller builds once)', async () => {
    const { totalDocs } = await cms.payload.count({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'rebuildSite' } },
    });
    expect(totalDocs).toBe(0);
  });

  it('hosts the demo school first, at the classic address, and two smaller schools of its district', async () => {
    const { docs } = await cms.payload.find({ collection: 'schools', sort: 'id', depth: 0, limit: 10 });
    const small = districtSchools.map((s) => slugify(s.name));
    expect(docs.map((d) => d.slug)).toEqual([DEMO_SCHOOL_SLUG, ...small]);
    expect(docs.map((d) => d.name)).toEqual(['Trường THCS Nguyễn Du', 'Trường THCS Lê Lợi', 'Trường THCS Trần Phú']);
    expect(docs.map((d) => d.basePath)).toEqual([
      '/binh-dang-gioi/',
      ...small.map((slug) => `/${slug}/binh-dang-gioi/`),
    ]);
    expect(docs.every((d) => d.district === DISTRICT_OFFICE)).toBe(true);
    for (const school of docs.slice(1)) {
      const { totalDocs } = await cms.payload.count({
        collection: 'articles',
        where: { school: { equals: school.id } },
      });
      expect(totalDocs, `${school.name}: fewer items than the demo school`).toBeGreaterThan(3);
      expect(totalDocs).toBeLessThan(10);
    }
  });

  it('has one account per role in each school, each a member of its school only, and the district officer', async () => {
    const { docs: schools } = await cms.payload.find({ collection: 'schools', sort: 'id', depth: 0, limit: 10 });
    const { docs: users } = await cms.payload.find({ collection: 'users', depth: 0, limit: 100, overrideAccess: true });
    expect(users).toHaveLength(schools.length * 3 + 1);
    for (const school of schools) {
      const members = users.filter((u) => (u.schools ?? []).some((m) => String(m.school) === String(school.id)));
      expect(members.map((u) => u.schools![0]!.role).sort(), school.name).toEqual(['admin', 'contributor', 'editor']);
      for (const member of members) expect(member.schools, member.email).toHaveLength(1);
    }
    const officer = users.find((u) => u.email === DISTRICT_OFFICER.email)!;
    expect(officer.platformRole).toBe('district-officer');
    expect(officer.schools ?? []).toEqual([]);
    // On a single-school install the first admin runs the platform; the district's other admins do not.
    expect(users.filter((u) => u.platformRole === 'platform-admin').map((u) => u.email)).toEqual([
      'quantri@nguyendu.edu.vn',
    ]);
    // Each password is printed once, beside the account's school.
    expect(first.accounts).toHaveLength(users.length);
    expect(first.accounts.filter((a) => a.role === 'admin').map((a) => a.school)).toEqual(schools.map((s) => s.name));
    expect(first.accounts.find((a) => a.role === 'district-officer')).toMatchObject({
      email: DISTRICT_OFFICER.email,
      school: DISTRICT_OFFICE,
    });
    expect(new Set(first.accounts.map((a) => a.password)).size).toBe(users.length);
  });

  it('gives the district one school that keeps every quarter and one that misses two', async () => {
    const [leLoi, tranPhu] = districtSchools.map((s) => slugify(s.name));
    const reportOf = async (slug: string) =>
      buildCoverageReport(await coverageInputFromCms(cms.payload, { school: slug, now: seededAt }));
    const kept = await reportOf(leLoi!);
    expect(kept.summary).toMatchObject({ quarters: REPORTED_QUARTERS + 1, covered: REPORTED_QUARTERS, missed: 0 });
    const missing = await reportOf(tranPhu!);
    expect(missing.summary).toMatchObject({
      quarters: REPORTED_QUARTERS + 1,
      covered: REPORTED_QUARTERS - 2,
      missed: 2,
      inProgress: 1,
      missedQuarters: [quarterId(quarterBefore(seededAt, 5)), quarterId(quarterBefore(seededAt, 2))],
    });
    // The missed quarters have ended, and one of them holds an item that does not count (a draft).
    const lastMissed = missing.quarters.find((q) => q.quarter === missing.summary.missedQuarters[1])!;
    expect(new Date(lastMissed.end) < seededAt).toBe(true);
    const school = (await cms.payload.find({ collection: 'schools', where: { slug: { equals: tranPhu } } })).docs[0]!;
    const { docs: drafts } = await cms.payload.find({
      collection: 'articles',
      where: { and: [{ school: { equals: school.id } }, { _status: { equals: 'draft' } }] },
      depth: 0,
    });
    expect(drafts).toHaveLength(1);
  });

  it('adds nothing when run twice', async () => {
    const before = await counts();
    const again = await seedDemoContent(cms.payload);
    expect(again.created).toEqual({});
    expect(again.accounts).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
