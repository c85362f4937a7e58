// CPU seconds used by the processes of a benchmark (from /proc), so a figure can say whether the
// measured server, PostgreSQL or the load generator was using the machine's cores.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TICKS_PER_SECOND = 100; // USER_HZ: `getconf CLK_TCK` on Linux

interface ProcStat {
  parent: number;
  processGroup: number;
  cpuSeconds: number;
}

function readStat(pid: string): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command is in parentheses and may hold spaces; the numeric fields follow it.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return {
      parent: Number(fields[1]),
      processGroup: Number(fields[2]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    };
  } catch {
    return undefined; // exited meanwhile
  }
}

function livingProcesses(): (ProcStat & { pid: number })[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      const stat = readStat(pid);
      return stat ? [{ pid: Number(pid), ...stat }] : [];
    });
}

/**
 * CPU seconds of the living processes in a process group (the measured server), of a PostgreSQL
 * server (its postmaster and the backends it forked) and of this process (the load generator).
 */
export function cpuSnapshot(processGroup: number, postgresDataDir: string) {
  const postmaster = Number(readFileSync(path.join(postgresDataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let group = 0;
  let postgres = 0;
  for (const stat of livingProcesses()) {
    if (stat.processGroup === processGroup) group += stat.cpuSeconds;
    else if (stat.pid === postmaster || stat.parent === postmaster) postgres += stat.cpuSeconds;
  }
  const own = process.cpuUsage();
  return { group, postgres, self: (own.user + own.system) / 1e6 };
}

export type CpuSnapshot = ReturnType<typeof cpuSnapshot>;

export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot) {
  return { group: after.group - before.group, postgres: after.postgres - before.postgres, self: after.self - before.self };
}
