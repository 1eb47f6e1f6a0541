/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page
 * returned by `getStaticPaths()` with an unchanged `cacheKey` is not rendered
 * again but copied from the last build. Astro itself notices changed code
 * (each page's module graph), a changed config or lockfile, and changed MDX
 * entries; it cannot see the data a page shows. So the rule for a keyed page:
 * it renders only from its props and from the site's frame below, and its key
 * is the digest of both (or, where a page reads more, its key holds a digest
 * of that too: `digestOf`). A page that shows the clock gets no key and is
 * rendered every time.
 *
 * The frame is what every page shows besides its own content: the school's
 * and column's names (from the CMS's settings at build time, which Astro's
 * config hash does not cover), the base address, and the footer's pages.
 */
import { createHash } from 'node:crypto';

import { getCollection } from 'astro:content';

import { COLUMN_NAME, COLUMN_TITLE, SCHOOL_NAME, SITE_DESCRIPTION } from './site';

let frame: Promise<string> | undefined;

function frameDigest(): Promise<string> {
  frame ??= getCollection('pages').then((pages) =>
    JSON.stringify({
      school: SCHOOL_NAME,
      column: [COLUMN_NAME, COLUMN_TITLE, SITE_DESCRIPTION],
      base: import.meta.env.BASE_URL,
      site: import.meta.env.SITE,
      pages: pages.map((p) => [p.id, p.data.title, p.data.order]).sort(),
    }),
  );
  return frame;
}

/**
 * A digest of data a page reads beyond its props (e.g. counts over every
 * resource), computed once per build for the same list.
 */
const digests = new WeakMap<object, string>();
export function digestOf(value: object): string {
  let digest = digests.get(value);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(value)).digest('hex');
    digests.set(value, digest);
  }
  return digest;
}

/** The cacheKey of a page that renders only from `props` (plain data: no Map, no function) and the frame. */
export async function pageKey(props: unknown): Promise<string> {
  return createHash('sha256')
    .update(await frameDigest())
    .update('\n')
    .update(JSON.stringify(props))
    .digest('hex');
}
