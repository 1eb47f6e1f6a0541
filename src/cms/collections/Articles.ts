import type { CollectionConfig } from 'payload';

import { AUDIENCES, CAMPAIGNS } from '../../domain/vocabulary';
import {
  editorialAccess,
  editorialClosingFields,
  editorialHooks,
  editorialVersions,
  editorialPreview,
} from './editorial';
import { SLUG_PER_SCHOOL } from '../fields/slug';

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: 'Bài viết', plural: 'Bài viết' },
  admin: {
    preview: editorialPreview('articles'),
    group: 'Chuyên mục',
    useAsTitle: 'title',
    defaultColumns: ['title', 'publishedAt', '_status', 'campaign'],
    description: 'Các bài viết của chuyên mục Bình đẳng giới. Mỗi quý cần ít nhất một bài được xuất bản.',
    components: { beforeList: ['/src/cms/admin/CoverageReminder#CoverageReminder'] },
  },
  access: editorialAccess,
  hooks: editorialHooks(),
  indexes: SLUG_PER_SCHOOL,
  versions: editorialVersions({ autosave: true }),
  defaultSort: '-publishedAt',
  fields: [
    { name: 'title', type: 'text', label: 'Tiêu đề', required: true, maxLength: 250 },
    {
      name: 'excerpt',
      type: 'textarea',
      label: 'Tóm tắt',
      maxLength: 400,
      admin: { description: 'Một hai câu giới thiệu bài, hiện trong danh sách và khi chia sẻ.' },
    },
    { name: 'cover', type: 'upload', relationTo: 'media', label: 'Ảnh bìa' },
    { name: 'body', type: 'richText', label: 'Nội dung' },
    {
      name: 'audiences',
      type: 'select',
      hasMany: true,
      label: 'Dành cho',
      options: AUDIENCES.map((o) => ({ ...o })),
    },
    { name: 'topics', type: 'relationship', relationTo: 'topics', hasMany: true, label: 'Chủ đề' },
    {
      name: 'campaign',
      type: 'select',
      label: 'Gắn với ngày/sự kiện',
      options: CAMPAIGNS.map((o) => ({ ...o })),
      admin: { description: 'Để trống nếu bài không gắn với ngày kỷ niệm hay Tháng hành động.' },
    },
    { name: 'authors', type: 'relationship', relationTo: 'users', hasMany: true, label: 'Tác giả' },
    ...editorialClosingFields({ countsTowardColumn: true, autosave: true }),
  ],
};
