import { once } from 'node:events';
import { connect, createServer, type Server } from 'node:net';
import { afterAll, expect, inject, it } from 'vitest';
import { freePort } from '../dev/support';
import { testLinkSecret } from './support/mail';
import { mailProcessStarted, startMailProcess } from './support/mail-process';

let frontend: Server | undefined;
afterAll(() => new Promise<void>((resolve) => (frontend ? frontend.close(() => resolve()) : resolve())));

/** Temporal's frontend appearing at `port`: a plain TCP forwarder to the test run's server. */
async function frontendAppearsAt(port: number): Promise<void> {
  const [host, upstreamPort] = inject('temporalAddress').split(':') as [string, string];
  frontend = createServer((client) => {
    const upstream = connect(Number(upstreamPort), host);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  frontend.listen(port, '127.0.0.1');
  await once(frontend, 'listening');
}

it('a process started before Temporal waits for it, then starts as usual', async () => {
  const temporalPort = await freePort();
  const env = {
    PATH: process.env.PATH,
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    TEMPORAL_CONNECT_WAIT: '5m',
    DATABASE_URL: inject('databaseUrl'),
    LINK_SIGNING_SECRET: testLinkSecret,
    MAIL_RELAY_ADDRESS: '',
    MAIL_INBOUND_ADDRESS: `127.0.0.1:${await freePort()}`,
  };
  const mail = startMailProcess(env);
  try {
    await expect
      .poll(() => mail.output.stdout.includes('waiting for Temporal') || mail.child.exitCode !== null, {
        timeout: 60_000,
      })
      .toBe(true);
    expect(mail.child.exitCode).toBeNull();
    await frontendAppearsAt(temporalPort);
    await mailProcessStarted(mail);
  } finally {
    mail.child.kill('SIGTERM');
  }
  expect(await mail.exited).toEqual([0, null]);
  expect(mail.output.stderr).toBe('');
}, 90_000);
