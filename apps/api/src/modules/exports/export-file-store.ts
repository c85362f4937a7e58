// An export job's file in PostgreSQL (ExportFile + ExportFileChunk), so any API process serves it:
// written as a stream of 1 MiB chunks with backpressure (the writer waits while a chunk is stored),
// read back chunk by chunk, and deleted once expired. A file counts only once it is complete.
import { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type pg from 'pg';

export const CHUNK_BYTES = 1024 * 1024;
/** How long a finished export's file is kept. */
export const EXPORT_FILE_DAYS = 7;

export interface StoredFile {
  /** Where the export writes; the store ends it in `complete`. */
  output: Writable;
  bytes(): number;
  /** Ends the output, stores the last chunk and marks the file complete (with its expiry). */
  complete(): Promise<void>;
}

/**
 * Starts the job's file afresh: whatever an earlier attempt (a worker that died) stored is deleted
 * first, so a file is only ever one attempt's complete output.
 */
export async function createStoredFile(
  pool: pg.Pool,
  jobId: string,
  file: { filename: string; mediaType: string },
  chunkBytes = CHUNK_BYTES,
): Promise<StoredFile> {
  await pool.query('DELETE FROM "ExportFile" WHERE "jobId" = $1', [jobId]);
  await pool.query('INSERT INTO "ExportFile" ("jobId", filename, "mediaType") VALUES ($1, $2, $3)', [jobId, file.filename, file.mediaType]);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let position = 0;
  let bytes = 0;

  async function storeChunk() {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await pool.query('INSERT INTO "ExportFileChunk" ("jobId", position, data) VALUES ($1, $2, $3)', [jobId, position, data]);
    position++;
  }

  const output = new Writable({
    highWaterMark: chunkBytes,
    write(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      bytes += chunk.length;
      // The callback waits for the insert, so the writer's next write waits for `drain`.
      if (pendingBytes < chunkBytes) callback();
      else storeChunk().then(() => callback(), callback);
    },
    final(callback) {
      storeChunk().then(() => callback(), callback);
    },
  });

  return {
    output,
    bytes: () => bytes,
    async complete() {
      output.end();
      await finished(output);
      await pool.query(
        `UPDATE "ExportFile" SET bytes = $2, "chunkCount" = $3, "completedAt" = now(), "expiresAt" = now() + make_interval(days => $4)
         WHERE "jobId" = $1`,
        [jobId, bytes, position, EXPORT_FILE_DAYS],
      );
    },
  };
}

/** The complete file's chunks in order, each read when the client is ready for it. */
export function readStoredFile(pool: pg.Pool, jobId: string, chunkCount: number): Readable {
  return Readable.from(
    (async function* () {
      for (let position = 0; position < chunkCount; position++) {
        const { rows } = await pool.query<{ data: Buffer }>('SELECT data FROM "ExportFileChunk" WHERE "jobId" = $1 AND position = $2', [
          jobId,
          position,
        ]);
        // Expired and deleted while downloading: cut the download rather than send a short file as whole.
        if (!rows[0]) throw new Error(`Export file ${jobId} lost chunk ${position} while it was being read.`);
        yield rows[0].data;
      }
    })(),
    { objectMode: false },
  );
}

/** Deletes the files past their expiry (their jobs stay listed, without a download). */
export async function deleteExpiredFiles(pool: pg.Pool): Promise<number> {
  const { rowCount } = await pool.query('DELETE FROM "ExportFile" WHERE "expiresAt" < now()');
  return rowCount ?? 0;
}
