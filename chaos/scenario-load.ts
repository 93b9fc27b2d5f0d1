import { setTimeout as sleep } from 'node:timers/promises';
import type { Log } from '../dev/support';
import type { ChaosDesk, Lane } from './chaos-desk';
import { AnswerTally, DeskClient } from './desk-client';
import { injectFault, type Scenario } from './faults';
import type { Stack } from './stack';
import type { ClientRecord } from './journey';
import { runJourney } from './ticket-journeys';

export type LaneState = Lane & { known: Set<string> };

export interface ScenarioRun {
  scenario: Scenario;
  records: ClientRecord[];
  tally: AnswerTally;
  faults: number;
}

/**
 * Drives `tickets` journeys through the lanes' clients (one ticket at a time per lane) and injects the
 * scenario's faults while they run, each when a share of the tickets has started: by progress, not by clock.
 */
export async function runScenario(
  stack: Stack,
  desk: ChaosDesk,
  lanes: LaneState[],
  scenario: Scenario,
  tickets: number,
  log: Log,
): Promise<ScenarioRun> {
  const tally = new AnswerTally();
  const records: ClientRecord[] = [];
  let started = 0;
  let faults = 0;
  const load = Promise.all(
    lanes.map(async (lane, l) => {
      const client = new DeskClient(stack.apiUrls, l, tally);
      const ctx = { client, lane, agent: desk.agent, inboundPort: stack.inboundPort };
      while (started < tickets) {
        const index = started++;
        records.push(await runJourney(ctx, scenario.name, index));
      }
    }),
  );
  const injecting = (async () => {
    for (const [nth, kind] of scenario.faults.entries()) {
      const threshold = Math.floor(((nth + 1) * tickets) / (scenario.faults.length + 1));
      while (started < threshold) await sleep(100);
      await injectFault(stack, kind, nth, (line) => log(`  [${scenario.name}] ${line}`));
      faults += 1;
    }
  })();
  await Promise.all([load, injecting]);
  return { scenario, records, tally, faults };
}
