/**
 * The search index in shards. Pagefind has no incremental mode: it indexes
 * every page it is given and writes the whole index, 30 s at 10,000 articles
 * on these machines. Split into shards by a stable hash of each page's path,
 * an edit changes one shard, and the build indexes only the shards whose pages
 * changed (src/site/integrations/pagefind.ts). The search page merges the
 * shards in the reader's browser (Pagefind's `mergeIndex`): the other shards
 * share the first shard's WebAssembly, so a reader fetches one small meta
 * file and one index chunk a shard more, not a second copy of the engine.
 *
 * A site of up to `perShard` indexed pages keeps one index, laid out as
 * Pagefind writes it. The number of shards depends only on the number of
 * pages, so a cold build and an incremental one split the same way; when it
 * changes (every `perShard` pages), every shard is indexed again.
 *
 * No imports: the search page's script reads `SEARCH_SHARDS_FILE` too.
 */

/** Beside the first shard, in `pagefind/`: `{ "merge": ["shard-1/", …] }`, the other shards' folders (relative). */
export const SEARCH_SHARDS_FILE = 'shards.json';

export type SearchShards = { merge: string[] };

export function searchShardCount(pages: number, perShard: number): number {
  if (!Number.isInteger(perShard) || perShard < 1) throw new RangeError(`pages per search shard: ${perShard}`);
  return Math.max(1, Math.ceil(pages / perShard));
}

/** FNV-1a over the path's UTF-16 units: stable across builds, machines and Node versions. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard (0 … count − 1) a page belongs to, by its path in the built site. */
export function searchShardOf(pagePath: string, count: number): number {
  return count === 1 ? 0 : fnv1a(pagePath) % count;
}

/** Shard 0 is Pagefind's own folder; the others are folders inside it. */
export function searchShardFolder(shard: number): string {
  return shard === 0 ? '' : `shard-${shard}/`;
}
