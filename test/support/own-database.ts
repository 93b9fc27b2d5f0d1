import { afterAll, inject } from 'vitest';
import { dropDatabase, ensureDatabase } from '../../dev/databases';
import { migrate } from '../../dev/migrate';

/**
 * A migrated database of the test file's own, `ticketflow_<label>_<pid>`, for tests that count every
 * ticket or row while other files add theirs. It is dropped after the file's tests; call this before
 * starting anything that uses it, so its drop is registered first and runs after that has stopped.
 */
export async function useOwnDatabase(label: string): Promise<string> {
  const serverUrl = inject('databaseUrl');
  const database = `ticketflow_${label}_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  await migrate(databaseUrl);
  afterAll(() => dropDatabase(serverUrl, database));
  return databaseUrl;
}
