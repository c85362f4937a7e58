// schema.prisma and prisma/migrations must agree: a schema change without its migration fails here.
import { describe, expect, inject, it } from 'vitest';
import { pendingSchemaChanges } from './migrations.ts';

describe('migrations', () => {
  it('replaying prisma/migrations yields exactly schema.prisma (no drift)', async () => {
    const drift = await pendingSchemaChanges(inject('databaseServerUrl'));
    expect(drift, 'Run `npm run db:migrate -- --name <change>` and commit the migration').toBe('');
  });
});
