/**
 * The site's view of the CMS content: the synced collections with their
 * relations resolved (topics, cover images, photos, files). A reference the
 * site cannot resolve — an image or file document that was deleted, a
 * duplicate slug — fails the build here with a message naming the collection,
 * the document and the field, instead of rendering a page with a hole in it.
 * A file whose document exists but whose bytes the CMS cannot give (lost from
 * storage) does not: the item is built without it, with a note for readers,
 * and the file is reported (see site-loader/missing-files.ts).
 */

import { getCollection } from 'astro:content';

import { quarterOf, quarterSlug, type Quarter } from '../../domain/quarters';
import { payloadUrl } from '../../site-loader/astro-loader';
import { CmsDataError } from '../../site-loader/errors';
import {
  missingFilesText,
  probeFiles,
  recordMissingFiles,
  type FileProbe,
  type MissingFile,
} from '../../site-loader/missing-files';
import type { Article, DocumentFile, Media, ModelStory, TeachingResource, Topic } from '../../site-loader/schemas';
import { imageSource } from './images';
import { newestFirst } from './related';
import { internalLinks, plainText, uploadIds, type InternalHref, type RichText } from './richtext';
import { urlFor, type ItemCollection } from './urls';

export type ResolvedArticle = Omit<Article, 'cover' | 'topics'> & {
  collection: 'articles';
  cover?: Media;
  topics: Topic[];
  text: string;
  quarter: Quarter;
  url: string;
};
export type ResolvedStory = Omit<ModelStory, 'photos'> & {
  collection: 'model-stories';
  photos: Media[];
  text: string;
  url: string;
};
export type ResolvedResource = Omit<TeachingResource, 'files'> & {
  collection: 'teaching-resources';
  /** The files readers can download. */
  files: DocumentFile[];
  /** Files the CMS could not give this build: shown with a note, without a link. */
  missingFiles: DocumentFile[];
  url: string;
};

export type SiteContent = {
  articles: ResolvedArticle[];
  stories: ResolvedStory[];
  resources: ResolvedResource[];
  topics: Topic[];
  /** The images the build can show (those the CMS could not give are left out). */
  media: Map<string, Media>;
  documents: Map<string, DocumentFile>;
  /** id → page address, for internal links in rich text. */
  hrefOf: (relationTo: string, id: string) => string | undefined;
  /** Files published items use that the CMS could not give this build. */
  missingFiles: MissingFile[];
};

function fail(
  collection: string,
  doc: { id: string; slug?: string },
  field: string,
  problem: string,
  english: string,
): never {
  throw new CmsDataError('CmsBrokenReference', { collection, id: doc.id, slug: doc.slug, field, problem, english });
}

function lookup<T>(
  map: Map<string, T>,
  id: string,
  collection: string,
  doc: { id: string; slug?: string },
  field: string,
  target: string,
): T {
  const found = map.get(id);
  if (!found)
    fail(
      collection,
      doc,
      field,
      `tham chiếu tới ${target} id ${id} không tồn tại hoặc chưa công khai`,
      `refers to ${id}, which does not exist or is not public`,
    );
  return found;
}

function uniqueSlugs(collection: string, docs: { id: string; slug: string }[]) {
  const seen = new Map<string, string>();
  for (const doc of docs) {
    const other = seen.get(doc.slug);
    if (other) fail(collection, doc, 'slug', `trùng slug với tài liệu id ${other}`, `same slug as item ${other}`);
    seen.set(doc.slug, doc.id);
  }
}

function checkBody(collection: string, doc: { id: string; slug: string; body?: unknown }, media: Map<string, Media>) {
  for (const id of uploadIds(doc.body as RichText | undefined))
    lookup(media, id, collection, doc, 'body', 'ảnh (media)');
}

/** The published (or, for a preview, draft) documents an item's relations point at. */
export type References = {
  media: Map<string, Media>;
  topics: Map<string, Topic>;
  documents: Map<string, DocumentFile>;
  /** Ids of media / documents whose file the CMS could not give (a build leaves them out). */
  missing?: Set<string>;
};

const present = (refs: References) => (item: { id: string }) => !refs.missing?.has(item.id);

/** An article with its cover, topics, plain text, quarter and address; a dangling reference fails here. */
export function resolveArticle(data: Article, refs: References): ResolvedArticle {
  checkBody('articles', data, refs.media);
  const cover = data.cover ? lookup(refs.media, data.cover, 'articles', data, 'cover', 'ảnh (media)') : undefined;
  return {
    ...data,
    collection: 'articles',
    cover: cover && present(refs)(cover) ? cover : undefined,
    topics: data.topics.map((id: string) => lookup(refs.topics, id, 'articles', data, 'topics', 'chủ đề')),
    text: plainText(data.body as RichText | undefined),
    quarter: quarterOf(new Date(data.publishedAt)),
    url: urlFor('articles', data.slug),
  };
}

export function resolveStory(data: ModelStory, refs: References): ResolvedStory {
  checkBody('model-stories', data, refs.media);
  return {
    ...data,
    collection: 'model-stories',
    photos: data.photos
      .map((id: string) => lookup(refs.media, id, 'model-stories', data, 'photos', 'ảnh (media)'))
      .filter(present(refs)),
    text: plainText(data.body as RichText | undefined),
    url: urlFor('model-stories', data.slug),
  };
}

export function resolveResource(data: TeachingResource, refs: References): ResolvedResource {
  const files = data.files.map((id: string) =>
    lookup(refs.documents, id, 'teaching-resources', data, 'files', 'tệp (documents)'),
  );
  return {
    ...data,
    collection: 'teaching-resources',
    files: files.filter(present(refs)),
    missingFiles: files.filter((f) => !present(refs)(f)),
    url: urlFor('teaching-resources', data.slug),
  };
}

type Used = {
  item: { collection: string; id: string; title: string };
  upload: 'media' | 'documents';
  doc: Media | DocumentFile;
};

/** Every file the published items use, with the item that uses it. */
function filesInUse(
  articles: Article[],
  stories: ModelStory[],
  resources: TeachingResource[],
  refs: References,
): Used[] {
  const used: Used[] = [];
  const image = (item: Used['item'], id: string | undefined | null) => {
    const doc = id ? refs.media.get(id) : undefined;
    if (doc) used.push({ item, upload: 'media', doc });
  };
  for (const a of articles) {
    const item = { collection: 'articles', id: a.id, title: a.title };
    image(item, a.cover);
    for (const id of uploadIds(a.body as RichText | undefined)) image(item, id);
  }
  for (const s of stories) {
    const item = { collection: 'model-stories', id: s.id, title: s.title };
    for (const id of s.photos) image(item, id);
    for (const id of uploadIds(s.body as RichText | undefined)) image(item, id);
  }
  for (const r of resources) {
    const item = { collection: 'teaching-resources', id: r.id, title: r.title };
    for (const id of r.files) {
      const doc = refs.documents.get(id);
      if (doc) used.push({ item, upload: 'documents', doc });
    }
  }
  return used;
}

/** The address the build downloads a file from: the image copy Astro's image service reads, or the document. */
function probeOf(used: Used): FileProbe {
  if (used.upload === 'media')
    return { url: imageSource(used.doc as Media).src, upload: 'media', filename: used.doc.filename };
  return {
    url: `${cmsBase()}/api/documents/file/${encodeURIComponent(used.doc.filename)}`,
    upload: 'documents',
    filename: used.doc.filename,
  };
}

function cmsBase() {
  return payloadUrl().replace(/\/+$/, '');
}

/**
 * Asks the CMS for every file in use; those it does not give are reported in
 * the build output and in the build's report file, and left out of the pages.
 */
async function checkFiles(used: Used[]): Promise<{ missing: Set<string>; report: MissingFile[] }> {
  const failed = await probeFiles(used.map(probeOf));
  const missing = new Set<string>();
  const report: MissingFile[] = [];
  for (const u of used) {
    const status = failed.get(probeOf(u).url);
    if (!status) continue;
    missing.add(u.doc.id);
    report.push({ ...u.item, upload: u.upload, filename: u.doc.filename, status });
  }
  if (report.length > 0) console.warn(`\n${missingFilesText(report)}\n`);
  // Into the output folder, where scripts/build-site.ts reads it after the build.
  await recordMissingFiles(report);
  return { missing, report };
}

let cached: Promise<SiteContent> | undefined;

export function siteContent(): Promise<SiteContent> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteContent> {
  const [articles, stories, resources, topics, media, documents] = await Promise.all([
    getCollection('articles'),
    getCollection('modelStories'),
    getCollection('teachingResources'),
    getCollection('topics'),
    getCollection('media'),
    getCollection('documents'),
  ]);
  const mediaMap = new Map(media.map((m) => [m.data.id, m.data]));
  const documentMap = new Map(documents.map((d) => [d.data.id, d.data]));
  const topicMap = new Map(topics.map((t) => [t.data.id, t.data]));
  for (const [name, list] of [
    ['articles', articles],
    ['model-stories', stories],
    ['teaching-resources', resources],
    ['topics', topics],
  ] as const) {
    uniqueSlugs(
      name,
      list.map((e) => e.data),
    );
  }

  const refs: References = { media: mediaMap, topics: topicMap, documents: documentMap };
  const { missing, report } = await checkFiles(
    filesInUse(
      articles.map((e) => e.data),
      stories.map((e) => e.data),
      resources.map((e) => e.data),
      refs,
    ),
  );
  refs.missing = missing;
  const resolvedArticles = articles.map(({ data }) => resolveArticle(data, refs));
  const resolvedStories = stories.map(({ data }) => resolveStory(data, refs));
  const resolvedResources = resources.map(({ data }) => resolveResource(data, refs));

  const slugById = new Map<string, string>();
  const key = (c: string, id: string) => `${c}:${id}`;
  for (const a of articles) slugById.set(key('articles', a.data.id), a.data.slug);
  for (const s of stories) slugById.set(key('model-stories', s.data.id), s.data.slug);
  for (const r of resources) slugById.set(key('teaching-resources', r.data.id), r.data.slug);

  return {
    articles: resolvedArticles.sort(newestFirst),
    stories: resolvedStories.sort(newestFirst),
    resources: resolvedResources.sort(newestFirst),
    topics: topics.map((t) => t.data).sort((a, b) => a.title.localeCompare(b.title, 'vi')),
    media: new Map([...mediaMap].filter(([id]) => !missing.has(id))),
    documents: documentMap,
    missingFiles: report,
    hrefOf: (relationTo, id) => {
      const slug = slugById.get(key(relationTo, id));
      return slug ? urlFor(relationTo as ItemCollection, slug) : undefined;
    },
  };
}

/**
 * What a body shows besides its own text: its images (those this build has)
 * and the addresses of the documents it links to. Plain data, so that a page
 * showing the body can be keyed by it (./page-keys.ts).
 */
export type BodyRefs = { media: Media[]; links: [string, string | undefined][] };

export function bodyRefs(body: unknown, content: SiteContent): BodyRefs {
  const rich = body as RichText | undefined;
  const media = [...new Set(uploadIds(rich))].flatMap((id) => content.media.get(id) ?? []);
  const links = internalLinks(rich).map(
    ({ relationTo, id }) => [`${relationTo}:${id}`, content.hrefOf(relationTo, id)] as [string, string | undefined],
  );
  return { media, links };
}

/** The lookups a view renders a body with, answering only from `refs`. */
export function fromRefs(refs: BodyRefs): { media: Map<string, Media>; hrefOf: InternalHref } {
  const links = new Map(refs.links);
  return {
    media: new Map(refs.media.map((m) => [m.id, m])),
    hrefOf: (relationTo, id) => links.get(`${relationTo}:${id}`),
  };
}

/**
 * What the coverage report needs of every item (the other engineer's
 * `buildCoverageReport` input): id, collection, title, slug, url, dates, flag.
 */
export async function coverageItems() {
  const { articles, stories, resources } = await siteContent();
  return [...articles, ...stories, ...resources].map((i) => ({
    id: i.id,
    collection: i.collection as ItemCollection,
    title: i.title,
    slug: i.slug,
    url: i.url,
    publishedAt: i.publishedAt,
    firstPublishedAt: i.firstPublishedAt,
    countsTowardColumn: i.countsTowardColumn,
  }));
}

export function quarterKey(q: Quarter): string {
  return quarterSlug(q);
}
