import { expect, it } from 'vitest';
import { runChaos } from '../../chaos/run-chaos';
import { scenarios } from '../../chaos/faults';
import { formatTable } from '../../chaos/report-table';

// The harness starts its own PostgreSQL, Temporal server, mail process, two workers and two APIs, kills
// them under load and waits (bounded polls) for the desk to settle: minutes on a slow machine.
const RUN_TIMEOUT_MS = 20 * 60_000;

/**
 * Runs one scenario, each of its faults once, over `tickets` journeys on a desk of its own, and holds the desk
 * to its promise: no ticket lost, invented, duplicated or stale, no timer late, no 500.
 */
export function killingUnderLoad(name: string, tickets: number): void {
  const [scenario] = scenarios([name], 1);
  it(
    `killing ${scenario!.faults.join(', ')} under load loses, invents and duplicates no ticket`,
    async () => {
      const [verdict, ...more] = await runChaos({
        tickets,
        scenarios: [name],
        repeat: 1,
        log: () => undefined,
      });
      const table = formatTable([verdict!, ...more]);

      expect(more, table).toEqual([]);
      expect(verdict!.tickets, table).toBeGreaterThanOrEqual(tickets);
      expect(verdict!.faults, table).toBe(scenario!.faults.length);
      expect(
        {
          lost: verdict!.lost,
          phantom: verdict!.phantom,
          duplicated: verdict!.duplicated,
          stale: verdict!.stale,
          lateTimers: verdict!.lateTimers,
          internalErrors: verdict!.internalErrors,
        },
        table,
      ).toEqual({ lost: 0, phantom: 0, duplicated: 0, stale: 0, lateTimers: 0, internalErrors: 0 });
    },
    RUN_TIMEOUT_MS,
  );
}
