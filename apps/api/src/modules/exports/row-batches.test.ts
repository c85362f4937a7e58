// The cursor reader on a real PostgreSQL: every row once, in order, in batches of the asked size,
// whether the row count is a multiple of the batch size or not, and none for an empty result.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/test-context.ts';
import { rowBatches } from './row-batches.ts';

const ctx = await createTestContext();

async function batchSizes(rows: number, batchRows: number) {
  const client = await ctx.database.pool.connect();
  try {
    const sizes: number[] = [];
    const values: (string | null)[] = [];
    for await (const batch of rowBatches(client, 'SELECT g, NULL FROM generate_series(1, $1::int) g', [rows], batchRows)) {
      sizes.push(batch.length);
      values.push(...batch.map((row) => row[0]!));
      expect(batch.every((row) => row[1] === null)).toBe(true);
    }
    expect(values).toEqual(Array.from({ length: rows }, (_, index) => String(index + 1)));
    return sizes;
  } finally {
    client.release();
  }
}

describe('rowBatches', () => {
  it.each([
    [7, 3, [3, 3, 1]],
    [6, 3, [3, 3]],
    [2, 3, [2]],
    [0, 3, []],
  ])('reads %i rows in batches of %i as %j, values as text', async (rows, batchRows, sizes) => {
    expect(await batchSizes(rows, batchRows)).toEqual(sizes);
  });

  it('closes the cursor when the reader stops early, leaving the connection usable', async () => {
    const client = await ctx.database.pool.connect();
    try {
      for await (const batch of rowBatches(client, 'SELECT g FROM generate_series(1, 100) g', [], 10)) {
        expect(batch).toHaveLength(10);
        break;
      }
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      client.release();
    }
  });
});
