import type { Access, FieldAccess, PayloadRequest, Where } from 'payload';

import { isPlatformAdmin } from '../../domain/school-access';
import { actorOf } from './actor';

/** Any signed-in account (member of a school, district officer or platform admin). */
export const isSignedIn: Access = ({ req }) => actorOf(req.user) !== null;

export const isPlatformAdminAccess: Access = ({ req }) => isPlatformAdmin(actorOf(req.user));

export const isPlatformAdminField: FieldAccess = ({ req }) => isPlatformAdmin(actorOf(req.user));

export const isSignedInField: FieldAccess = ({ req }) => actorOf(req.user) !== null;

export const anyone: Access = () => true;

export const nobody: FieldAccess = () => false;

export const nobodyAccess: Access = () => false;

/** Documents whose `createdBy` is the signed-in user. */
export function createdByUser(req: PayloadRequest, field = 'createdBy'): Where {
  return { [field]: { equals: req.user?.id } };
}
