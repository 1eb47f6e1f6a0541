/**
 * Where a school's column lives on a district install. The first school keeps
 * the address a single-school install has always had (`/binh-dang-gioi/`), so
 * a school that installs for itself sees no change; every other school gets
 * its own folder, `/<slug>/binh-dang-gioi/`. Pure.
 */

export const COLUMN_SEGMENT = 'binh-dang-gioi';

/** The default base path of a school's column. */
export function defaultBasePath(slug: string, isFirstSchool: boolean, firstBase = `/${COLUMN_SEGMENT}/`): string {
  return isFirstSchool ? normaliseBasePath(firstBase) : `/${slug}/${COLUMN_SEGMENT}/`;
}

/** `binh-dang-gioi` or `/a//b` → `/binh-dang-gioi/`, `/a/b/`: one leading and one trailing slash, no empty segments. */
export function normaliseBasePath(input: string): string {
  const segments = input
    .trim()
    .split('/')
    .filter((s) => s.length > 0);
  return segments.length ? `/${segments.join('/')}/` : '/';
}

/** A base path a static server can serve: lower-case ASCII segments, no dots, not the root. */
export function isValidBasePath(path: string): boolean {
  return /^(\/[a-z0-9][a-z0-9-]*)+\/$/.test(path);
}

/** Two schools' sites must not sit one inside the other: `/a/` would serve `/a/b/`'s pages. */
export function basePathsOverlap(a: string, b: string): boolean {
  const x = normaliseBasePath(a);
  const y = normaliseBasePath(b);
  return x.startsWith(y) || y.startsWith(x);
}

/** The folder of a school's built site under the sites' root (SITE_DIST): one per school, named by its slug. */
export function schoolSiteFolder(root: string, slug: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) throw new Error(`not a school slug: ${JSON.stringify(slug)}`);
  return `${root.replace(/\/+$/, '') || '.'}/${slug}`;
}

/** The site a request path belongs to: the one whose base path it is under (base paths never overlap). */
export function siteForPath<T extends { basePath: string }>(sites: readonly T[], pathname: string): T | undefined {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  return sites.find((site) => path.startsWith(normaliseBasePath(site.basePath)));
}
