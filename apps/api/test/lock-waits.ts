// For tests that force an interleaving: one connection holds a lock, and requests queue behind it
// before the test lets them go.
import type pg from 'pg';

/** Resolves once `count` sessions of this database are waiting for a lock. */
export async function sessionsWaitingForLocks(client: pg.ClientBase | pg.Pool, count: number): Promise<void> {
  for (;;) {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
