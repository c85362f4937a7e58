// A small in-process cache whose entries are dropped when one of the tables they were read
// from changes (via the change feed), with a TTL as a safety net. A value read while a change
// was being announced is not stored, so a slow read cannot put stale data back. Concurrent
// misses for one key share one load: coders working through the same round ask for the same
// issue at the same moment, and one database read serves them all.
import type { ChangeFeed } from './change-feed.ts';

export interface ChangeCache<K, V> {
  /** The cached value for `key`, or `load()`'s result, cached unless it is undefined. */
  get(key: K, load: () => Promise<V | undefined>): Promise<V | undefined>;
  /** Stores a value read elsewhere (e.g. by a wider query), as a completed load would. */
  set(key: K, value: V): void;
}

export function createChangeCache<K, V>(
  feed: ChangeFeed,
  options: { tables: string[]; ttlMs: number; maxEntries: number },
): ChangeCache<K, V> {
  const entries = new Map<K, { value: V; expiresAt: number }>();
  /** Loads in flight, started in the current generation. */
  const loading = new Map<K, Promise<V | undefined>>();
  let generation = 0;
  feed.onChange((table) => {
    if (table === '*' || options.tables.includes(table)) {
      generation++;
      entries.clear();
      loading.clear();
    }
  });

  function store(key: K, value: V) {
    // Maps iterate in insertion order: evict the oldest entry when full.
    if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value as K);
    entries.set(key, { value, expiresAt: Date.now() + options.ttlMs });
  }

  return {
    get(key, load) {
      const hit = entries.get(key);
      if (hit && hit.expiresAt > Date.now() && feed.live) return Promise.resolve(hit.value);
      const pending = loading.get(key);
      if (pending) return pending;
      const startedAt = generation;
      const loaded = load().then(
        (value) => {
          if (loading.get(key) === loaded) loading.delete(key);
          if (value !== undefined && feed.live && generation === startedAt) store(key, value);
          return value;
        },
        (error: unknown) => {
          if (loading.get(key) === loaded) loading.delete(key);
          throw error;
        },
      );
      if (feed.live) loading.set(key, loaded);
      return loaded;
    },
    set(key, value) {
      if (feed.live) store(key, value);
    },
  };
}
