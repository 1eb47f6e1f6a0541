import { DOCUMENT_TYPES, documentPolicy } from '../../domain/upload-policy';
import { settings } from '../../settings';
import { uploadDir } from '../uploads/upload-dir';
import { uploadCollection } from './uploads';

const policy = documentPolicy(settings().DOCUMENT_MAX_MB);

export const Documents = uploadCollection(policy, {
  slug: 'documents',
  labels: { singular: 'Tệp tài liệu', plural: 'Tệp tài liệu' },
  admin: { group: 'Thư viện', useAsTitle: 'title', defaultColumns: ['title', 'filename', 'filesize', 'updatedAt'] },
  upload: {
    staticDir: uploadDir('documents'),
    mimeTypes: DOCUMENT_TYPES.map((t) => t.mime),
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: 'Tên tài liệu',
      required: true,
      admin: { description: 'Tên hiển thị cho người tải về, ví dụ: "Kế hoạch bài dạy GDCD 8 – Bình đẳng giới".' },
    },
  ],
});
