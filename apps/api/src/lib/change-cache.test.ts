// The per-process cache on the real change feed: one load for concurrent misses, nothing stale
// kept when a change is announced during a load.
import { afterAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestContext } from '../../test/test-context.ts';
import { startChangeFeed } from './change-feed.ts';
import { createChangeCache } from './change-cache.ts';

const ctx = await createTestContext();
const feed = await startChangeFeed(ctx.database, () => {});
afterAll(() => feed.close());

function counted(value: string, delayMs = 20) {
  const counter = { loads: 0 };
  const load = async () => {
    counter.loads++;
    await sleep(delayMs);
    return value;
  };
  return { counter, load };
}

describe('change cache', () => {
  it('serves concurrent misses for one key with one load, then from memory', async () => {
    const cache = createChangeCache<string, string>(feed, { tables: ['Project'], ttlMs: 60_000, maxEntries: 10 });
    const { counter, load } = counted('value');
    expect(await Promise.all(Array.from({ length: 20 }, () => cache.get('key', load)))).toEqual(Array(20).fill('value'));
    expect(await cache.get('key', load)).toBe('value');
    expect(counter.loads).toBe(1);
  });

  it('does not keep a value whose load overlapped a change, and reloads after it', async () => {
    const cache = createChangeCache<string, string>(feed, { tables: ['Project'], ttlMs: 60_000, maxEntries: 10 });
    const { counter, load } = counted('old', 300);
    const first = cache.get('key', load);
    await ctx.prisma.project.create({ data: { name: 'changed meanwhile', slug: `changed-${Date.now()}` } });
    await feed.caughtUp();
    expect(await first).toBe('old');
    // The change came after the first load began: its caller may see the old value, later callers may not.
    expect(await cache.get('key', async () => 'new')).toBe('new');
    expect(counter.loads).toBe(1);
  });

  it('a load that fails is not shared with later callers', async () => {
    const cache = createChangeCache<string, string>(feed, { tables: ['Project'], ttlMs: 60_000, maxEntries: 10 });
    await expect(cache.get('key', () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    expect(await cache.get('key', async () => 'recovered')).toBe('recovered');
  });

  it('keeps a value stored by set() until a change of its tables', async () => {
    const cache = createChangeCache<string, string>(feed, { tables: ['Project'], ttlMs: 60_000, maxEntries: 10 });
    cache.set('key', 'stored');
    expect(await cache.get('key', async () => 'loaded')).toBe('stored');
    await ctx.prisma.project.create({ data: { name: 'another change', slug: `another-${Date.now()}` } });
    await feed.caughtUp();
    expect(await cache.get('key', async () => 'loaded')).toBe('loaded');
  });
});
