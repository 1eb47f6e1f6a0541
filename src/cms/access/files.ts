import type { Access } from 'payload';

import { createdByUser, hasRole } from './roles';

/**
 * Uploaded images and documents: public to read (they appear on the site),
 * any staff member may upload, contributors may change or remove only their own.
 */
export const updateOrDeleteOwnFile: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true;
  if (hasRole(req.user, 'contributor')) return createdByUser(req);
  return false;
};
