// Streaming through a real HTTP server: a large export arrives whole, a client that goes away
// mid-download ends the export (its cursor, transaction and connection are released), and a
// server streams at most MAX_RUNNING_EXPORTS at once.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Team } from '../../../test/test-context.ts';
import { insertBulkCodings } from '../../../test/bulk-codings.ts';
import { MAX_RUNNING_EXPORTS } from './exports.service.ts';

const ctx = await createTestContext();
let team: Team;
let stageId: string;
let codingRows: number;
let base: string;

beforeAll(async () => {
  team = await ctx.createTeam();
  const second = await ctx.createUser('second');
  const client = await ctx.database.pool.connect();
  try {
    ({ stageId, codingRows } = await insertBulkCodings(client, {
      projectId: team.projectId,
      coderIds: [team.coder.id, second.id],
      issues: 20_000,
      codes: 12,
      codesPerCoding: 3,
    }));
  } finally {
    client.release();
  }
  base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
});
// Keep-alive sockets of fetch would hold the app's close (in the test context) open.
afterAll(() => ctx.app.server.closeAllConnections());

const openTransactions = async () =>
  Number(
    (
      await ctx.database.pool.query(
        `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`,
      )
    ).rows[0].count,
  );

describe('streamed exports', () => {
  it('sends every row of a large export', async () => {
    const response = await fetch(`${base}/api/projects/${team.projectId}/exports/codings-csv?stage=${stageId}`, {
      headers: team.lead.headers,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const lines = (await response.text()).split('\r\n').filter(Boolean);
    // The comment line, the column names, then the rows.
    expect(lines).toHaveLength(codingRows + 2);
  });

  it('releases the connection when the client goes away mid-download', async () => {
    const { totalCount } = ctx.database.pool;
    const controller = new AbortController();
    // Far more than the socket buffers hold, so the export waits on the client with its cursor open.
    const response = await fetch(`${base}/api/projects/${team.projectId}/exports/codings-csv?stage=${stageId}`, {
      headers: team.lead.headers,
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    for (let waited = 0; waited < 5000 && (await openTransactions()) === 0; waited += 50) await sleep(50);
    expect(await openTransactions()).toBe(1);
    controller.abort();
    for (let waited = 0; waited < 5000 && (await openTransactions()) > 0; waited += 50) await sleep(50);
    expect(await openTransactions()).toBe(0);
    expect(ctx.database.pool.totalCount).toBeLessThanOrEqual(Math.max(totalCount, 1) + 1);
    expect(ctx.database.pool.waitingCount).toBe(0);
  });

  it('answers 429 with Retry-After beyond the exports a server streams at once, and takes new ones once they end', async () => {
    const url = `${base}/api/projects/${team.projectId}/exports/codings-csv?stage=${stageId}`;
    const downloads = await Promise.all(
      Array.from({ length: MAX_RUNNING_EXPORTS }, async () => {
        const controller = new AbortController();
        const response = await fetch(url, { headers: team.lead.headers, signal: controller.signal });
        await response.body!.getReader().read();
        return controller;
      }),
    );
    const busy = await fetch(url, { headers: team.lead.headers });
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('10');
    expect(await busy.json()).toMatchObject({ code: 'EXPORTS_BUSY' });
    for (const download of downloads) download.abort();
    for (let waited = 0; waited < 5000 && (await openTransactions()) > 0; waited += 50) await sleep(50);
    const next = await fetch(`${url}&round=1`, { headers: team.lead.headers });
    expect(next.status).toBe(200);
    await next.text();
  });
});
