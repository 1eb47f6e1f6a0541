import type { CollectionConfig, TextFieldSingleValidation } from 'payload';

import { GRADES, RESOURCE_KINDS, SUBJECTS } from '../../domain/vocabulary';
import { renderMessage } from '../../messages/catalogue';
import {
  editorialAccess,
  editorialClosingFields,
  editorialHooks,
  editorialVersions,
  editorialPreview,
} from './editorial';
import { SLUG_PER_SCHOOL } from '../fields/slug';

const httpsOnly: TextFieldSingleValidation = (value) => {
  if (!value) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? true : renderMessage('VideoUrlNotHttps').text;
  } catch {
    return renderMessage('VideoUrlInvalid').text;
  }
};

export const TeachingResources: CollectionConfig = {
  slug: 'teaching-resources',
  labels: { singular: 'Tài liệu dạy học', plural: 'Tài liệu dạy học' },
  admin: {
    preview: editorialPreview('teaching-resources'),
    group: 'Chuyên mục',
    useAsTitle: 'title',
    defaultColumns: ['title', 'subject', 'grades', 'kind', '_status'],
    description: 'Kế hoạch bài dạy, bài trình chiếu, phiếu học tập… lồng ghép bình đẳng giới vào các môn học.',
  },
  access: editorialAccess,
  hooks: editorialHooks(),
  indexes: SLUG_PER_SCHOOL,
  versions: editorialVersions({ autosave: false }),
  defaultSort: '-publishedAt',
  fields: [
    { name: 'title', type: 'text', label: 'Tiêu đề', required: true, maxLength: 250 },
    { name: 'summary', type: 'textarea', label: 'Tóm tắt', maxLength: 500 },
    {
      type: 'row',
      fields: [
        {
          name: 'subject',
          type: 'select',
          label: 'Môn học / hoạt động',
          required: true,
          options: SUBJECTS.map((o) => ({ ...o })),
        },
        {
          name: 'grades',
          type: 'select',
          label: 'Khối lớp',
          hasMany: true,
          required: true,
          options: GRADES.map((o) => ({ ...o })),
        },
        {
          name: 'kind',
          type: 'select',
          label: 'Loại tài liệu',
          required: true,
          options: RESOURCE_KINDS.map((o) => ({ ...o })),
        },
      ],
    },
    { name: 'files', type: 'upload', relationTo: 'documents', hasMany: true, label: 'Tệp đính kèm' },
    { name: 'videoUrl', type: 'text', label: 'Đường dẫn video (https)', validate: httpsOnly },
    { name: 'durationMinutes', type: 'number', label: 'Thời lượng (phút)', min: 1, max: 600 },
    {
      name: 'learningGoals',
      type: 'array',
      label: 'Mục tiêu bài học',
      labels: { singular: 'Mục tiêu', plural: 'Mục tiêu' },
      fields: [{ name: 'goal', type: 'text', label: 'Mục tiêu', required: true }],
    },
    {
      name: 'license',
      type: 'text',
      label: 'Giấy phép sử dụng',
      defaultValue: 'CC BY 4.0',
      admin: { description: 'Ví dụ: CC BY 4.0, hoặc "Lưu hành nội bộ".' },
    },
    ...editorialClosingFields({ countsTowardColumn: false, autosave: false }),
  ],
};
