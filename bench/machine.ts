import { readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectRoot, run } from '../dev/support';
import { temporalCliPath } from '../dev/tools';
import type { Db } from '../lib/db';

/** What the figures were measured on: printed before a run and kept with each scenario's results. */
export interface Machine {
  startedAt: string;
  cpu: string;
  cpus: number;
  memoryGiB: number;
  /** 1, 5 and 15 minute load averages: a busy machine's figures say less. */
  loadAtStart: number[];
  loadAtEnd?: number[];
  node: string;
  temporalCli: string;
  temporalSdk: string;
  postgres: string;
}

export async function describeMachine(db: Db): Promise<Machine> {
  const [cli, sdk, postgres] = await Promise.all([
    temporalCliPath(() => undefined).then((path) => run(path, ['--version'])),
    readFile(join(projectRoot, 'node_modules/@temporalio/client/package.json'), 'utf8'),
    db.raw<{ rows: { server_version: string }[] }>('show server_version'),
  ]);
  return {
    startedAt: new Date().toISOString(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cpus: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30),
    loadAtStart: loadavg().map(round),
    node: process.version,
    temporalCli: cli.trim(),
    temporalSdk: (JSON.parse(sdk) as { version: string }).version,
    postgres: postgres.rows[0]?.server_version ?? 'unknown',
  };
}

/** The same header with the load as it is now, for what a scenario stores when it ends. */
export function withLoadNow(machine: Machine): Machine {
  return { ...machine, loadAtEnd: loadavg().map(round) };
}

export function formatMachine(machine: Machine): string {
  const load = (l: number[] | undefined) => l?.join(' / ') ?? '-';
  return [
    `machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB`,
    `load (1/5/15 min): ${load(machine.loadAtStart)} at start${machine.loadAtEnd ? `, ${load(machine.loadAtEnd)} at end` : ''}`,
    `node ${machine.node}, ${machine.temporalCli}, Temporal SDK ${machine.temporalSdk}, PostgreSQL ${machine.postgres}`,
  ].join('\n');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
