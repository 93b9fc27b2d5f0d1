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

/** Kills one process the hard way and starts it again, as an operator's supervisor would. */
export async function injectFault(stack: Stack, kind: FaultKind, nth: number, log: Log): Promise<void> {
  switch (kind) {
    case 'worker': {
      const worker = stack.workers[nth % stack.workers.length]!;
      log(`kill -9 ${worker.name}`);
      await worker.kill9();
      await sleep(downFor.worker);
      worker.start();
      return;
    }
    case 'api': {
      const api = stack.apis[nth % stack.apis.length]!;
      log(`kill -9 ${api.name}`);
      await api.kill9();
      await sleep(downFor.api);
      api.start();
      return;
    }
    case 'mail':
      log('kill -9 the mail process');
      await stack.mail.kill9();
      await sleep(downFor.mail);
      stack.mail.start();
      return;
    case 'temporal':
      log('kill -9 the Temporal server');
      await stack.killTemporal();
      await sleep(downFor.temporal);
      await stack.startTemporal();
      log('Temporal restarted on the same SQLite file');
      return;
    case 'postgres':
      log('stop PostgreSQL -m immediate');
      await stack.stopPostgresImmediately();
      await sleep(downFor.postgres);
      await stack.startPostgres();
      log('PostgreSQL restarted (crash recovery)');
      return;
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
