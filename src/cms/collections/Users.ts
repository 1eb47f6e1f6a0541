import type { CollectionConfig, FieldAccess } from 'payload';

import { isPlatformAdmin } from '../../domain/school-access';
import { PLATFORM_ROLES, ROLES } from '../../domain/vocabulary';
import { settings } from '../../settings';
import { actorOf } from '../access/actor';
import { isPlatformAdminField, isSignedInField } from '../access/roles';
import { createAccounts, deleteAccounts, readAccounts, updateAccounts } from '../access/users';
import { forgotPasswordEndpoint } from '../auth/forgot-password';
import { guardAuthOperations } from '../auth/hooks';
import { guardAccountDelete, guardMemberships } from '../auth/memberships';
import { inviteNewAccount } from '../mail/account-mails';
import { unsubscribeEndpoints } from '../mail/unsubscribe-endpoint';

/** Who may edit memberships at all; which rows they may touch is the membership guard's business. */
const managesMembers: FieldAccess = ({ req }) => {
  const actor = actorOf(req.user);
  return isPlatformAdmin(actor) || (actor?.memberships.some((m) => m.role === 'admin') ?? false);
};

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Người dùng', plural: 'Người dùng' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'schools', 'platformRole'],
    group: 'Hệ thống',
  },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    useAPIKey: true,
    // Secure (HTTPS only; browsers also allow localhost) in production, unless a LAN without TLS says COOKIE_SECURE=false.
    cookies: {
      secure: settings().NODE_ENV === 'production' && settings().COOKIE_SECURE !== false,
      sameSite: 'Lax',
    },
  },
  // Before Payload's own endpoint of the same path, which it replaces (src/cms/auth/forgot-password.ts).
  endpoints: [forgotPasswordEndpoint, ...unsubscribeEndpoints],
  hooks: {
    beforeOperation: [guardAuthOperations],
    beforeChange: [guardMemberships],
    beforeDelete: [guardAccountDelete],
    afterChange: [inviteNewAccount],
  },
  // Nothing uses accounts through GraphQL (the admin speaks REST); its auth
  // mutations would be one more door to guard (aliased loginUser × 25).
  graphQL: { disableMutations: true },
  access: {
    admin: ({ req }) => Boolean(req.user),
    read: readAccounts,
    create: createAccounts,
    update: updateAccounts,
    delete: deleteAccounts,
    unlock: deleteAccounts,
  },
  fields: [
    { name: 'name', type: 'text', label: 'Họ và tên', required: true },
    {
      // The multi-tenant plugin's memberships array (src/cms/multi-tenant.ts: includeDefaultField false).
      name: 'schools',
      type: 'array',
      label: 'Trường và vai trò',
      labels: { singular: 'Trường', plural: 'Trường' },
      saveToJWT: true,
      access: { create: managesMembers, update: managesMembers, read: isSignedInField },
      admin: {
        description:
          'Cộng tác viên: viết bản nháp. Biên tập viên: duyệt, xuất bản, gỡ bài. Quản trị viên: thêm cả quản lý tài khoản và cài đặt của trường.',
      },
      fields: [
        {
          name: 'school',
          type: 'relationship',
          relationTo: 'schools',
          label: 'Trường',
          required: true,
          index: true,
          saveToJWT: true,
        },
        {
          name: 'role',
          type: 'select',
          label: 'Vai trò',
          required: true,
          defaultValue: 'contributor',
          options: ROLES.map((r) => ({ ...r })),
        },
      ],
    },
    {
      name: 'platformRole',
      type: 'select',
      label: 'Vai trò trên nền tảng',
      options: PLATFORM_ROLES.map((r) => ({ ...r })),
      saveToJWT: true,
      access: { create: isPlatformAdminField, update: isPlatformAdminField, read: isSignedInField },
      admin: {
        position: 'sidebar',
        description:
          'Quản trị nền tảng: quản lý các trường và quản trị viên của từng trường. Cán bộ Phòng GD&ĐT: xem nội dung đã đăng, tình hình duy trì và bảng tổng hợp của mọi trường; không sửa gì.',
      },
    },
    {
      name: 'remindersOff',
      type: 'checkbox',
      label: 'Không nhận thư nhắc',
      defaultValue: false,
      admin: {
        position: 'sidebar',
        description:
          'Tắt thư nhắc viết bài, thư kết quả chốt quý, thư tổng hợp tuần và thư báo lỗi dựng trang. Thư tài khoản (đặt lại mật khẩu, lời mời) vẫn được gửi.',
      },
    },
  ],
};
