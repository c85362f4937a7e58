// Start-up time of the README's run command (`npm start`) until /api/health answers: on an
// empty data directory (initdb, migrations, demo seed) and on a warm one. Targets: < 15 s, < 5 s.
// The web app is built beforehand, so this measures the start, not a first build.
import { startChild, waitUntilHealthy } from './lib/process.ts';

async function timeStart(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const app = startChild('npm', ['start'], { PORT: String(port), CONCORD_DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1' });
  try {
    await waitUntilHealthy(`http://127.0.0.1:${port}/api/health`);
    return performance.now() - started;
  } finally {
    await app.stop();
  }
}

export async function coldStartBenchmark(dataDir: string, port: number) {
  const coldMs = await timeStart(dataDir, port);
  const warmMs = await timeStart(dataDir, port);
  return { coldMs, warmMs };
}
