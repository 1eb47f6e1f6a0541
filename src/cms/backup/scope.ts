import type { CollectionSlug, FlattenedField, SanitizedCollectionConfig, SanitizedConfig } from 'payload';

/**
 * What a backup holds: every collection and global, except these few whose
 * contents only make sense on the server that wrote them.
 */
export const NOT_BACKED_UP = {
  collections: {
    'payload-locked-documents': 'edit locks of admin sessions that end with the old server',
    'payload-migrations': "the database's own schema history; the target runs its own migrations",
    'site-builds':
      "the old server's last site builds and their leases; the first build after a restore writes them anew",
  } as Record<string, string>,
  globals: {
    'payload-jobs-stats': "when this server last queued each scheduled job; the target's runner schedules its own",
  } as Record<string, string>,
};

/** Key of the marker a restore keeps in payload-kv while it runs (inside its transaction). */
export const RESTORE_MARKER_KEY = 'backup:restore-in-progress';
/** Key of the record a `restore --as-school` keeps in payload-kv while it runs on a database without transactions. */
export const AS_SCHOOL_MARKER_KEY = 'backup:restore-as-school-in-progress';
/** The markers above: a restore's own bookkeeping, never content. */
export const RESTORE_MARKER_KEYS: readonly string[] = [RESTORE_MARKER_KEY, AS_SCHOOL_MARKER_KEY];

/**
 * Collections to back up, each after the collections it refers to, so a
 * restore into SQLite (foreign keys) can insert them in this order.
 */
export function backedUpCollections(config: SanitizedConfig): SanitizedCollectionConfig[] {
  const wanted = config.collections.filter((c) => !(c.slug in NOT_BACKED_UP.collections));
  const bySlug = new Map(wanted.map((c) => [c.slug, c]));
  const ordered: SanitizedCollectionConfig[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (collection: SanitizedCollectionConfig) => {
    if (state.get(collection.slug)) return; // done, or a cycle: foreign keys allow NULL, cycles are broken here
    state.set(collection.slug, 'visiting');
    for (const target of referencedCollections(collection.flattenedFields)) {
      const dependency = bySlug.get(target);
      if (dependency && target !== collection.slug) visit(dependency);
    }
    state.set(collection.slug, 'done');
    ordered.push(collection);
  };
  wanted.forEach(visit);
  return ordered;
}

export function backedUpGlobals(config: SanitizedConfig) {
  return config.globals.filter((g) => !(g.slug in NOT_BACKED_UP.globals));
}

function referencedCollections(fields: readonly FlattenedField[]): CollectionSlug[] {
  return fields.flatMap((field): CollectionSlug[] => {
    if (field.type === 'relationship' || field.type === 'upload') return [field.relationTo].flat();
    if (field.type === 'group' || field.type === 'tab' || field.type === 'array')
      return referencedCollections(field.flattenedFields);
    if (field.type === 'blocks') return field.blocks.flatMap((b) => referencedCollections(b.flattenedFields));
    return [];
  });
}

/** The files an upload document owns: the original and each generated size. */
export function uploadedFileNames(doc: Record<string, unknown>): string[] {
  const names = new Set<string>();
  if (typeof doc.filename === 'string' && doc.filename) names.add(doc.filename);
  const sizes = doc.sizes as Record<string, { filename?: unknown } | null> | undefined;
  for (const size of Object.values(sizes ?? {}))
    if (typeof size?.filename === 'string' && size.filename) names.add(size.filename);
  return [...names];
}
