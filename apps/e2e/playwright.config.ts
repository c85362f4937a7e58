// Browser journeys against the real app: the API serving the built web app, on a fresh embedded
// PostgreSQL seeded with the demo. Chromium is Debian's where present (Playwright cannot
// download its own here), else Playwright's.
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { FAKE_GITHUB_LARGE_REPOSITORY, FAKE_GITHUB_TOKEN } from './tests/support/fake-github.ts';

const PORT = Number(process.env.E2E_PORT ?? 3210);
// The fake GitHub the import journey talks to (packages/github-fake); the app under test has no
// token of its own, as in the demo, so the journey pastes the fake's.
const FAKE_GITHUB_PORT = Number(process.env.E2E_GITHUB_PORT ?? PORT + 50);
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
// Set once by the runner and inherited by its workers, so tests can reach the app's database.
const dataDir = (process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'concord-e2e-')));

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx tsx packages/github-fake/src/main.ts --port ${FAKE_GITHUB_PORT} --token ${FAKE_GITHUB_TOKEN} --also ${FAKE_GITHUB_LARGE_REPOSITORY}:3000`,
      cwd: path.resolve(import.meta.dirname, '../..'),
      port: FAKE_GITHUB_PORT,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
    {
      command: 'npm run build -w @concord/web && npx tsx apps/api/src/server.ts',
      cwd: path.resolve(import.meta.dirname, '../..'),
      url: `http://localhost:${PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        PORT: String(PORT),
        CONCORD_DATA_DIR: dataDir,
        SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
        GITHUB_API_URL: `http://127.0.0.1:${FAKE_GITHUB_PORT}`,
        GITHUB_TOKEN: '',
      },
      stdout: 'pipe',
    },
  ],
});
