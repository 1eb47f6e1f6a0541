import type { CollectionConfig, Field, GeneratePreviewURL } from 'payload';

import { previewPath, withBase } from '../../domain/site-paths';
import { settings, type Settings } from '../../settings';

import { createContent, deleteContent, readContent, readContentVersions, updateContent } from '../access/content';
import { createdByField } from '../fields/created-by';
import { countsTowardColumnField, firstPublishedAtField, publishedAtField } from '../fields/publication';
import { guardSchool, schoolField } from '../fields/school';
import { slugField } from '../fields/slug';
import { siteRebuildHooks } from '../site-build/hooks';

/**
 * The fields every editorial collection ends with, in this order (the admin's
 * sidebar and the database columns follow it): its school, its address, the
 * dates the quarterly coverage check reads, whether it counts, and who created it.
 */
export function editorialClosingFields(options: { countsTowardColumn: boolean; autosave: boolean }): Field[] {
  return [
    schoolField({ autosave: options.autosave }),
    slugField(),
    publishedAtField(),
    firstPublishedAtField(),
    countsTowardColumnField(options.countsTowardColumn),
    createdByField,
  ];
}

/** Every write stays in its school; publishing, unpublishing or deleting rebuilds the public site. */
export const editorialHooks = (): CollectionConfig['hooks'] => ({
  beforeValidate: [guardSchool],
  ...siteRebuildHooks(),
});

/** What the three editorial collections share: who may do what, and how drafts work. */
export const editorialAccess: CollectionConfig['access'] = {
  read: readContent,
  readVersions: readContentVersions,
  create: createContent,
  update: updateContent,
  delete: deleteContent,
};

export function editorialVersions(options: { autosave: boolean }): CollectionConfig['versions'] {
  return {
    maxPerDoc: 50,
    drafts: {
      autosave: options.autosave ? { interval: 2000 } : false,
      schedulePublish: true,
      validate: false,
    },
  };
}

/**
 * Payload's "Xem trước" button: the draft on the public site's preview page
 * (rendered on request there, for signed-in staff only). SITE_URL is the
 * portal's public origin, SITE_BASE the column's path, as for the site build.
 */
export function editorialPreview(
  collection: string,
  site: Pick<Settings, 'SITE_BASE' | 'SITE_URL'> = settings(),
): GeneratePreviewURL {
  return (doc) => {
    const path = typeof doc.id === 'string' || typeof doc.id === 'number' ? previewPath(collection, doc.id) : null;
    if (!path) return null;
    return new URL(withBase(site.SITE_BASE, path), site.SITE_URL).href;
  };
}
