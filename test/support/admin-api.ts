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
    suite.server = await serveRouter(adminRoutes({ db: suite.db }, hooks));
    suite.admin = apiClient(suite.server.baseUrl, suite.people.admin.token);
  });
  afterAll(async () => {
    await suite.server?.close();
    await suite.db?.destroy();
  });
  return suite;
}
