// Lets `npm test` run inside this package: the root config's include globs are relative to the repo root.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
  },
});
