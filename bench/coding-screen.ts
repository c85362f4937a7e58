// Coding screen responsiveness in Chromium: a coder codes 50 issues with the keyboard; for each,
// the time from pressing Enter (submit) to the next issue's title painted. Target: p95 < 100 ms.
// The app runs as `npm start` would, on a fresh embedded database seeded with the demo; the
// bench adds a round of 50 demo issues for the first demo coder.
import { mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium } from '@playwright/test';
import { runningEmbeddedUrl } from '@concord/db';
import { startChild, waitUntilHealthy } from './lib/process.ts';

const ISSUES = 50;

async function addRound(dataDir: string): Promise<{ projectId: string }> {
  const db = new pg.Client({ connectionString: await runningEmbeddedUrl(path.join(dataDir, 'pg')) });
  await db.connect();
  try {
    const { rows } = await db.query(`
      WITH coder AS (SELECT id FROM "User" WHERE email = 'coder1@demo.concord'),
           stage AS (SELECT id, "projectId" FROM "Stage" WHERE name = 'Relevance'),
           round AS (
             INSERT INTO "Round" (id, "stageId", number, name, status, "codebookVersion", overlap, "openedAt")
             SELECT gen_random_uuid(), stage.id, 90, 'Bench round', 'open', 2, '{"overlap":{"mode":"all"},"stratifyByRepository":false}', now() FROM stage
             RETURNING id
           ),
           issues AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS position FROM "Issue" LIMIT ${ISSUES})
      INSERT INTO "Assignment" (id, "roundId", "issueId", "coderId", position)
      SELECT gen_random_uuid(), round.id, issues.id, coder.id, issues.position FROM round, issues, coder
      RETURNING (SELECT "projectId" FROM stage) AS "projectId", "roundId"`);
    return { projectId: rows[0].projectId };
  } finally {
    await db.end();
  }
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { samples: times.length, p50: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
}

export async function codingScreenBenchmark(port: number) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'concord-bench-screen-'));
  const app = startChild('npx', ['tsx', 'apps/api/src/server.ts'], {
    PORT: String(port),
    CONCORD_DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
  });
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
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
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitUntilHealthy(`${base}/api/health`);
    const { projectId } = await addRound(dataDir);
    const page = await browser.newPage();
    // Measured in the page, so Playwright's round trips are not counted: from the keydown to the
    // first animation frame (rAF runs just before paint) whose rendering shows another title, for
    // Enter; for Shift, which does nothing, the next frame: the floor any key press pays. Plain
    // JavaScript: tsx would wrap named functions in a helper the page does not have.
    await page.addInitScript({
      content: `
        window.keyToPaint = { Enter: [], Shift: [] };
        document.addEventListener('keydown', (event) => {
          const samples = window.keyToPaint[event.key];
          if (!samples) return;
          const pressedAt = performance.now();
          const before = document.querySelector('h1')?.textContent;
          const frame = () =>
            event.key === 'Shift' || document.querySelector('h1')?.textContent !== before
              ? samples.push(performance.now() - pressedAt)
              : requestAnimationFrame(frame);
          requestAnimationFrame(frame);
        }, true);`,
    });
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill('coder1@demo.concord');
    await page.getByLabel('Password').fill('concord-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/projects/);
    const rounds = (await (await page.request.get(`${base}/api/projects/${projectId}/coding/rounds`)).json()) as {
      round: { name: string };
      nextAssignmentId: string;
    }[];
    const start = rounds.find((r) => r.round.name === 'Bench round')!.nextAssignmentId;
    await page.goto(`${base}/projects/${projectId}/coding/${start}`);

    const samplesOf = (key: string) =>
      page.evaluate((k) => (window as unknown as { keyToPaint: Record<string, number[]> }).keyToPaint[k]!, key);
    const pressAndWait = async (key: string, count: number) => {
      await page.keyboard.press(key);
      await page.waitForFunction(
        ([k, n]) => (window as unknown as { keyToPaint: Record<string, number[]> }).keyToPaint[k as string]!.length === n,
        [key, count] as const,
      );
    };
    for (let i = 0; i < ISSUES - 1; i++) {
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.keyboard.press('1');
      await pressAndWait('Enter', i + 1);
    }
    for (let i = 0; i < ISSUES - 1; i++) await pressAndWait('Shift', i + 1);
    return { submit: summary(await samplesOf('Enter')), idleKey: summary(await samplesOf('Shift')) };
  } finally {
    await browser.close();
    await app.stop();
  }
}
