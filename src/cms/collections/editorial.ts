import type { CollectionConfig, Field, GeneratePreviewURL } from 'payload';

import { previewPath, withBase } from '../../domain/site-paths';
import { settings, type Settings } from '../../settings';
import type { School } from '../../payload-types';

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
 * Payload's "Xem trước" button: the draft on its school's public site's
 * preview page (rendered on request there, for signed-in staff only): the
 * school's own origin and base path, or SITE_URL and SITE_BASE (the first
 * school's classic address) when the document names no school yet.
 */
export function editorialPreview(
  collection: string,
  site: Pick<Settings, 'SITE_BASE' | 'SITE_URL'> = settings(),
): GeneratePreviewURL {
  return (doc, { req }) => {
    const path = typeof doc.id === 'string' || typeof doc.id === 'number' ? previewPath(collection, doc.id) : null;
    if (!path) return null;
    const at = (school?: Pick<School, 'basePath' | 'origin'> | null) =>
      new URL(withBase(school?.basePath || site.SITE_BASE, path), school?.origin || site.SITE_URL).href;
    const school: unknown = doc.school;
    if (typeof school === 'object' && school !== null) return at(school as School);
    if ((typeof school !== 'number' && typeof school !== 'string') || !req?.payload) return at();
    return req.payload.findByID({ collection: 'schools', id: school, depth: 0, req }).then(at, () => at());
  };
}
