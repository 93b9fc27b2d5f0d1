import { once } from 'node:events';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { startLocalPostgresOnFreePort } from '../dev/postgres';
import { freePort } from '../dev/support';

it("a run's own PostgreSQL whose picked port was taken meanwhile starts on another one", async () => {
  const taken = await freePort();
  const squatter = createServer().listen(taken, '127.0.0.1');
  await once(squatter, 'listening');
  const parent = await mkdtemp(join(tmpdir(), 'ticketflow-pg-port-'));
  // Run as root, the server runs as `nobody`, which must be able to reach its data directory.
  await chmod(parent, 0o711);
  const lines: string[] = [];
  try {
    const server = await startLocalPostgresOnFreePort({
      dataDir: join(parent, 'postgres'),
      port: taken,
      database: 'port',
      log: (line) => lines.push(line),
      ephemeral: true,
    });
    try {
      expect(server.port).not.toBe(taken);
      expect(new URL(server.url).port).toBe(String(server.port));
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await server.stop();
    }
    expect(lines).toContain(`port ${taken} was taken before PostgreSQL could listen on it: trying another`);
  } finally {
    squatter.close();
    await rm(parent, { recursive: true, force: true });
  }
}, 120_000);
