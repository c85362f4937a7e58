// The stored export file on the real database: bytes written across several chunks read back
// identical and in order, a new attempt replaces an earlier one's chunks, and expired files go.
import { randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/test-context.ts';
import { createStoredFile, deleteExpiredFiles, readStoredFile } from './export-file-store.ts';
import { writeChunk } from './output.ts';

const ctx = await createTestContext();
const newJob = async () => (await ctx.prisma.job.create({ data: { kind: 'export', input: {} } })).id;
const file = { filename: 'f.bin', mediaType: 'application/octet-stream' };

describe('a stored export file', () => {
  it('reads back byte for byte across chunks, and a new attempt replaces the old one', async () => {
    const jobId = await newJob();
    const first = await createStoredFile(ctx.database.pool, jobId, file, 1000);
    await writeChunk(first.output, randomBytes(3500));
    const bytes = randomBytes(2500);
    const second = await createStoredFile(ctx.database.pool, jobId, file, 1000);
    // Pieces smaller and larger than a chunk, as writers produce them.
    for (const [start, end] of [
      [0, 10],
      [10, 1700],
      [1700, 1701],
      [1701, 2500],
    ] as const)
      await writeChunk(second.output, bytes.subarray(start, end));
    await second.complete();
    const stored = await ctx.prisma.exportFile.findUniqueOrThrow({ where: { jobId } });
    expect(stored).toMatchObject({ bytes: 2500n, chunkCount: 2 });
    expect(stored.completedAt).not.toBeNull();
    expect(await ctx.prisma.exportFileChunk.count({ where: { jobId } })).toBe(2);
    expect((await buffer(readStoredFile(ctx.database.pool, jobId, stored.chunkCount))).equals(bytes)).toBe(true);
  });

  it('is deleted with its chunks once expired, and only then', async () => {
    const [expired, current] = [await newJob(), await newJob()];
    for (const jobId of [expired, current]) {
      const stored = await createStoredFile(ctx.database.pool, jobId, file);
      await writeChunk(stored.output, 'x');
      await stored.complete();
    }
    await ctx.prisma.exportFile.update({ where: { jobId: expired }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await deleteExpiredFiles(ctx.database.pool)).toBe(1);
    expect(await ctx.prisma.exportFileChunk.count({ where: { jobId: expired } })).toBe(0);
    expect(await ctx.prisma.exportFileChunk.count({ where: { jobId: current } })).toBe(1);
  });
});
