import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload';

import type { Article, Document, Media, ModelStory, TeachingResource, Topic } from '../../payload-types';
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
  const title = doc.title ?? String(doc.id);
  await requestSiteRebuild(req.payload, { reason: `${collection.slug}: ${title}`, req });
  const publishedAt = 'publishedAt' in doc ? doc.publishedAt : undefined;
  if (isPublished(doc) && publishedAt && Date.parse(publishedAt) > Date.now()) {
    await requestSiteRebuild(req.payload, {
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
  await requestSiteRebuild(req.payload, {
    reason: `${collection.slug}: xóa ${('title' in doc ? doc.title : undefined) ?? doc.id}`,
    req,
  });
  return doc;
};

/** A school's name, address or column settings are on every page of its site. */
export const rebuildAfterSettings: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (!context[SKIP]) await requestSiteRebuild(req.payload, { reason: 'cài đặt chuyên mục', req });
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
  if (operation === 'update' && !context[SKIP]) {
    await requestSiteRebuild(req.payload, {
      reason: `${collection.slug}: ${doc.filename ?? doc.id}`,
      req,
    });
  }
  return doc;
};

/** Fresh arrays per collection: Payload's sanitising may extend a config's hook lists. */
export const siteRebuildHooks = () => ({ afterChange: [rebuildAfterChange], afterDelete: [rebuildAfterDelete] });
