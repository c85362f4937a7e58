// The one way to reach the database: a pg pool shared by Prisma (through its driver adapter,
// required by Prisma 7) and by the few bulk reads that stream many rows as plain arrays.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.ts';

export interface Database {
  url: string;
  prisma: PrismaClient;
  /** For bulk reads: `pool.query({ text, values, rowMode: 'array' })` skips Prisma's per-row work. */
  pool: pg.Pool;
  close(): Promise<void>;
}

export function connectDatabase(url: string, poolSize = 10, onIdleError: (error: Error) => void = () => {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // the pool replaces it on the next query.
  pool.on('error', onIdleError);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    url,
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
