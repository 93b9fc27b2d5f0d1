import { setTimeout as sleep } from 'node:timers/promises';
import type { Log } from '../dev/support';
import type { Stack } from './stack';

export const faultKinds = ['worker', 'api', 'temporal', 'mail', 'postgres'] as const;
export type FaultKind = (typeof faultKinds)[number];

// How long each dependency stays down: long enough for calls to time out, retry and pile up behind it.
const downFor: Record<FaultKind, number> = {
  worker: 1_000,
  api: 1_000,
  temporal: 3_000,
  mail: 1_000,
  postgres: 4_000,
};

interface Fault {
  says: string;
  stop(): Promise<void>;
  start(): Promise<void> | void;
  /** Said once the piece is back, where coming back is worth a line of its own. */
  back?: string;
}

/** Kills one process the hard way and starts it again, as an operator's supervisor would. */
export async function injectFault(stack: Stack, kind: FaultKind, nth: number, log: Log): Promise<void> {
  const fault = faultOn(stack, kind, nth);
  log(fault.says);
  await fault.stop();
  await sleep(downFor[kind]);
  await fault.start();
  if (fault.back) log(fault.back);
}

function faultOn(stack: Stack, kind: FaultKind, nth: number): Fault {
  const pick = <T>(pieces: T[]): T => pieces[nth % pieces.length]!;
  switch (kind) {
    case 'worker':
    case 'api': {
      const piece = pick(kind === 'worker' ? stack.workers : stack.apis);
      return { says: `kill -9 ${piece.name}`, stop: () => piece.kill9(), start: () => piece.start() };
    }
    case 'mail':
      return {
        says: 'kill -9 the mail process',
        stop: () => stack.mail.kill9(),
        start: () => stack.mail.start(),
      };
    case 'temporal':
      return {
        says: 'kill -9 the Temporal server',
        stop: () => stack.killTemporal(),
        start: () => stack.startTemporal(),
        back: 'Temporal restarted on the same SQLite file',
      };
    case 'postgres':
      return {
        says: 'stop PostgreSQL -m immediate',
        stop: () => stack.stopPostgresImmediately(),
        start: () => stack.startPostgres(),
        back: 'PostgreSQL restarted (crash recovery)',
      };
  }
}

export interface Scenario {
  name: string;
  faults: FaultKind[];
}

/** One scenario per fault kind, each fault twice, then all of them mixed. */
export function scenarios(only: string[] = [], repeat = 2): Scenario[] {
  const all: Scenario[] = [
    ...faultKinds.map((kind) => ({ name: kind, faults: Array<FaultKind>(repeat).fill(kind) })),
    { name: 'mixed', faults: ['worker', 'temporal', 'api', 'postgres', 'mail'] },
  ];
  const unknown = only.filter((name) => !all.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}`);
  return only.length === 0 ? all : all.filter((s) => only.includes(s.name));
}
