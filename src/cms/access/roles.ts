import type { Access, FieldAccess, PayloadRequest, Where } from 'payload';

import type { Role } from '../../domain/vocabulary';

type MaybeUser = PayloadRequest['user'];

export function roleOf(user: MaybeUser): Role | undefined {
  if (!user || user.collection !== 'users') return undefined;
  return user.role;
}

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  const role = roleOf(user);
  return role !== undefined && roles.includes(role);
}

/** Any signed-in member of staff (admin, editor, contributor). */
export const isStaff: Access = ({ req }) => roleOf(req.user) !== undefined;

export const isAdmin: Access = ({ req }) => hasRole(req.user, 'admin');

export const isEditorOrAdmin: Access = ({ req }) => hasRole(req.user, 'admin', 'editor');

export const anyone: Access = () => true;

export const nobody: FieldAccess = () => false;

export const isAdminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin');

export const isStaffField: FieldAccess = ({ req }) => roleOf(req.user) !== undefined;

/** Documents whose `createdBy` is the signed-in user. */
export function createdByUser(req: PayloadRequest): Where {
  return { createdBy: { equals: req.user?.id } };
}
