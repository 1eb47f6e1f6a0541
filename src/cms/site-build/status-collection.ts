import type { CollectionConfig } from 'payload';

import { whereMay } from '../access/actor';
import { nobodyAccess } from '../access/roles';
import { leaseFields } from '../claim';
import { rebuildNowEndpoint } from './endpoint';

export const SITE_BUILDS = 'site-builds';

/**
 * What a school's staff see of its public site's builds: one document per
 * school, written only by the system (the rebuild job, with its lease);
 * the school's members, district officers and platform admins read it;
 * nobody edits it through any API.
 */
export const SiteBuilds: CollectionConfig = {
  slug: SITE_BUILDS,
  labels: { singular: 'Trạng thái trang công khai', plural: 'Trạng thái trang công khai' },
  admin: {
    group: 'Hệ thống',
    useAsTitle: 'lastReason',
    defaultColumns: ['school', 'state', 'lastSuccessAt', 'lastFailureAt'],
    description: 'Hệ thống tự ghi sau mỗi lần dựng lại trang chuyên mục của từng trường.',
  },
  access: {
    read: ({ req }) => whereMay(req, 'read-build-status'),
    create: nobodyAccess,
    update: nobodyAccess,
    delete: nobodyAccess,
  },
  endpoints: [rebuildNowEndpoint],
  fields: [
    {
      name: 'school',
      type: 'relationship',
      relationTo: 'schools',
      label: 'Trường',
      required: true,
      unique: true,
      index: true,
      admin: { readOnly: true },
    },
    {
      name: 'state',
      type: 'select',
      label: 'Tình trạng',
      defaultValue: 'idle',
      options: [
        { value: 'idle', label: 'Không có việc' },
        { value: 'pending', label: 'Đang chờ dựng lại' },
        { value: 'running', label: 'Đang dựng lại' },
      ],
    },
    { name: 'lastReason', type: 'text', label: 'Lý do lần dựng gần nhất' },
    { name: 'lastRequestedAt', type: 'date', label: 'Yêu cầu gần nhất' },
    { name: 'lastStartedAt', type: 'date', label: 'Bắt đầu dựng gần nhất' },
    { name: 'lastSuccessAt', type: 'date', label: 'Dựng thành công gần nhất' },
    { name: 'lastDurationMs', type: 'number', label: 'Thời gian lần dựng thành công gần nhất (ms)' },
    { name: 'lastFailureAt', type: 'date', label: 'Lỗi gần nhất lúc' },
    { name: 'lastFailureReason', type: 'textarea', label: 'Lý do lỗi' },
    { name: 'lastFailureLog', type: 'textarea', label: 'Trích nhật ký lỗi' },
    {
      // A file lost from storage does not stop the build: the item is published without it, and listed here.
      name: 'missingFiles',
      type: 'array',
      label: 'Tệp thiếu ở lần dựng thành công gần nhất',
      labels: { singular: 'Tệp thiếu', plural: 'Tệp thiếu' },
      admin: {
        readOnly: true,
        description: 'Các mục này đang hiển thị mà không có tệp. Mở mục, tải tệp lên lại, rồi dựng lại trang.',
      },
      fields: [
        // Not `collection`: a reserved path name in Mongoose schemas.
        { name: 'itemCollection', type: 'text', label: 'Nhóm nội dung' },
        { name: 'itemId', type: 'text', label: 'Mã mục' },
        { name: 'title', type: 'text', label: 'Tiêu đề mục' },
        { name: 'upload', type: 'text', label: 'Loại tệp (media / documents)' },
        { name: 'filename', type: 'text', label: 'Tên tệp' },
        { name: 'status', type: 'text', label: 'CMS trả lời' },
      ],
    },
    // The build lease (src/cms/site-build/lease.ts): which runner builds this school's site, and until when.
    ...leaseFields,
  ],
};
