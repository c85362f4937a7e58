// Prisma's WebAssembly schema engine, driven through @prisma/adapter-pg. The native engine that the
// Prisma CLI downloads is unreachable here; the WebAssembly one ships inside an npm package.
// This package is internal to Prisma and pinned exactly; keep every use of it in this file.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

let initialised: Promise<void> | undefined;

// @types/node 20 does not declare the WebAssembly global; this is the part we use.
const webAssembly = (
  globalThis as unknown as {
    WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }> };
  }
).WebAssembly;

// Node 20 cannot `import` a .wasm file, so instantiate it by hand with the JS glue as its imports.
function initialiseWasm(): Promise<void> {
  initialised ??= (async () => {
    // The package does not export its .wasm file; it sits next to the entry point.
    const entryPoint = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm');
    const wasmPath = path.join(path.dirname(entryPoint), 'schema_engine_bg.wasm');
    const { instance } = await webAssembly.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return initialised;
}

type Queryable = {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  startTransaction?: (...args: unknown[]) => Promise<object>;
  executeScript?: (script: string) => Promise<void>;
  underlyingDriver?: () => pg.Pool | pg.PoolClient;
};

// Two fixes to adapter-pg for the engine's use:
// - it rejects PostgreSQL's internal "char" type, which the engine's catalog queries return;
//   reporting it as text is what the native engine does;
// - it runs a migration script by splitting it on every ";", which breaks function bodies and
//   string literals; PostgreSQL's simple query protocol runs the whole script as is, in one
//   implicit transaction, so a failing migration leaves nothing half-applied.
function patchAdapter<T extends object>(adapter: T): T {
  const target = adapter as unknown as Queryable;
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  const startTransaction = target.startTransaction?.bind(target);
  if (startTransaction) target.startTransaction = async (...args) => patchAdapter(await startTransaction(...args));
  const driver = target.underlyingDriver?.();
  if (target.executeScript && driver) {
    target.executeScript = async (script) => {
      await driver.query(script);
    };
  }
  return adapter;
}

type PoolConfig = ReturnType<typeof poolConfig>;

class CharTolerantPg extends PrismaPg {
  constructor(private readonly poolSettings: PoolConfig) {
    super(poolSettings);
  }

  override async connect() {
    return patchAdapter(await super.connect());
  }

  // adapter-pg's own shadow database is dropped while its pool still holds a connection, which
  // fails; drop it after the pool has ended, forcibly.
  override async connectToShadowDb() {
    const shadowName = `concord_shadow_${randomUUID().replaceAll('-', '')}`;
    await runAdminStatement(this.poolSettings, `CREATE DATABASE "${shadowName}"`);
    const adapter = await new PrismaPg({ ...this.poolSettings, database: shadowName }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await runAdminStatement(this.poolSettings, `DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
    };
    return patchAdapter(adapter);
  }
}

async function runAdminStatement(settings: PoolConfig, sql: string): Promise<void> {
  const client = new pg.Client(settings);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// adapter-pg opens the shadow database by overriding `database` in the pool config, which a
// `connectionString` would silently win over: pass the URL's parts instead.
function poolConfig(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    ssl: url.searchParams.get('sslmode') === 'require' ? { rejectUnauthorized: false } : undefined,
    max: 2,
  };
}

/** Runs `use` with an engine connected to `databaseUrl`, then frees it. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schema: { path: string; content: string } | undefined,
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await initialiseWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(new CharTolerantPg(poolConfig(databaseUrl)));
  const engine = await bindings.SchemaEngine.new({ datamodels: schema ? [[schema.path, schema.content]] : undefined }, () => {}, adapter);
  try {
    return await use(engine);
  } finally {
    engine.free();
  }
}
