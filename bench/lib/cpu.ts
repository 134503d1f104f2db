// CPU time of processes from /proc (Linux), to say where a run spent the machine: the worker processes,
// the PostgreSQL server, everything else.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function processSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}

/** Busy seconds of the whole machine (all cores), from /proc/stat. */
function machineSeconds(): number {
  const [line] = readFileSync('/proc/stat', 'utf8').split('\n');
  const [, user, nice, system, , , irq, softirq, steal] = line!.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND;
}

export type CpuSnapshot = { workers: number; postgres: number; machine: number; at: number };

/** Worker seconds are summed over `pids`; PostgreSQL over every postgres process of the machine. */
export function snapshotCpu(pids: number[]): CpuSnapshot {
  return {
    workers: pids.reduce((sum, pid) => sum + processSeconds(pid), 0),
    postgres: postgresPids().reduce((sum, pid) => sum + processSeconds(pid), 0),
    machine: machineSeconds(),
    at: Date.now(),
  };
}

export function describeCpu(from: CpuSnapshot, to: CpuSnapshot, cores: number): string {
  const wall = (to.at - from.at) / 1000;
  const share = (seconds: number) =>
    `${seconds.toFixed(0)} s (${((100 * seconds) / (wall * cores)).toFixed(0)} %)`;
  const workers = to.workers - from.workers;
  const postgres = to.postgres - from.postgres;
  const machine = to.machine - from.machine;
  return `CPU over ${wall.toFixed(0)} s on ${cores} cores: workers ${share(workers)}, PostgreSQL ${share(postgres)}, other ${share(Math.max(0, machine - workers - postgres))}, idle ${share(Math.max(0, wall * cores - machine))}`;
}
