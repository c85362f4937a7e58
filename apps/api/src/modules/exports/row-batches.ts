// Reads a query through a server-side cursor in batches, so an export of millions of rows holds
// two batches in memory. Every value arrives as PostgreSQL's text (or null): exports write text, and
// skipping pg's per-type parsing (dates above all) is most of the speed.
import Cursor from 'pg-cursor';
import type pg from 'pg';

export type TextRow = (string | null)[];

const AS_TEXT = { getTypeParser: () => (value: string) => value };
export const BATCH_ROWS = 2000;

export async function* rowBatches(db: pg.ClientBase, text: string, values: unknown[], batchRows = BATCH_ROWS): AsyncGenerator<TextRow[]> {
  const cursor = db.query(new Cursor<TextRow>(text, values, { rowMode: 'array', types: AS_TEXT }));
  // The next batch is asked for before this one is handed out, so PostgreSQL sends it while the
  // writer formats this one: at most two batches in memory, and neither side idles.
  const read = () => {
    const batch = cursor.read(batchRows);
    // Awaited later: a failure meanwhile must not count as an unhandled rejection.
    batch.catch(() => {});
    return batch;
  };
  let next: Promise<TextRow[]> | null = read();
  try {
    while (next) {
      const rows: TextRow[] = await next;
      next = rows.length === batchRows ? read() : null;
      if (rows.length > 0) yield rows;
    }
  } finally {
    await next?.catch(() => {});
    await cursor.close();
  }
}

/** A query's rows one at a time (still read in batches), for writers that group consecutive rows. */
export async function* rowsOf(db: pg.ClientBase, text: string, values: unknown[]): AsyncGenerator<TextRow> {
  for await (const batch of rowBatches(db, text, values)) yield* batch;
}

/** `timestamp(3)` columns hold UTC: as ISO 8601 with its Z, formatted by PostgreSQL. */
export const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
