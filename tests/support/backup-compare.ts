import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { SanitizedConfig } from 'payload';

import { canonicalJson, type Manifest, readArchive } from '../../src/cms/backup/archive';
import { type IdMapper, remapJob, remapReferences } from '../../src/cms/backup/relations';

type Doc = Record<string, unknown> & { id: number | string };

/** Reads an archive (verifying it) and drops the extracted files; returns the manifest and JSON entries. */
export async function readBackup(file: string): Promise<{ manifest: Manifest; json: Map<string, unknown> }> {
  const staging = await mkdtemp(path.join(os.tmpdir(), 'ge-read-backup-'));
  try {
    const { manifest, json } = await readArchive(file, path.join(staging, 'x'));
    return { manifest, json };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** What identifies a document whatever database it is in. */
function naturalKey(collection: string, doc: Doc): string {
  if (collection === 'users') return String(doc.email);
  if (collection === 'media' || collection === 'documents') return String(doc.filename);
  if (typeof doc.slug === 'string') return doc.slug;
  if (collection === 'payload-kv') return String(doc.key);
  return `${String(doc.createdAt)}|${String(doc.key ?? doc.taskSlug ?? '')}`;
}

/**
 * An archive's content with every id, and every reference to one, replaced
 * by the document's natural key (e-mail, file name, slug…), so a backup of
 * SQLite and one of MongoDB can be compared field by field. Version ids,
 * which nothing refers to, are dropped.
 */
export function withNaturalKeys(json: Map<string, unknown>, config: SanitizedConfig): Record<string, unknown> {
  const keys = new Map<string, Map<string, string>>();
  for (const [entry, value] of json) {
    const match = /^collections\/(.+)\.json$/.exec(entry);
    if (match)
      keys.set(match[1]!, new Map((value as Doc[]).map((doc) => [String(doc.id), naturalKey(match[1]!, doc)])));
  }
  const mapper: IdMapper = {
    keepIds: false,
    id: (collection, oldId) => {
      const key = typeof oldId === 'object' && oldId ? (oldId as { id: unknown }).id : oldId;
      return key === null || key === undefined
        ? null
        : (keys.get(collection)?.get(String(key)) ?? `MISSING ${collection}:${String(key)}`);
    },
  };
  const out: Record<string, unknown> = {};
  for (const [entry, value] of json) {
    const [kind, file] = entry.split('/') as [string, string];
    const slug = file.replace(/\.json$/, '');
    const collection = config.collections.find((c) => c.slug === slug);
    if (kind === 'globals') {
      const global = config.globals.find((g) => g.slug === slug)!;
      out[entry] = remapReferences(global.flattenedFields, value as Doc, mapper);
    } else if (kind === 'collections') {
      out[entry] = (value as Doc[])
        .map((doc) => ({
          ...remapReferences(
            collection!.flattenedFields,
            slug === 'payload-jobs' ? remapJob(doc, mapper) : doc,
            mapper,
          ),
          id: mapper.id(slug, doc.id),
        }))
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    } else if (kind === 'versions') {
      out[entry] = (value as Doc[])
        .map(({ id: _id, ...version }): Record<string, unknown> => ({
          ...version,
          // Payload's MongoDB adapter leaves "latest" out on older versions; SQLite stores false.
          latest: Boolean(version.latest),
          parent: mapper.id(slug, version.parent),
          version: remapReferences(collection!.flattenedFields, version.version as Doc, mapper),
        }))
        .sort((a, b) =>
          `${String(a.parent)}|${String(a.createdAt)}`.localeCompare(`${String(b.parent)}|${String(b.createdAt)}`),
        );
    }
  }
  return withoutNulls(out) as Record<string, unknown>;
}

/**
 * Payload's MongoDB adapter leaves unset fields and empty arrays out, SQLite
 * reads them back as NULL and []: both mean "no value". A value that was lost
 * still shows (present on one side, gone on the other).
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/**
 * Every document and version of an archive as canonical JSON (the bytes the
 * archive holds), by entry and id: two archives of one database compare
 * document by document, so a document that changed shows even when others
 * were added beside it.
 */
export function documentsById(json: Map<string, unknown>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [entry, value] of json)
    if (Array.isArray(value))
      out.set(entry, new Map((value as Doc[]).map((doc) => [String(doc.id), canonicalJson(doc)])));
  return out;
}
