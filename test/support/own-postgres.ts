import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { migrate } from '../../dev/migrate';
import { startLocalPostgres, startLocalPostgresOnFreePort } from '../../dev/postgres';
import { freePort } from '../../dev/support';
import { createDb } from '../../lib/db';

export interface OwnPostgres {
  url: string;
  /** Stops the server the way a crash looks to its clients (`pg_ctl stop -m immediate`). */
  crash(): Promise<void>;
  /** Starts it again on the same data and port, so clients reconnect with the URL they have. */
  restart(): Promise<void>;
}

/**
 * A migrated PostgreSQL server of the test file's own, for tests that stop it for real: the run's shared
 * cluster serves every test file. Durable (fsync on), so an immediate stop loses nothing committed. Ticket
 * numbers are workflow ids on the Temporal server all files share, so they start at `firstTicketNumber`, a
 * range of the file's own.
 */
export async function startOwnPostgres(firstTicketNumber: number): Promise<OwnPostgres> {
  const parent = await mkdtemp(join(tmpdir(), 'ticketflow-own-pg-'));
  // Run as root, the server runs as `nobody`, which must be able to reach its data directory.
  await chmod(parent, 0o711);
  const options = {
    dataDir: join(parent, 'postgres'),
    port: await freePort(),
    database: 'own',
    log: () => {},
  };
  const started = await startLocalPostgresOnFreePort(options);
  options.port = started.port;
  let server: Pick<typeof started, 'url' | 'stop'> = started;
  afterAll(async () => {
    await server.stop();
    await rm(parent, { recursive: true, force: true });
  });
  await migrate(server.url);
  const db = createDb(server.url, { max: 1 });
  await db.raw(`SELECT setval('ticket_number_seq', ?)`, [firstTicketNumber]).finally(() => db.destroy());
  return {
    url: server.url,
    crash: () => server.stop('immediate'),
    async restart() {
      server = await startLocalPostgres(options);
    },
  };
}
