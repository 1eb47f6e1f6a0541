import type { Access, PayloadRequest, Where } from 'payload';

import type { Article, ModelStory, TeachingResource } from '../../payload-types';

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

/** The request body an access rule sees (create, update): not yet validated, so any field may be missing. */
type EditorialAccess = Access<Partial<Article | ModelStory | TeachingResource>>;

export const readPublishedOrStaff: EditorialAccess = ({ req }) => {
  if (roleOf(req.user) !== undefined) return true;
  return publishedAndDue();
};

const asksToPublish = (data: Partial<Article | ModelStory | TeachingResource> | undefined): boolean =>
  data?._status === 'published';

const ownDrafts = (req: PayloadRequest): Where => ({
  and: [createdByUser(req), { _status: { not_equals: 'published' } }],
});

export const createContent: EditorialAccess = ({ req, data }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true;
  if (hasRole(req.user, 'contributor')) return !asksToPublish(data);
  return false;
};

export const updateContent: EditorialAccess = ({ req, data }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true;
  if (hasRole(req.user, 'contributor')) return asksToPublish(data) ? false : ownDrafts(req);
  return false;
};

export const deleteContent: EditorialAccess = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true;
  if (hasRole(req.user, 'contributor')) return ownDrafts(req);
  return false;
};
