import type { Access, PayloadRequest, Where } from 'payload';

import type { Article, ModelStory, TeachingResource } from '../../payload-types';
import { mayCreateIn } from '../fields/school';
import { whereMay } from './actor';
import { createdByUser } from './roles';

/**
 * Access for the column's editorial collections (articles, model stories,
 * teaching resources), after docs/ACCESS.md. Everybody reads what is
 * published and due, in every school; drafts, versions and scheduled items
 * only in one's own school (contributors: only their own); writes only in
 * one's own school. Which school a new document goes to, and that it never
 * moves, is checked by the school guard (src/cms/fields/school.ts).
 */

/** The constraint every public read carries: published, and its date has come. */
export function publishedAndDue(now: Date = new Date()): Where {
  return {
    and: [{ _status: { equals: 'published' } }, { publishedAt: { less_than_equal: now.toISOString() } }],
  };
}

/** The request body an access rule sees (create, update): not yet validated, so any field may be missing. */
type EditorialAccess = Access<Partial<Article | ModelStory | TeachingResource>>;

const either = (a: boolean | Where, b: boolean | Where): boolean | Where => {
  if (a === true || b === true) return true;
  if (a === false) return b;
  if (b === false) return a;
  return { or: [a, b] };
};

export const readContent: EditorialAccess = ({ req }) =>
  either(publishedAndDue(), whereMay(req, 'read-drafts', createdByUser(req)));

/** Versions carry the document under `version`. */
export const readContentVersions: EditorialAccess = ({ req }) =>
  whereMay(req, 'read-drafts', createdByUser(req, 'version.createdBy'), 'version.school');

const asksToPublish = (data: Partial<Article | ModelStory | TeachingResource> | undefined): boolean =>
  data?._status === 'published';

/** What a contributor may change or remove: what they created, while it is not published. */
const ownDrafts = (req: PayloadRequest): Where => ({
  and: [createdByUser(req), { _status: { not_equals: 'published' } }],
});

/** A draft where the actor may write; published at once only where they may publish. */
export const createContent: EditorialAccess = mayCreateIn('create-draft', 'publish');

export const updateContent: EditorialAccess = ({ req, data }) =>
  asksToPublish(data) ? whereMay(req, 'publish') : whereMay(req, 'edit', ownDrafts(req));

export const deleteContent: EditorialAccess = ({ req }) => whereMay(req, 'delete', ownDrafts(req));
