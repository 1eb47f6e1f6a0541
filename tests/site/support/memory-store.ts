import type { StoreEntry, SyncMeta, SyncStore } from '../../../src/site-loader/sync';

/** Astro's content-layer store and meta, as Maps (the build uses the real ones). */
export function memoryStore<T>(): SyncStore<T> & { map: Map<string, StoreEntry<T>> } {
  const map = new Map<string, StoreEntry<T>>();
  return {
    map,
    get: (id) => map.get(id),
    set: (entry) => {
      map.set(entry.id, entry);
      return true;
    },
    delete: (id) => void map.delete(id),
    keys: () => [...map.keys()],
    clear: () => map.clear(),
  };
}

export function memoryMeta(): SyncMeta & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (k) => map.get(k), set: (k, v) => void map.set(k, v) };
}
