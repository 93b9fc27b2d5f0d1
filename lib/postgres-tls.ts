import type { ConnectionOptions } from 'node:tls';
import { readCertificatePair, readCertificates, TlsSettingError } from './tls-files';

export interface PostgresConnection {
  connectionString: string;
  /** Left out without `sslmode`, so pg's defaults (PGSSLMODE) stand as before. */
  ssl?: ConnectionOptions | false;
}

const TLS_PARAMS = ['sslmode', 'sslrootcert', 'sslcert', 'sslkey'];
const setting = (param: string) => `DATABASE_URL (${param})`;

/**
 * TLS for PostgreSQL comes in DATABASE_URL as libpq takes it, the form managed providers hand out:
 * `?sslmode=verify-full&sslrootcert=/etc/ticketflow/pg-ca.pem`. The modes keep libpq's meaning, which pg
 * (and the older parser inside knex) do not: there `require` verifies the server like `verify-full`.
 * Throws `TlsSettingError`.
 */
export function postgresConnection(databaseUrl: string): PostgresConnection {
  const url = new URL(databaseUrl);
  const given = new URLSearchParams(url.searchParams);
  const param = (name: string) => given.get(name) ?? undefined;
  const unknown = [...url.searchParams.keys()].find(
    (name) => /^ssl|^uselibpqcompat$/.test(name) && !TLS_PARAMS.includes(name),
  );
  if (unknown)
    throw new TlsSettingError(setting(unknown), `not supported: use sslmode, sslrootcert, sslcert, sslkey`);
  const mode = param('sslmode');
  if (mode === undefined) {
    const stray = TLS_PARAMS.find((name) => url.searchParams.has(name));
    if (stray) throw new TlsSettingError(setting(stray), 'needs sslmode=verify-full, verify-ca or require');
    return { connectionString: databaseUrl };
  }
  for (const name of TLS_PARAMS) url.searchParams.delete(name);
  const connectionString = url.toString();
  if (mode === 'disable') return { connectionString, ssl: false };
  if (!['require', 'verify-ca', 'verify-full'].includes(mode)) {
    throw new TlsSettingError(
      setting('sslmode'),
      `${mode} is not one of disable, require, verify-ca, verify-full (prefer and allow would fall back to an unencrypted connection)`,
    );
  }
  const rootCert = param('sslrootcert');
  // libpq: `system` means the machine's CAs, which is what node does without `ca`.
  const ca =
    rootCert && rootCert !== 'system' ? readCertificates(setting('sslrootcert'), rootCert).pem : undefined;
  const pair = readCertificatePair(
    { cert: setting('sslcert'), key: setting('sslkey') },
    { cert: param('sslcert'), key: param('sslkey') },
  );
  const client = pair ? { cert: pair.crt, key: pair.key } : {};
  // libpq: `require` with a root certificate checks the chain, as verify-ca does.
  if (mode === 'require' && !ca) return { connectionString, ssl: { ...client, rejectUnauthorized: false } };
  const checkName = mode === 'verify-full' ? {} : { checkServerIdentity: () => undefined };
  return { connectionString, ssl: { ...client, ...(ca && { ca }), ...checkName } };
}
