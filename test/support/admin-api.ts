import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, inject } from 'vitest';
import { adminRoutes, type AdminHooks } from '../../api/admin/routes';
import { createDb, type Db } from '../../lib/db';
import { apiClient, type ApiClient } from './http';
import { seedDesk, type Desk } from './people';
import { serveRouter, type RouterServer } from './router-server';

/**
 * The admin API alone (no worker is needed to configure the desk), called as the desk's admin.
 * `databaseUrl`: a database of the file's own, for tests that count every admin.
 */
export function useAdminApi(
  hooks: AdminHooks = {},
  databaseUrl?: string,
): { db: Db; admin: ApiClient; people: Desk } {
  const suite = {} as { db: Db; admin: ApiClient; people: Desk; server: RouterServer };
  beforeAll(async () => {
    suite.db = createDb(databaseUrl ?? inject('databaseUrl'));
    suite.people = await seedDesk(suite.db);
    // Lazy: only a change applied to running tickets talks to Temporal.
    const client = new Client({ connection: Connection.lazy({ address: inject('temporalAddress') }) });
    const ctx = { db: suite.db, client, taskQueue: 'admin-api', updateDeadlineMs: 10_000 };
    suite.server = await serveRouter(adminRoutes(ctx, hooks));
    suite.admin = apiClient(suite.server.baseUrl, suite.people.admin.token);
  });
  afterAll(async () => {
    await suite.server?.close();
    await suite.db?.destroy();
  });
  return suite;
}
