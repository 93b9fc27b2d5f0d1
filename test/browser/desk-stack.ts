import { afterAll, beforeAll, inject } from 'vitest';
import { dropDatabase, ensureDatabase } from '../../dev/databases';
import { migrate } from '../../dev/migrate';
import { useTicketStack } from '../support/ticket-stack';

/**
 * The real desk for a browser test file, on a database of the file's own, so the queue and the reports
 * hold exactly this file's tickets whatever other files run alongside. The portal links into the test
 * run's Temporal UI. `firstTicketNumber`: ticket numbers are workflow ids on the Temporal server all files
 * share, so each such file numbers from a range of its own (the shared database starts at 100001).
 */
export async function useDeskStack(label: string, firstTicketNumber: number) {
  // Read by lib/config.ts when the app is created in the stack's beforeAll.
  process.env.TEMPORAL_UI_URL = inject('temporalUiUrl');
  const serverUrl = inject('databaseUrl');
  const database = `ticketflow_${label}_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  await migrate(databaseUrl);
  // Registered first, so it runs after the stack has stopped.
  afterAll(() => dropDatabase(serverUrl, database));
  const suite = useTicketStack({ databaseUrl });
  beforeAll(() => suite.stack.db.raw(`SELECT setval('ticket_number_seq', ?)`, [firstTicketNumber]));
  return suite;
}
