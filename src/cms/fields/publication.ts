import type { CheckboxField, DateField, FieldHook } from 'payload';

import { nobody } from '../access/roles';

/**
 * The dates the quarterly coverage check reads. `publishedAt` is what readers
 * see and decides the quarter; `firstPublishedAt` is when the system first saw
 * the document published, so a missed quarter cannot be filled by back-dating.
 */

const isPublishing = (siblingData: Record<string, unknown> | undefined) => siblingData?._status === 'published';

const defaultToNowWhenPublishing: FieldHook = ({ value, siblingData }) =>
  value ?? (isPublishing(siblingData) ? new Date().toISOString() : value);

/**
 * Context flag for trusted server-side imports (seed, migration of an old
 * portal) that carry a real first-publication date. Only the Local API can set
 * `req.context`; REST and GraphQL cannot.
 */
export const IMPORT_FIRST_PUBLISHED_AT = 'importFirstPublishedAt';

const setFirstPublicationOnce: FieldHook = ({ value, originalDoc, siblingData, req }) => {
  const existing = originalDoc?.firstPublishedAt;
  if (existing) return existing;
  if (req.context[IMPORT_FIRST_PUBLISHED_AT] === true && value) return value;
  return isPublishing(siblingData) ? new Date().toISOString() : null;
};

export function publishedAtField(): DateField {
  return {
    name: 'publishedAt',
    type: 'date',
    label: 'Ngày đăng',
    index: true,
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' },
      description: 'Ngày hiển thị trên trang và dùng để xếp bài vào quý. Để trống: lấy thời điểm xuất bản.',
    },
    hooks: { beforeChange: [defaultToNowWhenPublishing] },
  };
}

export function firstPublishedAtField(): DateField {
  return {
    name: 'firstPublishedAt',
    type: 'date',
    label: 'Xuất bản lần đầu',
    index: true,
    access: { create: nobody, update: nobody },
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' },
      description: 'Hệ thống tự ghi khi xuất bản lần đầu; không ai sửa được.',
    },
    hooks: { beforeChange: [setFirstPublicationOnce] },
  };
}

export function countsTowardColumnField(defaultValue: boolean): CheckboxField {
  return {
    name: 'countsTowardColumn',
    type: 'checkbox',
    label: 'Tính vào chỉ tiêu cập nhật chuyên mục theo quý',
    defaultValue,
    admin: { position: 'sidebar' },
  };
}
