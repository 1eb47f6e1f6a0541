/**
 * Astro content-layer loaders for the CMS collections. Each one runs the
 * incremental sync against Astro's own store; the sync point lives in the
 * loader's `meta` (kept between builds in node_modules/.astro/data-store.json).
 */
import type { Loader } from 'astro/loaders';

import { skipsCms, SKIP_CMS_FLAG } from '../site/build-flags';
import { settings } from '../settings';
import { CmsClient } from './client';
import { siteSchoolSlug } from './school';
import { SCHEMAS, type CmsCollection } from './schemas';
import { syncCollection, type SyncMeta, type SyncStore } from './sync';

/** The CMS the site reads (PAYLOAD_URL). */
export function payloadUrl(): string {
  return settings().PAYLOAD_URL;
}

export function cmsLoader(collection: CmsCollection): Loader {
  return {
    name: `payload-${collection}`,
    schema: SCHEMAS[collection],
    load: async ({ store, meta, generateDigest, logger }) => {
      // `npm run check:site` type-checks without a CMS: the types come from the schema.
      if (skipsCms()) {
        logger.info(`${collection}: bỏ qua đồng bộ (${SKIP_CMS_FLAG})`);
        return;
      }
      await syncCollection({
        collection,
        client: new CmsClient({ baseUrl: payloadUrl(), pageSize: 100, school: await siteSchoolSlug() }),
        store: store as unknown as SyncStore<never>,
        meta: meta as SyncMeta,
        digest: (data) => generateDigest(data as Record<string, unknown>),
        log: (line) => logger.info(line),
      });
    },
  };
}
