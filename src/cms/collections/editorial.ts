import type { CollectionConfig } from 'payload';

import { isStaff } from '../access/roles';
import { createContent, deleteContent, readPublishedOrStaff, updateContent } from '../access/content';
import { siteRebuildHooks } from '../site-build/hooks';

/** Publishing, unpublishing or deleting rebuilds the public site. */
export const editorialHooks = (): CollectionConfig['hooks'] => siteRebuildHooks();

/** What the three editorial collections share: who may do what, and how drafts work. */
export const editorialAccess: CollectionConfig['access'] = {
  read: readPublishedOrStaff,
  readVersions: isStaff,
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
