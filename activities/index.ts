import type { Db } from '../lib/db';
import { createTicketProjection } from './ticket-projection';

export interface ActivityDependencies {
  db: Db;
}

/** Every activity the ticket worker runs, built from what it needs so tests can hand in their own. */
export function createActivities({ db }: ActivityDependencies) {
  return {
    ...createTicketProjection(db),
  };
}

export type TicketActivities = ReturnType<typeof createActivities>;
