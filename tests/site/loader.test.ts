import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedDemoContent } from '../../src/seed/seed';
import { CmsClient } from '../../src/site-loader/client';
import { CmsDataError, CmsUnreachableError } from '../../src/site-loader/errors';
import type { Article } from '../../src/site-loader/schemas';
import { syncCollection } from '../../src/site-loader/sync';
import { startHttpCms, type HttpCms } from './support/http-cms';
import { memoryMeta, memoryStore } from './support/memory-store';
import { newestPublicArticles } from '../support/fixtures';

/**
 * The site's content loader against a real Payload (fresh SQLite database,
 * demo content) over real HTTP, as the build talks to a CMS on another host.
 */
let cms: HttpCms;
const store = memoryStore<Article>();
const meta = memoryMeta();
let client: CmsClient;

beforeAll(async () => {
  cms = await startHttpCms();
  await seedDemoContent(cms.payload);
  client = new CmsClient({ baseUrl: cms.url, pageSize: 5 });
});
afterAll(async () => cms?.close());

const sync = () => syncCollection({ collection: 'articles', client, store, meta });
const anyArticle = async () => {
  const { docs } = await cms.payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    sort: 'publishedAt',
    limit: 1,
    depth: 0,
  });
  return docs[0]!;
};

describe('loader: incremental sync from Payload REST', () => {
  it('first sync: every published, due article, paginated, with relations as ids', async () => {
    const published = await cms.payload.count({
      collection: 'articles',
      where: {
        and: [{ _status: { equals: 'published' } }, { publishedAt: { less_than_equal: new Date().toISOString() } }],
      },
    });
    const result = await sync();
    expect(result.mode).toBe('full');
    expect(result.total).toBe(published.totalDocs);
    expect(result.total).toBeGreaterThan(20);
    // pageSize 5: paginated
    expect(result.requests).toBe(Math.ceil(published.totalDocs / 5));
    const entries = [...store.map.values()].map((e) => e.data);
    // the demo's draft and its item scheduled for 2027 never leave the CMS
    expect(entries.every((a) => new Date(a.publishedAt) <= new Date())).toBe(true);
    const titles = entries.map((a) => a.title);
    const drafts = await cms.payload.find({
      collection: 'articles',
      where: { _status: { equals: 'draft' } },
      draft: true,
      depth: 0,
    });
    for (const d of drafts.docs) expect(titles).not.toContain(d.title);
    const withCover = entries.find((a) => a.cover);
    expect(withCover?.cover).toMatch(/^\d+$/);
    expect(entries.every((a) => a.firstPublishedAt && typeof a.countsTowardColumn === 'boolean')).toBe(true);
    expect(meta.get('syncedUpTo')).toBeTruthy();
  });

  it('a second sync with no change fetches no document in full', async () => {
    cms.hits.length = 0;
    const result = await sync();
    expect(result.mode).toBe('incremental');
    expect(result.fetched).toEqual([]);
    expect(result.removed).toEqual([]);
    // only the "changed since" query (empty) and the light id listing
    const listings = cms.hits.filter((h) => h.path === '/api/articles');
    expect(
      listings.every(
        (h) => h.search.has('where[updatedAt][greater_than]') || h.search.get('select[updatedAt]') === 'true',
      ),
    ).toBe(true);
  });

  it('an edit is reflected, and only the edited article is fetched', async () => {
    const doc = await anyArticle();
    await cms.payload.update({
      collection: 'articles',
      id: doc.id,
      data: { title: 'Tiêu đề đã sửa: bình đẳng giới trong gia đình' },
      depth: 0,
    });
    cms.hits.length = 0;
    const result = await sync();
    expect(result.fetched).toEqual([String(doc.id)]);
    expect(store.get(String(doc.id))?.data.title).toBe('Tiêu đề đã sửa: bình đẳng giới trong gia đình');
    const fullFetches = cms.hits.filter((h) => h.path === '/api/articles' && !h.search.has('select[updatedAt]'));
    expect(fullFetches).toHaveLength(1);
  });

  it('an unpublished article and a deleted one leave the store', async () => {
    const docs = await newestPublicArticles(cms.payload, 2);
    const [toUnpublish, toDelete] = docs as [(typeof docs)[0], (typeof docs)[0]];
    await cms.payload.update({ collection: 'articles', id: toUnpublish.id, data: { _status: 'draft' }, depth: 0 });
    await cms.payload.delete({ collection: 'articles', id: toDelete.id });
    const before = store.map.size;
    const result = await sync();
    expect(result.removed.sort()).toEqual([String(toUnpublish.id), String(toDelete.id)].sort());
    expect(store.get(String(toUnpublish.id))).toBeUndefined();
    expect(store.get(String(toDelete.id))).toBeUndefined();
    expect(store.map.size).toBe(before - 2);
  });

  it('an article that becomes visible without an edit (scheduled, now due) is fetched by id', async () => {
    const doc = await anyArticle();
    store.delete(String(doc.id)); // as if it had not been visible at the last sync
    const result = await sync();
    expect(result.fetched).toEqual([String(doc.id)]);
    expect(store.get(String(doc.id))).toBeDefined();
  });

  it('media, documents, topics and the other collections sync too', async () => {
    for (const collection of ['media', 'documents', 'topics', 'model-stories', 'teaching-resources'] as const) {
      const s = memoryStore<never>();
      const result = await syncCollection({ collection, client, store: s, meta: memoryMeta() });
      expect(result.total, collection).toBeGreaterThan(0);
    }
  });
});

describe('loader: failures', () => {
  it('a CMS that is down fails with one clear message naming the address', async () => {
    const down = new CmsClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 3000 });
    const error = await syncCollection({
      collection: 'articles',
      client: down,
      store: memoryStore(),
      meta: memoryMeta(),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(CmsUnreachableError);
    expect(error.message).toContain('Không kết nối được CMS tại http://127.0.0.1:9');
    expect(error.message).toContain('Cannot reach the CMS at http://127.0.0.1:9');
  });

  it('a CMS answering an error status fails clearly', async () => {
    cms.override = () => new Response('oops', { status: 502 });
    try {
      const error = await syncCollection({
        collection: 'topics',
        client,
        store: memoryStore(),
        meta: memoryMeta(),
      }).catch((e) => e);
      expect(error).toBeInstanceOf(CmsUnreachableError);
      expect(error.message).toContain('502');
    } finally {
      cms.override = null;
    }
  });

  it('bad data fails naming the collection, the document and the field', async () => {
    const doc = await anyArticle();
    const raw = (await (await fetch(`${cms.url}/api/articles/${doc.id}?depth=0`)).json()) as Record<string, unknown>;
    cms.override = (hit) =>
      hit.path === '/api/articles'
        ? Response.json({ docs: [{ ...raw, publishedAt: 'hôm qua', audiences: ['aliens'] }], hasNextPage: false })
        : undefined;
    try {
      const error = await syncCollection({
        collection: 'articles',
        client,
        store: memoryStore(),
        meta: memoryMeta(),
      }).catch((e) => e);
      expect(error).toBeInstanceOf(CmsDataError);
      expect(error.message).toContain('bộ sưu tập "articles"');
      expect(error.message).toContain(`tài liệu id ${doc.id}`);
      expect(error.message).toContain('"publishedAt"');
      expect(error.message).toContain('"audiences.0"');
    } finally {
      cms.override = null;
    }
  });

  it('an answer that is not Payload JSON fails clearly', async () => {
    cms.override = () =>
      new Response('<html>proxy login</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    try {
      const error = await syncCollection({
        collection: 'topics',
        client,
        store: memoryStore(),
        meta: memoryMeta(),
      }).catch((e) => e);
      expect(error).toBeInstanceOf(CmsDataError);
      expect(error.message).toContain('không phải JSON');
    } finally {
      cms.override = null;
    }
  });
});
