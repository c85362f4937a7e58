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

export function connectDatabase(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
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
