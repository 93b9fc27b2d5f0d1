import { beforeAll } from 'vitest';
import { useOwnDatabase } from '../support/own-database';
import { useTicketStack } from '../support/ticket-stack';

/**
 * The real desk for a browser test file, on a database of the file's own, so the queue and the reports
 * hold exactly this file's tickets whatever other files run alongside. The portal links into the test
 * run's Temporal UI. `firstTicketNumber`: ticket and incident numbers are workflow ids on the Temporal server
 * all files share, so each such file numbers from a range of its own (the shared database starts at 100001).
 */
export async function useDeskStack(label: string, firstTicketNumber: number) {
  const databaseUrl = await useOwnDatabase(label);
  const suite = useTicketStack({ databaseUrl });
  beforeAll(() =>
    suite.stack.db.raw(`SELECT setval('ticket_number_seq', ?), setval('incident_number_seq', ?)`, [
      firstTicketNumber,
      firstTicketNumber,
    ]),
  );
  return suite;
}
