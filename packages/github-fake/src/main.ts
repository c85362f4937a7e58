// Runs the fake GitHub as a process (browser journeys, benchmark): `tsx packages/github-fake/src/main.ts
// --port 3361 --token t [--repo owner/name --issues 150 --comments 3 --latency 150]`. Prints
// `listening <url>`.
import { parseArgs } from 'node:util';
import { generateRepository } from './generate.ts';
import { startFakeGitHub } from './server.ts';

const { values } = parseArgs({
  options: { port: { type: 'string' }, token: { type: 'string' }, issues: { type: 'string', default: '150' } },
});
const fake = await startFakeGitHub({
  repositories: [generateRepository({ owner: 'concord-e2e', name: 'models', issues: Number(values.issues), seed: 11 })],
  ...(values.token ? { token: values.token } : {}),
  ...(values.port ? { port: Number(values.port) } : {}),
});
// By default slow enough that a person (or a browser test) sees the bars move.
fake.setLatency(Number(values.latency));
console.log(`listening ${fake.url}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
