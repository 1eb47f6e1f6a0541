import type { CollectionConfig } from 'payload';

import { whereMay } from '../access/actor';
import { anyone } from '../access/roles';
import { guardSchool, mayCreateIn, schoolField } from '../fields/school';
import { SLUG_PER_SCHOOL, slugField } from '../fields/slug';
import { siteRebuildHooks } from '../site-build/hooks';

/** Each school's own topics; its editors and admins keep them. */
export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: { singular: 'Chủ đề', plural: 'Chủ đề' },
  admin: { group: 'Chuyên mục', useAsTitle: 'title', defaultColumns: ['title', 'slug'] },
  hooks: { beforeValidate: [guardSchool], ...siteRebuildHooks() },
  indexes: SLUG_PER_SCHOOL,
  access: {
    read: anyone,
    create: mayCreateIn('publish'),
    update: ({ req }) => whereMay(req, 'publish'),
    delete: ({ req }) => whereMay(req, 'publish'),
  },
  fields: [
    { name: 'title', type: 'text', label: 'Tên chủ đề', required: true },
    slugField(),
    schoolField({ autosave: false }),
  ],
};
