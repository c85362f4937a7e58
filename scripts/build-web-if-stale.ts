// Part of `npm start`: builds the web app only when its sources changed since the last build,
// so a second start is fast. The fingerprint covers every file that feeds the build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const inputs = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'packages/contracts/src',
  'package-lock.json',
];
const fingerprintFile = path.join(root, 'apps/web/dist/.source-fingerprint');

function filesUnder(target: string): string[] {
  if (!existsSync(target)) return [];
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { withFileTypes: true }).flatMap((entry) => filesUnder(path.join(target, entry.name)));
}

const hash = createHash('sha256');
for (const file of inputs.flatMap((input) => filesUnder(path.join(root, input))).sort()) {
  hash.update(path.relative(root, file)).update(readFileSync(file));
}
const fingerprint = hash.digest('hex');

if (existsSync(fingerprintFile) && readFileSync(fingerprintFile, 'utf8') === fingerprint) {
  console.log('Web app is up to date.');
} else {
  console.log('Building the web app...');
  execFileSync('npm', ['run', 'build', '-w', '@concord/web'], { cwd: root, stdio: 'inherit' });
  writeFileSync(fingerprintFile, fingerprint);
}
