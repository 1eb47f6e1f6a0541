import type { GlobalConfig } from 'payload';

import { isSignedIn } from '../access/roles';
import { rebuildNowEndpoint } from './endpoint';

/**
 * What editors see of the public site's builds. Written only by the system
 * (the rebuild job); staff read it; nobody edits it through the API.
 */
export const SiteBuildStatus: GlobalConfig = {
  slug: 'site-build-status',
  label: 'Trạng thái trang công khai',
  admin: { group: 'Hệ thống', description: 'Hệ thống tự ghi sau mỗi lần dựng lại trang chuyên mục.' },
  access: { read: isSignedIn, update: () => false },
  endpoints: [rebuildNowEndpoint],
  fields: [
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
  ],
};
