import type { CollectionConfig } from 'payload';

import { whereMay } from '../access/actor';
import { nobody, nobodyAccess } from '../access/roles';
import { leaseFields } from '../claim';

export const MAIL_OUTBOX = 'mail-outbox' as const;

export const MAIL_KINDS = [
  { value: 'password-reset', label: 'Đặt lại mật khẩu' },
  { value: 'invitation', label: 'Mời tham gia' },
  { value: 'quarter-reminder', label: 'Nhắc viết bài trong quý' },
  { value: 'quarter-closed', label: 'Kết quả chốt quý' },
  { value: 'weekly-digest', label: 'Tổng hợp tuần (Phòng GD&ĐT)' },
  { value: 'build-failure', label: 'Lỗi dựng trang' },
  { value: 'other', label: 'Khác' },
] as const;
export type MailKind = (typeof MAIL_KINDS)[number]['value'];

export const MAIL_STATES = [
  { value: 'queued', label: 'Chờ gửi' },
  { value: 'retrying', label: 'Gửi chưa được, sẽ thử lại' },
  { value: 'sent', label: 'Đã gửi' },
  { value: 'written', label: 'Đã ghi ra tệp (chưa cấu hình SMTP)' },
] as const;

/**
 * Every mail the column sends, kept until it is delivered (src/cms/mail/):
 * with SMTP_URL, sent and retried with back-off while the server refuses or
 * cannot be reached; without it, written as an `.eml` file under
 * MAIL_OUTBOX_DIR. Nothing is dropped: a message leaves the "Chờ gửi" and
 * "sẽ thử lại" states only when it has been delivered or written.
 *
 * Read by platform admins (everything) and a school's admins (that school's
 * mails); written only by the system. The message itself (`raw`) is never
 * readable through the API: a reset mail's link would open another person's
 * account.
 */
export const MailOutbox: CollectionConfig = {
  slug: MAIL_OUTBOX,
  labels: { singular: 'Thư đi', plural: 'Hộp thư đi' },
  admin: {
    group: 'Hệ thống',
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'to', 'kind', 'state', 'createdAt', 'attempts'],
    description:
      'Mọi thư hệ thống gửi. Khi chưa cấu hình SMTP_URL, thư được ghi thành tệp .eml trong thư mục MAIL_OUTBOX_DIR (mặc định data/outbox) thay vì gửi đi. Thư gửi chưa được sẽ tự thử lại.',
  },
  access: {
    read: ({ req }) => whereMay(req, 'manage-members'),
    create: nobodyAccess,
    update: nobodyAccess,
    delete: nobodyAccess,
  },
  fields: [
    { name: 'subject', type: 'text', label: 'Tiêu đề', required: true, admin: { readOnly: true } },
    { name: 'to', type: 'text', label: 'Người nhận', required: true, admin: { readOnly: true } },
    {
      name: 'kind',
      type: 'select',
      label: 'Loại thư',
      required: true,
      options: MAIL_KINDS.map((k) => ({ ...k })),
      admin: { readOnly: true },
    },
    {
      name: 'state',
      type: 'select',
      label: 'Tình trạng',
      required: true,
      index: true,
      defaultValue: 'queued',
      options: MAIL_STATES.map((s) => ({ ...s })),
      admin: { readOnly: true },
    },
    {
      name: 'school',
      type: 'relationship',
      relationTo: 'schools',
      label: 'Trường',
      index: true,
      admin: { readOnly: true },
    },
    { name: 'attempts', type: 'number', label: 'Số lần đã thử gửi', defaultValue: 0, admin: { readOnly: true } },
    { name: 'nextAttemptAt', type: 'date', label: 'Thử lại lúc', index: true, admin: { readOnly: true } },
    { name: 'lastError', type: 'textarea', label: 'Lỗi lần thử gần nhất', admin: { readOnly: true } },
    { name: 'sentAt', type: 'date', label: 'Gửi (hoặc ghi tệp) lúc', admin: { readOnly: true } },
    { name: 'file', type: 'text', label: 'Tệp .eml', admin: { readOnly: true } },
    { name: 'messageId', type: 'text', label: 'Message-ID', admin: { readOnly: true } },
    {
      name: 'preview',
      type: 'textarea',
      label: 'Nội dung (bản chữ)',
      admin: {
        readOnly: true,
        description:
          'Thư tài khoản (đặt lại mật khẩu, lời mời) không hiện nội dung vì chứa liên kết riêng của người nhận.',
      },
    },
    // The message as sent (RFC 5322) and its SMTP envelope: for the delivery only.
    { name: 'raw', type: 'textarea', required: true, admin: { hidden: true }, access: { read: nobody } },
    { name: 'envelope', type: 'json', required: true, admin: { hidden: true }, access: { read: nobody } },
    ...leaseFields,
  ],
};
