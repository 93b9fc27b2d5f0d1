import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, requireDatabaseUrl } from '../lib/config';
import { createDb, migrateToLatest } from '../lib/db';

/** Applies pending migrations and returns their names; the pool is closed again either way. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const db = createDb(databaseUrl, { max: 1 });
  try {
    return await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const applied = await migrate(requireDatabaseUrl(loadConfig()));
    console.log(applied.length ? `applied ${applied.join(', ')}` : 'database already up to date');
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 1;
  }
}
