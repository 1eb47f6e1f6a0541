import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload';

import { renderMessage } from '../../messages/catalogue';
import { type ArchiveSource, type Manifest, writeArchive } from './archive';
import { backedUpCollections, backedUpGlobals, RESTORE_MARKER_KEYS, uploadedFileNames } from './scope';

type Doc = Record<string, unknown> & { id: number | string };

export type BackupContent = {
  collections: Map<string, { docs: Doc[]; versions: Doc[] }>;
  globals: Map<string, Record<string, unknown>>;
  /** archive path → file on disk, for every file an upload document owns. */
  files: Map<string, string>;
  warnings: string[];
};

/**
 * Everything a backup holds, read through the database adapter (below hooks
 * and access rules, so hidden fields such as password hashes come along).
 * On MongoDB replica sets the reads share one transaction; `npm run backup`
 * reads a SQLite database from a snapshot (sqlite-snapshot.ts).
 */
export async function readBackupContent(payload: Payload): Promise<BackupContent> {
  const req = await createLocalReq({}, payload);
  await initTransaction(req);
  try {
    const content: BackupContent = { collections: new Map(), globals: new Map(), files: new Map(), warnings: [] };
    for (const collection of backedUpCollections(payload.config)) {
      const slug = collection.slug;
      let docs = ((await payload.db.find({ collection: slug, limit: 0, pagination: false, req })).docs as Doc[]).sort(
        byId,
      );
      if (slug === 'payload-kv') docs = docs.filter((doc) => !RESTORE_MARKER_KEYS.includes(String(doc.key)));
      const versions = collection.versions
        ? (
            (await payload.db.findVersions({ collection: slug, limit: 0, pagination: false, req }))
              .docs as unknown as Doc[]
          ).sort(byId)
        : [];
      content.collections.set(slug, { docs, versions });
      if (collection.upload) await collectFiles(slug, collection.upload.staticDir ?? '', docs, content);
    }
    for (const global of backedUpGlobals(payload.config)) {
      if (global.versions)
        throw new Error(
          `Global "${global.slug}" keeps versions, which the backup does not copy yet: extend src/cms/backup before enabling them.`,
        );
      const doc = (await payload.db.findGlobal({ slug: global.slug, req })) as Record<string, unknown> | null;
      if (doc && Object.keys(doc).length > 0) content.globals.set(global.slug, withoutStorageKeys(doc));
    }
    await commitTransaction(req);
    return content;
  } catch (error) {
    await killTransaction(req);
    throw error;
  }
}

/** Writes the archive for `payload`'s database and uploads folders to `out`. */
export async function createBackup(payload: Payload, out: string): Promise<Manifest> {
  const content = await readBackupContent(payload);
  const sources: ArchiveSource[] = [];
  for (const [slug, { docs, versions }] of content.collections) {
    sources.push({ path: `collections/${slug}.json`, json: docs });
    if (versions.length > 0) sources.push({ path: `versions/${slug}.json`, json: versions });
  }
  for (const [slug, doc] of content.globals) sources.push({ path: `globals/${slug}.json`, json: doc });
  for (const [entry, file] of content.files) sources.push({ path: entry, file });

  const fileCounts: Record<string, number> = {};
  for (const entry of content.files.keys()) {
    const slug = entry.split('/')[1]!;
    fileCounts[slug] = (fileCounts[slug] ?? 0) + 1;
  }
  return writeArchive(out, sources, {
    createdAt: new Date().toISOString(),
    source: {
      database: payload.db.name === 'mongoose' ? 'mongodb' : 'sqlite',
      idType: payload.db.defaultIDType,
      payloadVersion: payloadVersion(),
    },
    collections: Object.fromEntries(
      [...content.collections].map(([slug, c]) => [slug, { docs: c.docs.length, versions: c.versions.length }]),
    ),
    globals: [...content.globals.keys()],
    files: fileCounts,
    warnings: content.warnings,
  });
}

async function collectFiles(slug: string, dir: string, docs: Doc[], content: BackupContent) {
  const owned = new Set<string>();
  for (const doc of docs) {
    for (const name of uploadedFileNames(doc)) {
      owned.add(name);
      const file = path.join(dir, name);
      if (existsSync(file)) content.files.set(`files/${slug}/${name}`, file);
      else
        content.warnings.push(
          renderMessage('BackupFileMissing', { file: `${slug}/${name}`, id: String(doc.id) }).message,
        );
    }
  }
  const onDisk = existsSync(dir) ? await readdir(dir) : [];
  const strays = onDisk.filter((name) => !owned.has(name) && !name.startsWith('.'));
  if (strays.length > 0)
    content.warnings.push(
      renderMessage('BackupStrayFiles', { count: strays.length, dir, example: strays[0]! }).message,
    );
}

/** Storage details that differ between databases and are not content. */
function withoutStorageKeys(doc: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, _id: _mongoId, globalType: _globalType, __v: _v, ...rest } = doc;
  return rest;
}

function byId(a: Doc, b: Doc): number {
  if (typeof a.id === 'number' && typeof b.id === 'number') return a.id - b.id;
  return String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0;
}

function payloadVersion(): string {
  try {
    // payload's exports map hides package.json: find it beside its entry point.
    let dir = path.dirname(createRequire(import.meta.url).resolve('payload'));
    while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
