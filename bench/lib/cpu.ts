// CPU seconds used by the processes of a benchmark (from /proc), so a figure can say whether the
// measured server, PostgreSQL or the load generator was using the machine's cores.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: `getconf CLK_TCK` on Linux

interface ProcStat {
  command: string;
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
      command: stat.slice(stat.indexOf('(') + 1, close),
      processGroup: Number(fields[2]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    };
  } catch {
    return undefined; // exited meanwhile
  }
}

function livingProcesses(): ProcStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => readStat(pid) ?? []);
}

/** CPU seconds of the living processes in a process group plus those of every process running `command`. */
export function cpuSnapshot(processGroup: number, command: string) {
  let group = 0;
  let named = 0;
  for (const stat of livingProcesses()) {
    if (stat.processGroup === processGroup) group += stat.cpuSeconds;
    else if (stat.command === command) named += stat.cpuSeconds;
  }
  const own = process.cpuUsage();
  return { group, named, self: (own.user + own.system) / 1e6 };
}

export type CpuSnapshot = ReturnType<typeof cpuSnapshot>;

export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot) {
  return { group: after.group - before.group, named: after.named - before.named, self: after.self - before.self };
}
