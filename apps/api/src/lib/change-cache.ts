// A small in-process cache whose entries are dropped when one of the tables they were read
// from changes (via the change feed), with a TTL as a safety net. A value read while a change
// was being announced is not stored, so a slow read cannot put stale data back.
import type { ChangeFeed } from './change-feed.ts';

export interface ChangeCache<K, V> {
  /** The cached value for `key`, or `load()`'s result, cached unless it is undefined. */
  get(key: K, load: () => Promise<V | undefined>): Promise<V | undefined>;
}

export function createChangeCache<K, V>(
  feed: ChangeFeed,
  options: { tables: string[]; ttlMs: number; maxEntries: number },
): ChangeCache<K, V> {
  const entries = new Map<K, { value: V; expiresAt: number }>();
  let generation = 0;
  feed.onChange((table) => {
    if (table === '*' || options.tables.includes(table)) {
      generation++;
      entries.clear();
    }
  });

  return {
    async get(key, load) {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now && feed.live) return hit.value;
      const startedAt = generation;
      const value = await load();
      if (value !== undefined && feed.live && generation === startedAt) {
        // Maps iterate in insertion order: evict the oldest entry when full.
        if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value as K);
        entries.set(key, { value, expiresAt: now + options.ttlMs });
      }
      return value;
    },
  };
}
