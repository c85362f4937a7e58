// Foundation benchmark: an authenticated GET of a project's data (session cookie, membership
// check, project with counts and stages) under load, next to a bare Fastify route on the same
// machine in the same run. Target: at least 35% of the bare route's requests/s, p99 < 25 ms.
import autocannon from 'autocannon';
import { startChild, waitUntilHealthy } from './lib/process.ts';

const CONNECTIONS = 50;
const DURATION_SECONDS = 10;

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function load(url: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS, headers });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

export async function apiLoadBenchmark(dataDir: string, port: number) {
  const bare = startChild('npx', ['tsx', 'bench/fixtures/bare-server.ts']);
  const bareUrl = `${(await bare.waitForLine(/^listening /)).split(' ')[1]}/bare`;
  const api = startChild('npx', ['tsx', 'apps/api/src/server.ts'], {
    PORT: String(port),
    CONCORD_DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitUntilHealthy(`${base}/api/health`);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@demo.concord', password: 'concord-demo' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const [project] = (await (await fetch(`${base}/api/projects`, { headers: { cookie } })).json()) as { id: string }[];
    const projectUrl = `${base}/api/projects/${project!.id}`;

    await load(bareUrl); // warm-up of both servers' JIT, not reported
    await load(projectUrl, { cookie });
    const bareResult = await load(bareUrl);
    const apiResult = await load(projectUrl, { cookie });
    return { bare: bareResult, api: apiResult, ratio: apiResult.requestsPerSecond / bareResult.requestsPerSecond };
  } finally {
    await Promise.all([bare.stop(), api.stop()]);
  }
}
