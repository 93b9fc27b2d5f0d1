import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort, projectRoot } from '../dev/support';
import { testLinkSecret } from './support/mail';
import { mailProcessStarted, startMailProcess } from './support/mail-process';
import { certificateFolder } from './support/tls-certificates';
import { startTlsProxy } from './support/tls-proxy';

// Made when the file is collected, so the folder's and the proxy's afterAll are registered with the file.
const certificates = await certificateFolder();
const deskCa = await certificates.authority('desk-ca');
const frontend = await deskCa.issue('temporal-frontend', ['temporal.desk.internal']);
const proxy = await startTlsProxy({ upstream: inject('temporalAddress'), ...frontend, clientCa: deskCa.ca });
afterAll(() => proxy.close());

/** The environment of a process on a host of its own, with a client certificate named `name`. */
async function environment(name: string): Promise<NodeJS.ProcessEnv> {
  const client = await deskCa.issue(name);
  return {
    PATH: process.env.PATH,
    TEMPORAL_ADDRESS: proxy.address,
    TEMPORAL_TLS_CERT: client.cert,
    TEMPORAL_TLS_KEY: client.key,
    TEMPORAL_TLS_CA: deskCa.ca,
    TEMPORAL_TLS_SERVER_NAME: 'temporal.desk.internal',
    DATABASE_URL: inject('databaseUrl'),
    LINK_SIGNING_SECRET: testLinkSecret,
  };
}

describe('the mail process and the tools reach Temporal through mutual TLS as the worker and the API do', () => {
  it('the mail process connects with its certificate and stops cleanly', async () => {
    const inbound = `127.0.0.1:${await freePort()}`;
    const env = { ...(await environment('mail')), MAIL_RELAY_ADDRESS: '', MAIL_INBOUND_ADDRESS: inbound };
    const mail = startMailProcess(env);
    try {
      await mailProcessStarted(mail);
      expect(proxy.admitted).toContain('mail');
    } finally {
      mail.child.kill('SIGTERM');
    }
    expect(await mail.exited).toEqual([0, null]);
    expect(mail.output.stderr).toBe('');
  }, 90_000);

  it('npm run register-search-attributes reads the same settings', async () => {
    const env = { ...(await environment('operator')), TEMPORAL_NAMESPACE: 'default' };
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'dev/register-search-attributes.ts'],
      { cwd: projectRoot, env },
    );
    expect(stdout).toBe('search attributes already registered on namespace default\n');
    expect(proxy.admitted).toContain('operator');
  }, 60_000);
});
