import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload';

import type { Article, Document, Media, ModelStory, School, TeachingResource, Topic } from '../../payload-types';
import { idOf } from '../access/actor';
import { requestSiteRebuild } from './request';

/**
 * The public site shows only published documents: a change rebuilds it when
 * the document is or was published (publish, unpublish, edit of a published
 * document). Draft saves and autosaves do not. A document published for a
 * later time also asks for a rebuild at that time.
 */
/** Context flag for bulk writes (the seed) that rebuild once themselves, or not at all. */
export const SKIP_SITE_REBUILD = 'skipSiteRebuild';
const SKIP = SKIP_SITE_REBUILD;

/** What the public site shows: the editorial collections and topics (rebuilt on change), and the files they use. */
type Shown = Article | ModelStory | TeachingResource | Topic;
type Upload = Media | Document;

/** The school whose site shows the document (every school-owned document has one: src/cms/fields/school.ts). */
const schoolOf = (doc: Shown | Upload) => (doc.school == null ? null : idOf(doc.school));

/** Topics (and files) have no drafts: only the editorial collections carry `_status`. */
const isPublished = (doc: Shown | Upload | undefined) =>
  doc !== undefined && '_status' in doc && doc._status === 'published';

export const rebuildAfterChange: CollectionAfterChangeHook<Shown> = async ({
  doc,
  previousDoc,
  collection,
  req,
  context,
}) => {
  if (context[SKIP]) return doc;
  const hasDrafts = Boolean(collection.versions?.drafts);
  const shown = !hasDrafts || isPublished(doc) || isPublished(previousDoc);
  if (!shown) return doc;
  const school = schoolOf(doc);
  if (school === null) return doc;
  const title = doc.title ?? String(doc.id);
  await requestSiteRebuild(req.payload, { school, reason: `${collection.slug}: ${title}`, req });
  // Moved to another school by a platform admin: the old school's site must lose it.
  const before = previousDoc ? schoolOf(previousDoc) : null;
  if (before !== null && String(before) !== String(school) && (!hasDrafts || isPublished(previousDoc)))
    await requestSiteRebuild(req.payload, {
      school: before,
      reason: `${collection.slug}: ${title} (chuyển trường)`,
      req,
    });
  const publishedAt = 'publishedAt' in doc ? doc.publishedAt : undefined;
  if (isPublished(doc) && publishedAt && Date.parse(publishedAt) > Date.now()) {
    await requestSiteRebuild(req.payload, {
      school,
      reason: `${collection.slug}: ${title} (hẹn giờ)`,
      at: new Date(publishedAt),
      req,
    });
  }
  return doc;
};

export const rebuildAfterDelete: CollectionAfterDeleteHook<Shown | Upload> = async ({
  doc,
  collection,
  req,
  context,
}) => {
  if (context[SKIP]) return doc;
  if (collection.versions?.drafts && !isPublished(doc)) return doc;
  const school = schoolOf(doc);
  if (school === null) return doc;
  await requestSiteRebuild(req.payload, {
    school,
    reason: `${collection.slug}: xóa ${('title' in doc ? doc.title : undefined) ?? doc.id}`,
    req,
  });
  return doc;
};

/** A school's name, address or column settings are on every page of its site. */
export const rebuildAfterSettings: CollectionAfterChangeHook<School> = async ({ doc, req, context }) => {
  if (!context[SKIP]) await requestSiteRebuild(req.payload, { school: doc.id, reason: 'cài đặt chuyên mục', req });
  return doc;
};

/** A new upload is shown only once a published document uses it (that save rebuilds); a changed one may be shown already. */
export const rebuildAfterFileUpdate: CollectionAfterChangeHook<Upload> = async ({
  doc,
  operation,
  collection,
  req,
  context,
}) => {
  const school = schoolOf(doc);
  if (operation === 'update' && !context[SKIP] && school !== null) {
    await requestSiteRebuild(req.payload, {
      school,
      reason: `${collection.slug}: ${doc.filename ?? doc.id}`,
      req,
    });
  }
  return doc;
};

/** Fresh arrays per collection: Payload's sanitising may extend a config's hook lists. */
export const siteRebuildHooks = () => ({ afterChange: [rebuildAfterChange], afterDelete: [rebuildAfterDelete] });
