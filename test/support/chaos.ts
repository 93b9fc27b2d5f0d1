import { expect, it } from 'vitest';
import { runChaos } from '../../chaos/run-chaos';
import { faultKinds, scenarios } from '../../chaos/faults';
import { formatTable } from '../../chaos/report-table';

// The harness starts its own PostgreSQL, Temporal server, mail process, two workers and two APIs, kills
// them under load and waits (bounded polls) for the desk to settle: minutes on a slow machine.
const RUN_TIMEOUT_MS = 20 * 60_000;
// Enough for each fault to land while tickets are in flight: every scenario drives each of the four
// journey kinds at once, one ticket a client. `npm run chaos` keeps the long run (250 tickets, every
// fault twice).
const ticketsPerScenario = 5;

/**
 * Kills the processes the `names` scenarios name, each fault once, on a desk of their own, and holds the
 * desk to its promise: no ticket lost, invented, duplicated or stale, no timer late, no 500.
 */
export function killingUnderLoad(names: string[]): void {
  it(
    `killing ${names.join(', ')} under load loses, invents and duplicates no ticket`,
    async () => {
      const verdicts = await runChaos({
        tickets: ticketsPerScenario * names.length,
        scenarios: names,
        repeat: 1,
        log: () => undefined,
      });
      const table = formatTable(verdicts);

      expect(
        verdicts.map((v) => v.scenario),
        table,
      ).toEqual(scenarios(names).map((s) => s.name));
      for (const verdict of verdicts) {
        expect(verdict.tickets, table).toBeGreaterThanOrEqual(ticketsPerScenario);
        expect(verdict.faults, table).toBe(verdict.scenario === 'mixed' ? faultKinds.length : 1);
        expect(
          {
            scenario: verdict.scenario,
            lost: verdict.lost,
            phantom: verdict.phantom,
            duplicated: verdict.duplicated,
            stale: verdict.stale,
            lateTimers: verdict.lateTimers,
            internalErrors: verdict.internalErrors,
          },
          table,
        ).toEqual({
          scenario: verdict.scenario,
          lost: 0,
          phantom: 0,
          duplicated: 0,
          stale: 0,
          lateTimers: 0,
          internalErrors: 0,
        });
      }
    },
    RUN_TIMEOUT_MS,
  );
}
