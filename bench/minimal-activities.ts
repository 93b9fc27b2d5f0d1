import type { Db } from '../lib/db';

export const MINIMAL_TICKETS_TABLE = 'bench_minimal_tickets';

/** The minimal design's one write: the ticket's row, idempotent as a retried activity must be. */
export function createMinimalActivities(db: Db) {
  return {
    async recordMinimalTicket(number: string, intake: Record<string, unknown>): Promise<void> {
      await db(MINIMAL_TICKETS_TABLE).insert({ number, intake }).onConflict('number').ignore();
    },
  };
}

export type MinimalActivities = ReturnType<typeof createMinimalActivities>;
