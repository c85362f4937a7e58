// Prisma CLI configuration. The CLI insists on a native schema-engine binary it cannot download
// here; `generate`, `validate` and `format` never execute it, so any existing file satisfies them.
// Migrations go through packages/db/src/migrations.ts (Prisma's WebAssembly schema engine).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/concord' },
});
