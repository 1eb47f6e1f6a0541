/**
 * The layout of a site build (Astro with the Node adapter): the static site
 * readers get is in client/, the on-request preview server in server/.
 */
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What a static host serves, under the base path. */
export const clientDir = (dist: string) => path.join(dist, 'client');

/** Astro's standalone Node server for the draft preview and on-request images. */
export const serverEntry = (dist: string) => path.join(dist, 'server', 'entry.mjs');

/** Written beside client/ by every build: which school's site the folder is, and under which address it is served. */
export const SITE_MANIFEST = 'site.json';
export type SiteManifest = { slug: string; name: string; basePath: string; builtAt: string };

/** The schools' built sites under the sites' root (SITE_DIST/<slug>/), each with its manifest; folders without one are skipped. */
export function builtSites(root: string): (SiteManifest & { dir: string })[] {
  const sites: (SiteManifest & { dir: string })[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return sites; // nothing built yet
  }
  for (const entry of entries) {
    // Only a school's own folder (its slug), nothing else the sites' root may hold.
    if (!entry.isDirectory() || !/^[a-z0-9][a-z0-9-]*$/.test(entry.name)) continue;
    const dir = path.join(root, entry.name);
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, SITE_MANIFEST), 'utf8')) as SiteManifest;
      if (typeof manifest.basePath === 'string' && manifest.slug === entry.name) sites.push({ ...manifest, dir });
    } catch {
      // not a site folder (or one being swapped in right now): skipped until it has a manifest
    }
  }
  return sites;
}

/**
 * Astro's cache folder for a school's builds, relative to the checkout: its content store, image
 * cache, compressed copies and incremental-build cache. One per school, so building school B does
 * not throw away what school A's next build reuses.
 */
export const siteCacheDir = (school?: string) =>
  school ? `node_modules/.astro/schools/${school}/` : 'node_modules/.astro/';

/** Astro's incremental-build manifest in the cache folder (astro/dist/core/build/incremental.js): what a build may copy. */
export const INCREMENTAL_MANIFEST = 'incremental-build.json';
