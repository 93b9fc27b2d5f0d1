import knex, { type Knex } from 'knex';
import { migrations } from '../migrations';
import { postgresConnection } from './postgres-tls';

export type Db = Knex;

export function createDb(databaseUrl: string, pool: { min?: number; max?: number } = {}): Db {
  return knex({
    client: 'pg',
    connection: postgresConnection(databaseUrl),
    pool: { min: pool.min ?? 0, max: pool.max ?? 10 },
  });
}

/** Migrations are listed in code so every runner (tsx, vitest, bundled) finds the same ones. */
const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};

export async function migrateToLatest(db: Db): Promise<string[]> {
  const [, applied] = await db.migrate.latest({ migrationSource });
  return applied as string[];
}
