/**
 * A draft, fetched for the preview page with the editor's own session: the
 * CMS's access rules decide who may read it (staff read drafts, everyone
 * else gets 403/404), so the site holds no secret and grants nothing.
 *
 * The draft is checked with the same schemas as published items, after
 * filling what only publishing sets (the publication date), and comes back
 * with the images, topics and files it refers to, ready for the same
 * resolvers and page components the static build uses.
 */
import { type MessageArgs, type MessageName, renderMessage } from '../../messages/catalogue';
import { CmsClient } from '../../site-loader/client';
import { CmsHttpError, CmsUnreachableError, describeIssues } from '../../site-loader/errors';
import {
  documentSchema,
  EDITORIAL_COLLECTIONS,
  mediaSchema,
  SCHEMAS,
  topicSchema,
  type Article,
  type DocumentFile,
  type EditorialCollection,
  type Media,
  type ModelStory,
  type TeachingResource,
  type Topic,
} from '../../site-loader/schemas';
import { uploadIds, type RichText } from './richtext';

/** Payload's session cookie (cookiePrefix "payload"). */
export const SESSION_COOKIE = 'payload-token';

export type DraftReferences = {
  media: Map<string, Media>;
  topics: Map<string, Topic>;
  documents: Map<string, DocumentFile>;
};

export type Draft =
  | { collection: 'articles'; data: Article }
  | { collection: 'model-stories'; data: ModelStory }
  | { collection: 'teaching-resources'; data: TeachingResource };

export type DraftResult =
  | ({ ok: true; refs: DraftReferences } & Draft)
  | { ok: false; status: 400 | 401 | 403 | 404 | 422 | 502; name: MessageName; title: string; message: string };

/** A refusal for the preview page: the catalogue's title and text. */
function refused<N extends MessageName>(
  status: Extract<DraftResult, { ok: false }>['status'],
  name: N,
  ...args: MessageArgs<N>
): DraftResult {
  const { title, text } = renderMessage(name, ...args);
  return { ok: false, status, name, title, message: text };
}

export function isEditorialCollection(value: string | undefined): value is EditorialCollection {
  return EDITORIAL_COLLECTIONS.includes(value as EditorialCollection);
}

export async function fetchDraft(options: {
  baseUrl: string;
  collection: string | undefined;
  id: string | undefined;
  token: string | undefined;
  now?: Date;
  fetch?: typeof fetch;
}): Promise<DraftResult> {
  const { collection, id, token } = options;
  if (!isEditorialCollection(collection) || !id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    return refused(404, 'PreviewAddressInvalid');
  }
  if (!token) {
    return refused(401, 'PreviewNeedsLogin');
  }
  const client = new CmsClient({
    baseUrl: options.baseUrl,
    timeoutMs: 10_000,
    headers: { authorization: `JWT ${token}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let raw: Record<string, unknown>;
  try {
    // An expired or forged session reads as anonymous, which would look like "not found".
    const me = (await client.getJson('/api/users/me', { depth: 0 })) as { user?: unknown };
    if (!me?.user) return refused(401, 'PreviewSessionExpired');
    raw = (await client.getJson(`/api/${collection}/${encodeURIComponent(id)}`, { draft: true, depth: 0 })) as Record<
      string,
      unknown
    >;
  } catch (error) {
    return cmsFailure(error);
  }

  // Only publishing sets the publication date; a draft is shown as if published now.
  const filled = { ...raw, publishedAt: raw.publishedAt ?? (options.now ?? new Date()).toISOString() };
  const parsed = SCHEMAS[collection].safeParse(filled);
  if (!parsed.success) {
    return refused(422, 'PreviewIncomplete', { problems: describeIssues(parsed.error.issues) });
  }
  const draft = { collection, data: parsed.data } as Draft;
  try {
    const refs = await fetchReferences(client, draft);
    return { ok: true, refs, ...draft };
  } catch (error) {
    return cmsFailure(error);
  }
}

async function fetchReferences(client: CmsClient, draft: Draft): Promise<DraftReferences> {
  const mediaIds = new Set<string>();
  const topicIds = new Set<string>();
  const documentIds = new Set<string>();
  if (draft.collection === 'articles') {
    if (draft.data.cover) mediaIds.add(draft.data.cover);
    for (const id of draft.data.topics) topicIds.add(id);
  }
  if (draft.collection === 'model-stories') for (const id of draft.data.photos) mediaIds.add(id);
  if (draft.collection === 'teaching-resources') for (const id of draft.data.files) documentIds.add(id);
  if (draft.collection !== 'teaching-resources')
    for (const id of uploadIds(draft.data.body as RichText | undefined)) mediaIds.add(id);

  const [media, topics, documents] = await Promise.all([
    byIds(client, 'media', mediaIds, (d) => mediaSchema.safeParse(d)),
    byIds(client, 'topics', topicIds, (d) => topicSchema.safeParse(d)),
    byIds(client, 'documents', documentIds, (d) => documentSchema.safeParse(d)),
  ]);
  return { media, topics, documents };
}

/** The referenced documents that exist and are valid; a missing one is reported by the resolver, naming the field. */
async function byIds<T extends { id: string }>(
  client: CmsClient,
  collection: string,
  ids: Set<string>,
  parse: (doc: unknown) => { success: true; data: T } | { success: false },
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  if (ids.size === 0) return found;
  const docs = await client.listAll(collection, { 'where[id][in]': [...ids].join(',') });
  for (const doc of docs) {
    const parsed = parse(doc);
    if (parsed.success) found.set(parsed.data.id, parsed.data);
  }
  return found;
}

function cmsFailure(error: unknown): DraftResult {
  if (error instanceof CmsHttpError && (error.status === 401 || error.status === 403)) {
    return refused(403, 'PreviewNotAllowed');
  }
  if (error instanceof CmsHttpError && error.status === 404) {
    return refused(404, 'PreviewNotFound');
  }
  if (error instanceof CmsUnreachableError) {
    return refused(502, 'PreviewCmsUnreachable', { reason: error.message.split('\n')[0]! });
  }
  throw error;
}
