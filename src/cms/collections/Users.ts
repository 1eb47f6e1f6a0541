import type { CollectionConfig, FieldHook } from 'payload';

import { ROLES } from '../../domain/vocabulary';
import { settings } from '../../settings';
import { isAdmin, isAdminField, isStaff, isStaffField } from '../access/roles';
import { isAdminOrSelf } from '../access/users';
import { forgotPasswordEndpoint } from '../auth/forgot-password';
import { guardAuthOperations } from '../auth/hooks';
import type { User } from '../../payload-types';

/** The very first account (created from the admin's welcome screen) is an admin. */
const firstUserIsAdmin: FieldHook<User, User['role'] | undefined> = async ({ operation, value, req }) => {
  if (operation !== 'create') return value;
  const { totalDocs } = await req.payload.count({ collection: 'users', req });
  return totalDocs === 0 ? 'admin' : (value ?? 'contributor');
};

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Người dùng', plural: 'Người dùng' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role'],
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
  endpoints: [forgotPasswordEndpoint],
  hooks: { beforeOperation: [guardAuthOperations] },
  // Nothing uses accounts through GraphQL (the admin speaks REST); its auth
  // mutations would be one more door to guard (aliased loginUser × 25).
  graphQL: { disableMutations: true },
  access: {
    admin: ({ req }) => Boolean(req.user),
    read: isStaff,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', label: 'Họ và tên', required: true },
    {
      name: 'role',
      type: 'select',
      label: 'Vai trò',
      required: true,
      defaultValue: 'contributor',
      options: ROLES.map((r) => ({ ...r })),
      saveToJWT: true,
      access: { create: isAdminField, update: isAdminField, read: isStaffField },
      hooks: { beforeChange: [firstUserIsAdmin] },
      admin: {
        position: 'sidebar',
        description:
          'Cộng tác viên: viết bản nháp. Biên tập viên: duyệt, xuất bản, gỡ bài. Quản trị viên: thêm cả quản lý tài khoản và cài đặt.',
      },
    },
  ],
};
