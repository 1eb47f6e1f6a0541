import type { CollectionConfig } from 'payload';

import { MODEL_STORY_KINDS } from '../../domain/vocabulary';
import {
  editorialAccess,
  editorialClosingFields,
  editorialHooks,
  editorialVersions,
  editorialPreview,
} from './editorial';
import { SLUG_PER_SCHOOL } from '../fields/slug';

export const ModelStories: CollectionConfig = {
  slug: 'model-stories',
  labels: { singular: 'Gương điển hình', plural: 'Gương điển hình' },
  admin: {
    preview: editorialPreview('model-stories'),
    group: 'Chuyên mục',
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'year', '_status'],
    description: 'Mô hình tiêu biểu, điển hình tốt về bình đẳng giới trong nhà trường và gia đình.',
  },
  access: editorialAccess,
  hooks: editorialHooks(),
  indexes: SLUG_PER_SCHOOL,
  versions: editorialVersions({ autosave: false }),
  defaultSort: '-publishedAt',
  fields: [
    { name: 'title', type: 'text', label: 'Tiêu đề', required: true, maxLength: 250 },
    {
      name: 'kind',
      type: 'select',
      label: 'Loại điển hình',
      required: true,
      options: MODEL_STORY_KINDS.map((o) => ({ ...o })),
    },
    {
      type: 'row',
      fields: [
        { name: 'subjectName', type: 'text', label: 'Tên cá nhân / gia đình / tập thể', required: true },
        { name: 'unit', type: 'text', label: 'Đơn vị / lớp', admin: { description: 'Ví dụ: Lớp 8A3, Tổ Ngữ văn.' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'recognition',
          type: 'text',
          label: 'Danh hiệu được ghi nhận',
          admin: { description: 'Ví dụ: "Giỏi việc trường – Đảm việc nhà", "Gia đình văn hóa tiêu biểu".' },
        },
        { name: 'year', type: 'number', label: 'Năm', min: 2000, max: 2100 },
      ],
    },
    { name: 'summary', type: 'textarea', label: 'Tóm tắt', maxLength: 500 },
    { name: 'body', type: 'richText', label: 'Nội dung' },
    { name: 'photos', type: 'upload', relationTo: 'media', hasMany: true, label: 'Ảnh' },
    ...editorialClosingFields({ countsTowardColumn: false, autosave: false }),
  ],
};
