import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

import { upsertRow } from '@payloadcms/drizzle';
import {
  buildVersionCollectionFields,
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type CollectionSlug,
  type Payload,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload';

import { ColumnError } from '../../messages/column-error';
import { ArchiveError, type Manifest, readArchive } from './archive';
import { type Id, type IdMapper, IdPlan, remapJob, remapReferences } from './relations';
import { backedUpCollections, backedUpGlobals, RESTORE_MARKER_KEY } from './scope';
import { FolderSwap, foldersWithFiles, removeAbandonedStaging, removeIfEmpty, stagingDirFor } from './upload-folders';

export type Doc = Record<string, unknown> & { id: Id };

/** The target database already holds content and the restore was not told to replace it. */
export class NotEmptyError<
  N extends 'RestoreInterrupted' | 'RestoreTargetNotEmpty' | 'UploadsFolderNotEmpty' =
    'RestoreInterrupted' | 'RestoreTargetNotEmpty' | 'UploadsFolderNotEmpty',
> extends ColumnError<N> {}

export type RestoreResult = {
  manifest: Manifest;
  docs: number;
  versions: number;
  files: number;
  /** References to documents missing from the archive (kept on SQLite, emptied across databases). */
  dangling: string[];
  /** Folders of files that were in the way, moved aside rather than deleted. */
  setAside: string[];
};

/**
 * Loads an archive into `payload`'s database and uploads folders.
 *
 * 1. The whole archive is read and verified first; files go to a staging
 *    folder. A damaged archive stops here, with nothing written.
 * 2. All writes happen in one transaction (SQLite, and MongoDB replica sets):
 *    a killed restore leaves the database as it was. Without transactions
 *    (a standalone MongoDB) the marker RESTORE_MARKER_KEY stays behind and
 *    the next restore asks for --replace instead of mixing two states.
 * 3. The staged files take the uploads folders' place just before the commit.
 *    Uploads folders that already hold files are refused like a database
 *    with content; with --replace their files are moved aside, never deleted.
 */
export async function restoreBackup(
  payload: Payload,
  file: string,
  options: { replace?: boolean; log?: (line: string) => void } = {},
): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const collections = backedUpCollections(payload.config);
  const uploadDirs = new Map<string, string>(
    collections.filter((c) => c.upload).map((c) => [c.slug, c.upload.staticDir ?? '']),
  );
  const firstDir = [...uploadDirs.values()][0] ?? path.resolve('data', 'uploads', 'x');
  // Inside the uploads folder, so every move below stays on one file system.
  const uploadsRoot = path.dirname(firstDir);
  const staging = stagingDirFor(uploadsRoot, 'dang-khoi-phuc');
  // A refused or failed restore into a new place leaves no empty uploads folder behind.
  const rootExisted = existsSync(uploadsRoot);

  await removeAbandonedStaging(staging);
  log('Đang kiểm tra bản sao lưu…');
  const archive = await readArchive(file, staging);
  try {
    const content = contentOf(
      archive.json,
      archive.manifest,
      collections.map((c) => c.slug),
    );
    for (const entry of archive.files.keys())
      if (!uploadDirs.has(entry.split('/')[1]!))
        throw new ArchiveError(`tệp ${entry} không thuộc nhóm tải lên nào của phiên bản này`);
    await assertCanWrite(payload, collections, Boolean(options.replace));
    await assertFoldersEmpty(uploadDirs.values(), Boolean(options.replace));

    const plan = new IdPlan(
      archive.manifest.source.idType,
      payload.db.defaultIDType,
      new Map([...content].map(([slug, c]) => [slug, c.docs])),
    );
    // SQLite rolls everything back if the restore dies; MongoDB without a replica set cannot, so it gets a marker.
    const marked = payload.db.name !== 'sqlite';
    const req = await createLocalReq({}, payload);
    await initTransaction(req);
    const result: RestoreResult = {
      manifest: archive.manifest,
      docs: 0,
      versions: 0,
      files: archive.files.size,
      dangling: [],
      setAside: [],
    };
    const swap = new FolderSwap(uploadDirs, staging);
    try {
      if (marked) {
        await payload.db.deleteMany({ collection: 'payload-kv', where: { key: { equals: RESTORE_MARKER_KEY } }, req });
        await payload.db.create({
          collection: 'payload-kv',
          data: { key: RESTORE_MARKER_KEY, data: { startedAt: new Date().toISOString() } },
          req,
          returning: false,
        });
      }
      if (options.replace) await deleteEverything(payload, collections, req);
      for (const collection of collections) {
        const { docs, versions } = content.get(collection.slug) ?? { docs: [], versions: [] };
        for (const doc of docs) await insertDoc(payload, collection, doc, plan, req);
        for (const version of versions) await insertVersion(payload, collection, version, plan, req);
        result.docs += docs.length;
        result.versions += versions.length;
        if (docs.length + versions.length > 0)
          log(`  ${collection.slug}: ${docs.length} mục, ${versions.length} phiên bản`);
      }
      for (const global of backedUpGlobals(payload.config)) {
        const data = archive.json.get(`globals/${global.slug}.json`) as Record<string, unknown> | undefined;
        if (data) await writeGlobal(payload, global.slug, remapReferences(global.flattenedFields, data, plan), req);
      }
      if (marked)
        await payload.db.deleteMany({ collection: 'payload-kv', where: { key: { equals: RESTORE_MARKER_KEY } }, req });
      await swap.run();
      await commitTransaction(req);
      // Payload's SQLite commit swallows a failed COMMIT (it rolls back and returns): check what is really there.
      await assertRestored(payload, content);
    } catch (error) {
      await killTransaction(req).catch(() => undefined);
      await swap.undo();
      throw error;
    }
    result.setAside = await swap
      .finish()
      .catch((error: Error) => [`(không dọn được các thư mục cũ: ${error.message})`]);
    result.dangling = [...plan.dangling];
    return result;
  } finally {
    await rm(staging, { recursive: true, force: true });
    if (!rootExisted) await removeIfEmpty(uploadsRoot);
  }
}

/**
 * Files already in the uploads folders belong to some database: most likely
 * another install's (two databases sharing one folder), so they are never
 * moved aside unless --replace says so.
 */
async function assertFoldersEmpty(dirs: Iterable<string>, replace: boolean) {
  if (replace) return;
  const filled = await foldersWithFiles(dirs);
  if (filled.length > 0) throw new NotEmptyError('UploadsFolderNotEmpty', { folders: filled });
}

async function assertRestored(payload: Payload, content: Content) {
  for (const [slug, { docs }] of content) {
    const { totalDocs } = await payload.db.count({ collection: slug });
    if (totalDocs !== docs.length)
      throw new ColumnError('RestoreNotKept', { collection: slug, count: totalDocs, expected: docs.length });
  }
}

export type Content = Map<CollectionSlug, { docs: Doc[]; versions: Doc[] }>;

/** The archive's documents and versions per collection, checked against its manifest and this version's collections. */
export function contentOf(json: Map<string, unknown>, manifest: Manifest, known: CollectionSlug[]): Content {
  const content: Content = new Map();
  const isKnown = (slug: string): slug is CollectionSlug => (known as string[]).includes(slug);
  for (const [slug, counts] of Object.entries(manifest.collections)) {
    if (!isKnown(slug)) throw new ArchiveError(`bản sao lưu có nhóm nội dung "${slug}" mà phiên bản này không có`);
    const docs = json.get(`collections/${slug}.json`) ?? [];
    const versions = json.get(`versions/${slug}.json`) ?? [];
    if (
      !Array.isArray(docs) ||
      !Array.isArray(versions) ||
      docs.length !== counts.docs ||
      versions.length !== counts.versions
    )
      throw new ArchiveError(`số mục của "${slug}" không khớp mục lục`);
    content.set(slug, { docs: docs as Doc[], versions: versions as Doc[] });
  }
  return content;
}

async function assertCanWrite(payload: Payload, collections: SanitizedCollectionConfig[], replace: boolean) {
  const marker = await payload.db.findOne({ collection: 'payload-kv', where: { key: { equals: RESTORE_MARKER_KEY } } });
  if (marker && !replace) throw new NotEmptyError('RestoreInterrupted');
  if (replace) return;
  const filled: string[] = [];
  for (const collection of collections) {
    const { totalDocs } = await payload.db.count({ collection: collection.slug });
    if (totalDocs > 0) filled.push(`${collection.slug} (${totalDocs})`);
  }
  if (filled.length > 0) throw new NotEmptyError('RestoreTargetNotEmpty', { filled: filled.join(', ') });
}

async function deleteEverything(payload: Payload, collections: SanitizedCollectionConfig[], req: PayloadRequest) {
  const all = { id: { exists: true } };
  await payload.db.deleteMany({ collection: 'payload-locked-documents', where: all, req });
  for (const collection of [...collections].reverse()) {
    if (collection.versions) await payload.db.deleteVersions({ collection: collection.slug, where: all, req });
    const where = collection.slug === 'payload-kv' ? { key: { not_equals: RESTORE_MARKER_KEY } } : all;
    await payload.db.deleteMany({ collection: collection.slug, where, req });
  }
}

export async function insertDoc(
  payload: Payload,
  collection: SanitizedCollectionConfig,
  doc: Doc,
  plan: IdMapper,
  req: PayloadRequest,
) {
  // A job caught mid-run is run again rather than left stuck.
  const { id, ...data } =
    collection.slug === 'payload-jobs' ? ({ ...remapJob(doc, plan), processing: false } as unknown as Doc) : doc;
  const newId = plan.id(collection.slug, id)!;
  await payload.db.create({
    collection: collection.slug,
    customID: newId,
    data: remapReferences(collection.flattenedFields, data, plan),
    req,
    returning: false,
  });
}

export async function insertVersion(
  payload: Payload,
  collection: SanitizedCollectionConfig,
  version: Doc,
  plan: IdMapper,
  req: PayloadRequest,
) {
  const { id, parent, version: data, ...meta } = version as Doc & { parent: Id; version: Record<string, unknown> };
  const { id: _versionOfId, ...versionData } = data;
  const moved: Record<string, unknown> = {
    ...meta,
    parent: plan.id(collection.slug, parent),
    version: remapReferences(collection.flattenedFields, versionData, plan),
  };
  // MongoDB stores "not the latest" by leaving the flag out; SQLite needs false, not NULL.
  moved.latest = Boolean(meta.latest);
  if (payload.db.name === 'sqlite') {
    // Payload's createVersion numbers versions itself; the row writer it uses keeps the archived id.
    const adapter = payload.db as unknown as DrizzleAdapter;
    const tableName = adapter.tableNameMap.get(`_${collection.slug.replaceAll('-', '_')}${adapter.versionsSuffix}`);
    if (!tableName) throw new Error(`No versions table for ${collection.slug}`);
    await upsertRow({
      adapter: adapter as never,
      collectionSlug: collection.slug,
      customID: plan.keepIds ? id : undefined,
      data: moved,
      db: ((req.transactionID && adapter.sessions[await req.transactionID]?.db) || adapter.drizzle) as never,
      fields: buildVersionCollectionFields(payload.config, collection, true),
      ignoreResult: 'idOnly',
      operation: 'create',
      req,
      tableName,
    });
    return;
  }
  // MongoDB: inserted oldest first, so Payload's own "latest" bookkeeping ends where the source's did.
  await payload.db.createVersion({
    autosave: Boolean(moved.autosave),
    collectionSlug: collection.slug,
    createdAt: String(moved.createdAt),
    parent: moved.parent as Id,
    publishedLocale: moved.publishedLocale as string | undefined,
    req,
    returning: false,
    snapshot: moved.snapshot as true | undefined,
    updatedAt: String(moved.updatedAt),
    versionData: moved.version as never,
  });
}

type DrizzleAdapter = {
  tableNameMap: Map<string, string>;
  versionsSuffix: string;
  sessions: Record<string, { db: unknown } | undefined>;
  drizzle: unknown;
};

async function writeGlobal(payload: Payload, slug: string, data: Record<string, unknown>, req: PayloadRequest) {
  const existing = (await payload.db.findGlobal({ slug, req })) as Record<string, unknown> | null;
  const exists = existing && Object.keys(existing).length > 0;
  if (payload.db.name === 'sqlite') {
    // SQLite's createGlobal stamps its own createdAt; the update puts the archived one back.
    if (!exists) await payload.db.createGlobal({ slug, data: { ...data }, req, returning: false });
    await payload.db.updateGlobal({ slug, data, req, returning: false });
    return;
  }
  if (exists) {
    const globals = (
      payload.db as unknown as { globals: { deleteOne(filter: object, options: object): Promise<unknown> } }
    ).globals;
    const session = req.transactionID
      ? (payload.db as unknown as { sessions: Record<string, unknown> }).sessions[await req.transactionID]
      : undefined;
    await globals.deleteOne({ globalType: slug }, { session });
  }
  await payload.db.createGlobal({ slug, data, req, returning: false });
}
