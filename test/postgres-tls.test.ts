import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../dev/migrate';
import { startLocalPostgresOnFreePort } from '../dev/postgres';
import { freePort } from '../dev/support';
import { loadConfig, requireDatabaseUrl } from '../lib/config';
import { createDb } from '../lib/db';
import { migrations } from '../migrations';
import { certificateFolder } from './support/tls-certificates';

/** PostgreSQL reads its key only if no one else can: as root the cluster runs as `nobody`, who must own it. */
async function keepPrivate(key: string): Promise<void> {
  if (process.getuid?.() === 0) {
    const id = (flag: string) =>
      promisify(execFile)('id', [flag, 'nobody']).then(({ stdout }) => Number(stdout));
    await chown(key, await id('-u'), await id('-g'));
  }
  await chmod(key, 0o600);
}

// Started when the file is collected, so the afterAll hooks are registered with the file.
const certificates = await certificateFolder();
const serverCa = await certificates.authority('pg-ca');
const otherCa = await certificates.authority('other-ca');
const server = await serverCa.issue('postgres', ['127.0.0.1']);
await keepPrivate(server.key);
const parent = await mkdtemp(join(tmpdir(), 'ticketflow-pg-tls-'));
await chmod(parent, 0o711);
const postgres = await startLocalPostgresOnFreePort({
  dataDir: join(parent, 'postgres'),
  port: await freePort(),
  database: 'tls',
  log: () => {},
  ephemeral: true,
  settings: ['ssl=on', `ssl_cert_file=${server.cert}`, `ssl_key_file=${server.key}`],
});
afterAll(async () => {
  await postgres.stop();
  await rm(parent, { recursive: true, force: true });
});
const url = new URL(postgres.url);

/** The database URL as an operator writes it, with the TLS parameters libpq takes. */
function databaseUrl(params: Record<string, string>): string {
  const withParams = new URL(url);
  for (const [name, value] of Object.entries(params)) withParams.searchParams.set(name, value);
  return withParams.toString();
}

/** Whether the connection the desk's pool opens to the configured database is encrypted. */
async function encrypted(params: Record<string, string>): Promise<boolean> {
  const db = createDb(requireDatabaseUrl(loadConfig({ DATABASE_URL: databaseUrl(params) })), { max: 1 });
  try {
    const { rows } = await db.raw('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    return rows[0].ssl;
  } finally {
    await db.destroy();
  }
}

describe('PostgreSQL over TLS, configured in DATABASE_URL', () => {
  it('verify-full with the CA in sslrootcert: migrations and the desk pool connect encrypted', async () => {
    const params = { sslmode: 'verify-full', sslrootcert: serverCa.ca };
    expect(await migrate(databaseUrl(params))).toEqual(Object.keys(migrations).sort());
    expect(await encrypted(params)).toBe(true);
  });

  it("require without a CA encrypts without checking the server's certificate, as libpq does", async () => {
    expect(await encrypted({ sslmode: 'require' })).toBe(true);
  });

  it('a server whose certificate the given CA did not sign is refused', async () => {
    await expect(encrypted({ sslmode: 'verify-full', sslrootcert: otherCa.ca })).rejects.toThrow(
      'unable to verify the first certificate',
    );
    await expect(encrypted({ sslmode: 'verify-ca', sslrootcert: otherCa.ca })).rejects.toThrow(
      'unable to verify the first certificate',
    );
  });

  it('verify-ca checks the chain but not the name; verify-full checks both', async () => {
    url.hostname = 'localhost';
    try {
      expect(await encrypted({ sslmode: 'verify-ca', sslrootcert: serverCa.ca })).toBe(true);
      await expect(encrypted({ sslmode: 'verify-full', sslrootcert: serverCa.ca })).rejects.toThrow(
        /Hostname\/IP does not match certificate's altnames/,
      );
    } finally {
      url.hostname = '127.0.0.1';
    }
  });

  it('without sslmode, or with disable, the connection stays plain', async () => {
    expect(await encrypted({})).toBe(false);
    expect(await encrypted({ sslmode: 'disable' })).toBe(false);
  });
});
