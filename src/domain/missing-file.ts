/**
 * A file a published item uses that the CMS could not give the site build:
 * the site is built without it, and editors are told (issue 14, defect 2).
 */

/** One file a published item uses that the CMS could not give the site build (defect 2). */
export type MissingFile = {
  /** The item's collection: articles, model-stories, teaching-resources. */
  collection: string;
  /** The item's id, for a link to it in the admin. */
  id: string;
  /** The item's title, as editors know it. */
  title: string;
  /** The upload collection of the file: media or documents. */
  upload: 'media' | 'documents';
  filename: string;
  /** What the CMS answered: an HTTP status, or a network error. */
  status: string;
};

const COLLECTION_TEXT: Record<string, string> = {
  articles: 'Bài viết',
  'model-stories': 'Gương điển hình',
  'teaching-resources': 'Tài liệu',
};

/** The item's collection as editors name it. */
export const collectionText = (collection: string) => COLLECTION_TEXT[collection] ?? collection;
