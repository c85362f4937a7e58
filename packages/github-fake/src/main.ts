// Runs the fake GitHub as a process (browser journeys, benchmark): `tsx packages/github-fake/src/main.ts
// --port 3361 --token t [--repo owner/name --issues 150 --comments 3 --seed 11 --latency 150]
// [--also owner/name:issues ...]`: `--also` adds further repositories (a large one lets a journey
// stop an import half-way). Prints `listening <url>`.
import { parseArgs } from 'node:util';
import { generateRepository } from './generate.ts';
import { startFakeGitHub } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    token: { type: 'string' },
    repo: { type: 'string', default: 'concord-e2e/models' },
    issues: { type: 'string', default: '150' },
    comments: { type: 'string' },
    seed: { type: 'string', default: '11' },
    latency: { type: 'string', default: '150' },
    also: { type: 'string', multiple: true, default: [] },
  },
});
const [owner, name] = values.repo.split('/') as [string, string];
const comments = values.comments === undefined ? undefined : Number(values.comments);
const others = values.also.map((spec, index) => {
  const match = /^([^/\s]+)\/([^:\s]+):(\d+)$/.exec(spec);
  if (!match) throw new Error(`--also ${spec}: expected owner/name:issues`);
  return generateRepository({ owner: match[1]!, name: match[2]!, issues: Number(match[3]), seed: Number(values.seed) + index + 1 });
});
const fake = await startFakeGitHub({
  repositories: [
    generateRepository({
      owner,
      name,
      issues: Number(values.issues),
      seed: Number(values.seed),
      ...(comments === undefined ? {} : { comments: () => comments }),
    }),
    ...others,
  ],
  ...(values.token ? { token: values.token } : {}),
  ...(values.port ? { port: Number(values.port) } : {}),
});
// By default slow enough that a person (or a browser test) sees the bars move.
fake.setLatency(Number(values.latency));
console.log(`listening ${fake.url}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
