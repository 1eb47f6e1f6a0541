/**
 * Incremental sync of one CMS collection into a key–value store (Astro's
 * content-layer store in the build; a Map in tests).
 *
 * First sync: every visible document, in full, page by page.
 * Later syncs (the sync point is kept in the loader's meta):
 *  1. documents with `updatedAt` after the sync point, in full;
 *  2. a light listing of every visible id with its `updatedAt` (`select`),
 *     which finds what was unpublished or deleted (removed from the store) and
 *     what became visible without being edited (a scheduled item whose
 *     `publishedAt` has come), fetched in full by id.
 * Anonymous reads already exclude drafts and future items (CMS access rules).
 */
import { z } from 'astro/zod';

import { type CmsClient } from './client';
import { invalidDocument } from './errors';
import { SCHEMAS, type CmsCollection } from './schemas';

export type StoreEntry<T> = { id: string; data: T; digest?: string | number };

/** The subset of Astro's DataStore / MetaStore the sync uses. */
export interface SyncStore<T> {
  get(id: string): StoreEntry<T> | undefined;
  set(entry: StoreEntry<T>): boolean | void;
  delete(id: string): void;
  keys(): Iterable<string> | string[];
  clear(): void;
}
export interface SyncMeta {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export type SyncResult = {
  collection: CmsCollection;
  mode: 'full' | 'incremental';
  fetched: string[];
  removed: string[];
  total: number;
  requests: number;
};

/** Bump when the schemas change shape, so stores written by an older build are thrown away. */
export const SYNC_FORMAT = '1';
const ID_CHUNK = 50;

/** One row of the light listing (`select[updatedAt]`): the CMS's JSON, read through a schema. */
const LIGHT_ROW = z.object({ id: z.union([z.string(), z.number()]), updatedAt: z.unknown().optional() });

export type SyncOptions<C extends CmsCollection> = {
  collection: C;
  client: CmsClient;
  store: SyncStore<z.output<(typeof SCHEMAS)[C]>>;
  meta: SyncMeta;
  digest?: (data: unknown) => string | number;
  log?: (line: string) => void;
};

export async function syncCollection<C extends CmsCollection>(options: SyncOptions<C>): Promise<SyncResult> {
  const { collection, client, store, meta } = options;
  const schema = SCHEMAS[collection];
  const requestsBefore = client.requests;
  const started = performance.now();
  const digest = options.digest ?? ((data: unknown) => JSON.stringify(data));

  // Another CMS, or another school of it, is another source: start over.
  const source = client.school ? `${client.baseUrl}#${client.school}` : client.baseUrl;
  const sameSource = meta.get('cmsUrl') === source && meta.get('format') === SYNC_FORMAT;
  const since = sameSource ? meta.get('syncedUpTo') : undefined;
  const mode: SyncResult['mode'] = since ? 'incremental' : 'full';
  if (!since) store.clear();

  const fetched: string[] = [];
  let newest = since ?? '';
  const accept = (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw invalidDocument(collection, raw, parsed.error.issues);
    // TypeScript cannot tie SCHEMAS[collection] to C; the schema parsed is C's own.
    const data = parsed.data as z.output<(typeof SCHEMAS)[C]>;
    store.set({ id: data.id, data, digest: digest(data) });
    fetched.push(data.id);
    if (data.updatedAt > newest) newest = data.updatedAt;
    return data;
  };

  const removed: string[] = [];
  if (mode === 'full') {
    for await (const docs of client.list(collection, { sort: 'id' })) docs.forEach(accept);
  } else {
    for await (const docs of client.list(collection, { sort: 'id', 'where[updatedAt][greater_than]': since! }))
      docs.forEach(accept);
    // Light listing: ids and updatedAt of everything visible now.
    const visible = new Map<string, string>();
    for await (const docs of client.list(collection, { sort: 'id', 'select[updatedAt]': true, limit: 1000 })) {
      for (const doc of docs) {
        const row = LIGHT_ROW.safeParse(doc);
        if (row.success) visible.set(String(row.data.id), String(row.data.updatedAt ?? ''));
      }
    }
    for (const id of [...store.keys()]) {
      if (!visible.has(id)) {
        store.delete(id);
        removed.push(id);
      }
    }
    const already = new Set(fetched);
    const missing = [...visible]
      .filter(([id, updatedAt]) => !already.has(id) && store.get(id)?.data.updatedAt !== updatedAt)
      .map(([id]) => id);
    for (let i = 0; i < missing.length; i += ID_CHUNK) {
      const chunk = missing.slice(i, i + ID_CHUNK);
      for await (const docs of client.list(collection, { 'where[id][in]': chunk.join(',') })) docs.forEach(accept);
    }
  }

  meta.set('cmsUrl', source);
  meta.set('format', SYNC_FORMAT);
  if (newest) meta.set('syncedUpTo', newest);
  const total = [...store.keys()].length;
  const result = { collection, mode, fetched, removed, total, requests: client.requests - requestsBefore };
  options.log?.(
    `${collection}: ${mode === 'full' ? 'đồng bộ toàn bộ' : 'đồng bộ phần thay đổi'} — ${fetched.length} tải về, ${removed.length} gỡ bỏ, ${total} tổng, ${result.requests} yêu cầu, ${Math.round(performance.now() - started)} ms`,
  );
  return result;
}
