import type { CollectionConfig } from 'payload';

import { isPlatformAdminAccess, nobodyAccess } from '../access/roles';

export const REMINDERS_SENT = 'reminders-sent';

/**
 * What the reminder passes have done, so nobody hears the same thing twice,
 * across restarts and runners: one document per (kind, person or school,
 * what it was about), named by `key`, which a unique index keeps single.
 * A pass writes the key before it queues the mail: a pass that dies between
 * the two loses that one mail rather than sending it twice.
 */
export const RemindersSent: CollectionConfig = {
  slug: REMINDERS_SENT,
  labels: { singular: 'Thư nhắc đã gửi', plural: 'Thư nhắc đã gửi' },
  admin: { group: 'Hệ thống', useAsTitle: 'key', defaultColumns: ['key', 'kind', 'at'], hidden: true },
  access: { read: isPlatformAdminAccess, create: nobodyAccess, update: nobodyAccess, delete: nobodyAccess },
  fields: [
    // `reminder|<person>|<school>|2027-Q1:21`, `digest|<person>|2027-W10`, `build|<school>|<run>` (src/cms/mail/passes.ts).
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { value: 'quarter-reminder', label: 'Nhắc viết bài' },
        { value: 'weekly-digest', label: 'Tổng hợp tuần' },
        { value: 'build-failure', label: 'Lỗi dựng trang' },
      ],
    },
    { name: 'person', type: 'relationship', relationTo: 'users', index: true },
    { name: 'school', type: 'relationship', relationTo: 'schools', index: true },
    /** For a reminder key passed over by a late pass: true (remembered as done, never sent). */
    { name: 'passedOver', type: 'checkbox', defaultValue: false },
    { name: 'mail', type: 'relationship', relationTo: 'mail-outbox' },
    { name: 'at', type: 'date', required: true },
  ],
};
