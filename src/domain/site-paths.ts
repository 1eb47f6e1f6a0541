/**
 * Readers' addresses of the column's items, relative to the site's base path.
 * Shared by the site, the coverage report and the admin.
 */
export const ITEM_PATHS: Record<string, string> = {
  articles: 'bai-viet',
  'model-stories': 'guong-dien-hinh',
  'teaching-resources': 'tai-lieu',
};

export function itemPath(collection: string, slug: string): string | null {
  const segment = ITEM_PATHS[collection];
  return segment && slug ? `${segment}/${slug}/` : null;
}

/** Joins a base path (e.g. `/binh-dang-gioi/`) and a relative path. */
export function withBase(base: string, relative: string): string {
  return `${base.replace(/\/?$/, '/')}${relative.replace(/^\//, '')}`;
}

/** Where a draft is previewed (rendered on request, for signed-in staff only). */
export const PREVIEW_SEGMENT = 'xem-truoc';

/** `xem-truoc/articles/42/`, or null for a collection the site does not show. */
export function previewPath(collection: string, id: string | number): string | null {
  if (!ITEM_PATHS[collection] || id === '' || id === null || id === undefined) return null;
  return `${PREVIEW_SEGMENT}/${collection}/${encodeURIComponent(String(id))}/`;
}
