import type { Access, Where } from 'payload';

import { createdByUser, hasRole, roleOf } from './roles';

/**
 * Access for the column's editorial collections (articles, model stories,
 * teaching resources). Anonymous readers see only what is published and
 * whose `publishedAt` has come; contributors write their own drafts;
 * editors and admins publish, unpublish and delete anything.
 */

/** The constraint every public read carries: published, and its date has come. */
export function publishedAndDue(now: Date = new Date()): Where {
  return {
    and: [{ _status: { equals: 'published' } }, { publishedAt: { less_than_equal: now.toISOString() } }],
  };
}

export const readPublishedOrStaff: Access = ({ req }) => {
  if (roleOf(req.user) !== undefined) return true;
  return publishedAndDue();
};

const asksToPublish = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { _status?: unknown })._status === 'published';

const ownDrafts = (req: Parameters<Access>[0]['req']): Where => ({
  and: [createdByUser(req), { _status: { not_equals: 'published' } }],
});

export const createContent: Access = ({ req, data }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true;
  if (hasRole(req.user, 'contributor')) return !asksToPublish(data);
  return false;
};

export const updateContent: Access = ({ req, data }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true;
  if (hasRole(req.user, 'contributor')) return asksToPublish(data) ? false : ownDrafts(req);
  return false;
};

export const deleteContent: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true;
  if (hasRole(req.user, 'contributor')) return ownDrafts(req);
  return false;
};
