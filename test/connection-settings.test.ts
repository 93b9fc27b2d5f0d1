import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../lib/config';
import { temporalConnectionOptions } from '../lib/temporal-connection';
import { certificateFolder } from './support/tls-certificates';

const certificates = await certificateFolder();
const ca = await certificates.authority('desk-ca');
const client = await ca.issue('worker');
const otherKey = (await ca.issue('api')).key;
const notPem = join(certificates.dir, 'notes.txt');
await writeFile(notPem, 'the CA is on the wiki\n');

/** What an operator sees when a process refuses to start: every setting at fault, named. */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('Temporal TLS settings are checked at start', () => {
  it('a file that is missing names its variable', () => {
    expect(refusal({ TEMPORAL_TLS_CA: '/etc/ticketflow/missing-ca.pem' })).toBe(
      'invalid configuration:\n  TEMPORAL_TLS_CA: cannot read /etc/ticketflow/missing-ca.pem: no such file',
    );
  });

  it('a certificate needs its key, and a key its certificate', () => {
    expect(refusal({ TEMPORAL_TLS_CERT: client.cert })).toContain(
      'TEMPORAL_TLS_KEY: required with TEMPORAL_TLS_CERT',
    );
    expect(refusal({ TEMPORAL_TLS_KEY: client.key })).toContain(
      'TEMPORAL_TLS_CERT: required with TEMPORAL_TLS_KEY',
    );
  });

  it("a key that is not the certificate's, or a file that is not PEM, is named", () => {
    expect(refusal({ TEMPORAL_TLS_CERT: client.cert, TEMPORAL_TLS_KEY: otherKey })).toContain(
      `TEMPORAL_TLS_KEY: ${otherKey} is not the key of the certificate in ${client.cert}`,
    );
    expect(refusal({ TEMPORAL_TLS_CA: notPem })).toContain(
      `TEMPORAL_TLS_CA: ${notPem} holds no PEM certificate`,
    );
    expect(refusal({ TEMPORAL_TLS_CERT: client.cert, TEMPORAL_TLS_KEY: client.cert })).toContain(
      `TEMPORAL_TLS_KEY: ${client.cert} holds no unencrypted PEM private key`,
    );
  });

  it('every problem is listed at once, with the other settings', () => {
    const message = refusal({ API_PORT: '99999', TEMPORAL_TLS_CA: notPem, TEMPORAL_TLS_KEY: client.key });
    expect(message).toContain('API_PORT');
    const files = refusal({ TEMPORAL_TLS_CA: notPem, TEMPORAL_TLS_KEY: client.key });
    expect(files.split('\n').slice(1)).toEqual([
      "  TEMPORAL_TLS_CERT: required with TEMPORAL_TLS_KEY (the key's certificate)",
      `  TEMPORAL_TLS_CA: ${notPem} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    ]);
  });

  it('mutual TLS and an API key may go together; an API key alone leaves TLS to the SDK (on, with the machine CAs)', () => {
    const both = loadConfig({
      TEMPORAL_TLS_CERT: client.cert,
      TEMPORAL_TLS_KEY: client.key,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.desk.internal',
      TEMPORAL_API_KEY: 'key-from-the-cloud-console',
    });
    expect(temporalConnectionOptions(both.temporal)).toMatchObject({
      apiKey: 'key-from-the-cloud-console',
      tls: { serverNameOverride: 'temporal.desk.internal', clientCertPair: { crt: expect.any(Buffer) } },
    });
    const cloud = loadConfig({
      TEMPORAL_ADDRESS: 'eu-west-1.aws.api.temporal.io:7233',
      TEMPORAL_API_KEY: 'k',
    });
    expect(temporalConnectionOptions(cloud.temporal)).toEqual({
      address: 'eu-west-1.aws.api.temporal.io:7233',
      apiKey: 'k',
    });
    expect(temporalConnectionOptions(loadConfig({}).temporal)).toEqual({ address: 'localhost:7233' });
  });
});

describe('PostgreSQL TLS settings in DATABASE_URL are checked at start', () => {
  const url = 'postgres://desk:secret@db.internal:5432/ticketflow';

  it('a CA file that is missing names the parameter', () => {
    expect(
      refusal({ DATABASE_URL: `${url}?sslmode=verify-full&sslrootcert=/etc/ticketflow/pg-ca.pem` }),
    ).toBe(
      'invalid configuration:\n  DATABASE_URL (sslrootcert): cannot read /etc/ticketflow/pg-ca.pem: no such file',
    );
  });

  it('modes that would fall back to an unencrypted connection are refused', () => {
    expect(refusal({ DATABASE_URL: `${url}?sslmode=prefer` })).toContain(
      'DATABASE_URL (sslmode): prefer is not one of disable, require, verify-ca, verify-full',
    );
  });

  it('a CA without a mode, or a parameter this desk does not read, is named', () => {
    expect(refusal({ DATABASE_URL: `${url}?sslrootcert=${ca.ca}` })).toContain(
      'DATABASE_URL (sslrootcert): needs sslmode=verify-full, verify-ca or require',
    );
    expect(refusal({ DATABASE_URL: `${url}?sslmode=require&sslcrl=/etc/crl.pem` })).toContain(
      'DATABASE_URL (sslcrl): not supported',
    );
  });

  it('a client certificate for PostgreSQL needs its key', () => {
    expect(refusal({ DATABASE_URL: `${url}?sslmode=verify-full&sslcert=${client.cert}` })).toContain(
      'DATABASE_URL (sslkey): required with DATABASE_URL (sslcert)',
    );
  });
});
