import type { Access, Where } from 'payload';

import { whereMay } from './actor';

/**
 * Accounts, after docs/ACCESS.md: everyone sees and edits their own; a
 * school's editors and admins see its members, contributors only themselves;
 * a school's admins manage its members; platform admins everybody. District
 * officers see no account but their own. Which memberships and roles a
 * change may set is checked by the membership guard (src/cms/auth/memberships.ts).
 */
const self = (id: unknown): Where => ({ id: { equals: id } });

const orSelf = (result: boolean | Where, id: unknown): boolean | Where =>
  result === true ? true : result === false ? self(id) : { or: [self(id), result] };

export const readAccounts: Access = ({ req }) =>
  req.user ? orSelf(whereMay(req, 'read-accounts', null, 'schools.school'), req.user.id) : false;

export const createAccounts: Access = ({ req }) => whereMay(req, 'manage-members') !== false;

export const updateAccounts: Access = ({ req }) =>
  req.user ? orSelf(whereMay(req, 'manage-members', null, 'schools.school'), req.user.id) : false;

export const deleteAccounts: Access = ({ req }) => whereMay(req, 'manage-members', null, 'schools.school');
