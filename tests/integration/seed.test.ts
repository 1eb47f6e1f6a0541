import type { CollectionSlug } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isEmptyDatabase, seedDemoContent, type SeedResult } from '../../src/seed/seed';
import { backend, backendLabel, startTestCms, type TestCms } from '../support/cms';

let cms: TestCms;
let first: SeedResult;

beforeAll(async () => {
  cms = await startTestCms();
  expect(await isEmptyDatabase(cms.payload)).toBe(true);
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
  it('has one account per role and realistic amounts of content', async () => {
    expect(first.accounts.map((a) => a.role).sort()).toEqual(['admin', 'contributor', 'editor']);
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

  it('adds nothing when run twice', async () => {
    const before = await counts();
    const again = await seedDemoContent(cms.payload);
    expect(again.created).toEqual({});
    expect(again.accounts).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
