import type { CollectionConfig } from 'payload';

import { anyone, isEditorOrAdmin } from '../access/roles';
import { slugField } from '../fields/slug';
import { siteRebuildHooks } from '../site-build/hooks';

export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: { singular: 'Chủ đề', plural: 'Chủ đề' },
  admin: { group: 'Chuyên mục', useAsTitle: 'title', defaultColumns: ['title', 'slug'] },
  hooks: siteRebuildHooks(),
  access: { read: anyone, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isEditorOrAdmin },
  fields: [{ name: 'title', type: 'text', label: 'Tên chủ đề', required: true }, slugField()],
};
