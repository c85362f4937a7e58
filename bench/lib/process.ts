// Child processes for benchmarks: the measured server never shares a process with the load
// generator, and every child is stopped when the benchmark ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Child {
  process: ChildProcess;
  /** Resolves with the first stdout line matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

export function startChild(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    process: child,
    async waitForLine(pattern, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const line = output.split('\n').find((l) => pattern.test(l));
        if (line) return line;
        if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}:\n${output}`);
        await sleep(20);
      }
      throw new Error(`Timed out waiting for ${pattern} from ${command}:\n${output}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // The whole process group: npm start runs tsx, which runs node.
      process.kill(-child.pid!, 'SIGTERM');
      await Promise.race([exited, sleep(15_000).then(() => process.kill(-child.pid!, 'SIGKILL'))]);
    },
  };
}

/** Polls `url` until it answers 200; returns the milliseconds waited. */
export async function waitUntilHealthy(url: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs} ms`);
}
