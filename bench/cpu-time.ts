import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** The processes whose CPU a scenario charges, by role: each with whatever it started (PostgreSQL's backends). */
export type ProcessRoots = Record<string, number | undefined>;

/** CPU seconds (user + system) used so far by each role's process tree. */
export type CpuSeconds = Record<string, number>;

// Linux counts CPU in clock ticks of 1/100 s (`getconf CLK_TCK`) on every platform the desk runs on.
const TICKS_PER_SECOND = 100;

/**
 * Reads /proc once and sums each root's CPU with its descendants'. A descendant that is itself a root counts for
 * its own role only: the desk's processes are children of the bench process, yet the bench's own row is its
 * client and its floor worker. A process that exited counts in its parent's, once reaped (PostgreSQL's
 * backends and autovacuum workers in the postmaster's).
 */
export async function cpuSeconds(roots: ProcessRoots): Promise<CpuSeconds> {
  const processes = await readProcesses();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of processes) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const rootPids = new Set(Object.values(roots).filter((pid): pid is number => pid !== undefined));
  const treeTicks = (pid: number): number =>
    (processes.get(pid)?.ticks ?? 0) +
    (children.get(pid) ?? [])
      .filter((child) => !rootPids.has(child))
      .reduce((sum, child) => sum + treeTicks(child), 0);
  return Object.fromEntries(
    Object.entries(roots).map(([role, pid]) => [
      role,
      pid === undefined ? 0 : treeTicks(pid) / TICKS_PER_SECOND,
    ]),
  );
}

/** What each role used between two readings, in seconds. */
function cpuUsed(before: CpuSeconds, after: CpuSeconds): CpuSeconds {
  return Object.fromEntries(Object.entries(after).map(([role, s]) => [role, s - (before[role] ?? 0)]));
}

async function readProcesses(): Promise<Map<number, { ppid: number; ticks: number }>> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const processes = new Map<number, { ppid: number; ticks: number }>();
  await Promise.all(
    pids.map(async (pid) => {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
      if (!stat) return;
      // The command name may hold spaces and parentheses; the fields after its closing one are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, then cutime and cstime: what its exited children used, once it reaped them.
      const ticks = [11, 12, 13, 14].reduce((sum, field) => sum + Number(fields[field]), 0);
      processes.set(Number(pid), { ppid: Number(fields[1]), ticks });
    }),
  );
  return processes;
}

/**
 * Waits until the processes are nearly idle (together under a fifth of a core over a quarter second), at most
 * `limitMs`: what a round of calls set going (projections, letters, the workflow tasks after an answer) is then
 * charged to that round, not to the next.
 */
export async function untilQuiet(roots: () => Promise<ProcessRoots>, limitMs = 15_000): Promise<void> {
  const giveUpAt = Date.now() + limitMs;
  let last = await cpuSeconds(await roots());
  while (Date.now() < giveUpAt) {
    await sleep(QUIET_WINDOW_MS);
    const now = await cpuSeconds(await roots());
    const busy = Object.values(cpuUsed(last, now)).reduce((sum, s) => sum + s, 0);
    if (busy < (0.2 * QUIET_WINDOW_MS) / 1000) return;
    last = now;
  }
}

const QUIET_WINDOW_MS = 250;

/** `work`'s result and the CPU each process spent on it, up to the moment what it set going has settled. */
export async function charged<T>(
  roots: () => Promise<ProcessRoots>,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuSeconds }> {
  const before = await cpuSeconds(await roots());
  const result = await work();
  await untilQuiet(roots);
  return { result, cpu: cpuUsed(before, await cpuSeconds(await roots())) };
}

/** A table row's cells: milliseconds of CPU per call for each role in `roles`, then their total. */
export function perCallCells(cpu: CpuSeconds, roles: string[], calls: number): number[] {
  const cells = roles.map((role) => ((cpu[role] ?? 0) * 1000) / calls);
  return [...cells, cells.reduce((sum, ms) => sum + ms, 0)];
}
