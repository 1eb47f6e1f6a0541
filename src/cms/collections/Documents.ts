import type { CollectionConfig } from 'payload';

import { DOCUMENT_TYPES, documentPolicy } from '../../domain/upload-policy';
import { settings } from '../../settings';
import { anyone, isStaff } from '../access/roles';
import { updateOrDeleteOwnFile } from '../access/files';
import { createdByField } from '../fields/created-by';
import { uploadDir } from '../uploads/upload-dir';
import { rebuildAfterDelete, rebuildAfterFileUpdate } from '../site-build/hooks';
import { verifyUpload } from '../uploads/verify-upload';
import { fileResponseHeaders } from '../uploads/file-response-headers';
import { refuseWhenDiskTooFull } from '../uploads/guard-file-writes';

const policy = documentPolicy(settings().DOCUMENT_MAX_MB);

export const Documents: CollectionConfig = {
  slug: 'documents',
  labels: { singular: 'Tệp tài liệu', plural: 'Tệp tài liệu' },
  admin: { group: 'Thư viện', useAsTitle: 'title', defaultColumns: ['title', 'filename', 'filesize', 'updatedAt'] },
  access: { read: anyone, create: isStaff, update: updateOrDeleteOwnFile, delete: updateOrDeleteOwnFile },
  hooks: {
    beforeOperation: [verifyUpload(policy)],
    beforeValidate: [refuseWhenDiskTooFull],
    afterChange: [rebuildAfterFileUpdate],
    afterDelete: [rebuildAfterDelete],
  },
  upload: {
    modifyResponseHeaders: fileResponseHeaders,
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
    createdByField,
  ],
};
