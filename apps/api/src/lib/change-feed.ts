// Listens on PostgreSQL's `concord_change` channel (fed by triggers, see the
// change_notifications migration) and tells in-process caches which tables changed.
// While the listening connection is down, caches are bypassed: never serve what we cannot
// invalidate.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const CHANGE_CHANNEL = 'concord_change';
const RECONNECT_DELAY_MS = 1000;
const MARKER_TIMEOUT_MS = 2000;

export interface ChangeFeed {
  /** True while notifications are being received, so cached values can be trusted. */
  readonly live: boolean;
  onChange(listener: (table: string) => void): void;
  /**
   * Resolves once every change committed before the call has reached the listeners: PostgreSQL
   * delivers notifications in commit order, so our own marker arriving proves the earlier ones
   * did. Write requests await it, so a client reads its own writes on this process.
   */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

const MARKER_PREFIX = 'marker:';

export async function startChangeFeed(database: { url: string; pool: pg.Pool }, log: (message: string) => void): Promise<ChangeFeed> {
  const listeners: ((table: string) => void)[] = [];
  const pendingMarkers = new Map<string, () => void>();
  let client: pg.Client | undefined;
  let live = false;
  let closed = false;

  // Anything may have changed while we were not listening.
  const everythingChanged = () => listeners.forEach((listener) => listener('*'));

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: database.url });
    next.on('notification', ({ channel, payload }) => {
      if (channel !== CHANGE_CHANNEL || !payload) return;
      if (payload.startsWith(MARKER_PREFIX)) {
        pendingMarkers.get(payload)?.();
        pendingMarkers.delete(payload);
      } else {
        listeners.forEach((listener) => listener(payload));
      }
    });
    next.on('error', (error) => {
      log(`change feed connection lost: ${error.message}`);
      live = false;
      everythingChanged();
      void next.end().catch(() => {});
      if (!closed) setTimeout(() => void connect().catch(() => {}), RECONNECT_DELAY_MS);
    });
    await next.connect();
    await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    client = next;
    everythingChanged();
    live = true;
  }

  await connect();
  return {
    get live() {
      return live && !closed;
    },
    onChange: (listener) => void listeners.push(listener),
    async caughtUp() {
      if (!live) return;
      const marker = `${MARKER_PREFIX}${randomUUID()}`;
      const arrived = new Promise<void>((resolve) => pendingMarkers.set(marker, resolve));
      // Sent from the pool: the listening connection only listens.
      await database.pool.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, marker]);
      // If the connection drops meanwhile, caches are bypassed anyway: do not wait forever.
      await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, MARKER_TIMEOUT_MS))]);
      pendingMarkers.delete(marker);
    },
    async close() {
      closed = true;
      live = false;
      await client?.end();
    },
  };
}
