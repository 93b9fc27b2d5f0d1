import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../api/app';
import { connectDesk } from '../desk/context';
import { programArgs } from '../dev/desk-build';
import { projectRoot } from '../dev/support';
import { loadConfig, requireDatabaseUrl } from '../lib/config';
import { createDb } from '../lib/db';
import { createLogger } from '../lib/logger';
import { connectTemporal } from '../lib/temporal-connection';
import { createTicketWorker } from '../worker/create-worker';
import { apiClient } from './support/http';
import { validIntake } from './support/intake';
import { testLinkSecret, testMailSettings } from './support/mail';
import { seedDesk } from './support/people';
import { workflowBundle } from './support/ticket-stack';
import { certificateFolder } from './support/tls-certificates';
import { startTlsProxy } from './support/tls-proxy';

type Pair = { cert: string; key: string };

// Made when the file is collected, so the folder's and the proxy's afterAll are registered with the file.
const certificates = await certificateFolder();
const deskCa = await certificates.authority('desk-ca');
const otherCa = await certificates.authority('other-ca');
const frontend = await deskCa.issue('temporal-frontend', ['temporal.desk.internal']);
const clients = {
  worker: await deskCa.issue('worker'),
  api: await deskCa.issue('api'),
  stranger: await otherCa.issue('stranger'),
};
const proxy = await startTlsProxy({ upstream: inject('temporalAddress'), ...frontend, clientCa: deskCa.ca });
afterAll(() => proxy.close());

/** The environment an operator writes for a process on another host than the cluster's frontend. */
function environment(client: Pair, taskQueue = `tickets-${randomUUID()}`): NodeJS.ProcessEnv {
  return {
    TEMPORAL_ADDRESS: proxy.address,
    TEMPORAL_TLS_CERT: client.cert,
    TEMPORAL_TLS_KEY: client.key,
    TEMPORAL_TLS_CA: deskCa.ca,
    TEMPORAL_TLS_SERVER_NAME: 'temporal.desk.internal',
    TICKETFLOW_TASK_QUEUE: taskQueue,
    DATABASE_URL: inject('databaseUrl'),
    LINK_SIGNING_SECRET: testLinkSecret,
    WORKER_METRICS_ADDRESS: '',
  };
}

describe('a worker and an API reaching Temporal through mutual TLS', () => {
  it('take a ticket from intake to analysis, each with a client certificate the frontend checks', async () => {
    const taskQueue = `tickets-${randomUUID()}`;
    const workerConfig = loadConfig(environment(clients.worker, taskQueue));
    const connection = await connectTemporal(workerConfig.temporal, (options) =>
      NativeConnection.connect(options),
    );
    const workerDb = createDb(requireDatabaseUrl(workerConfig));
    const worker = await createTicketWorker({
      connection,
      db: workerDb,
      defaultPolicyId: workerConfig.sla.defaultPolicyId,
      mail: testMailSettings(),
      settings: workerConfig.worker,
      ...workerConfig.temporal,
      workflowBundle: workflowBundle(),
    });
    const running = worker.run();
    const ctx = await connectDesk(loadConfig(environment(clients.api, taskQueue)));
    const server = createApp(ctx, createLogger('api-tls', 'silent')).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const people = await seedDesk(ctx.db);
      const api = apiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, people.agent.token);

      const created = await api.post('/tickets', validIntake());
      expect(created.status).toBe(201);
      expect(created.body.stage).toBe('OPEN');
      const number = created.body.number;
      expect((await api.act(number, 'assign', { engineer: 'eng.maria' })).status).toBe(200);
      const analysing = await api.act(number, 'start-analysis', { note: 'Called the client' });
      expect(analysing.status).toBe(200);
      expect(analysing.body).toMatchObject({ stage: 'ANALYSIS', assignee: 'eng.maria' });

      // Nothing reached Temporal but through the frontend, and only with the desk CA's certificates.
      expect(new Set(proxy.admitted)).toEqual(new Set(['worker', 'api']));
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await ctx.close();
      worker.shutdown();
      await running;
      await connection.close();
      await workerDb.destroy();
    }
  });
});

describe('a connection the frontend or the process does not trust fails at start, naming the setting', () => {
  const refused = /the server refused the client certificate in TEMPORAL_TLS_CERT/;

  it('a worker process with a certificate from another CA stops with that message', async () => {
    const child = promisify(execFile)(process.execPath, programArgs(inject('deskBuild').worker), {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, ...environment(clients.stranger) },
    });
    const failure = await child.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`cannot connect to Temporal at ${proxy.address}`);
    expect(failure?.stderr).toMatch(refused);
    expect(failure?.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the API (a gRPC client, another transport) says the same', async () => {
    await expect(connectDesk(loadConfig(environment(clients.stranger)))).rejects.toThrow(refused);
  });

  it('a process without a client certificate is told to set one', async () => {
    const config = loadConfig({
      ...environment(clients.worker),
      TEMPORAL_TLS_CERT: undefined,
      TEMPORAL_TLS_KEY: undefined,
    });
    await expect(connectTemporal(config.temporal, (o) => NativeConnection.connect(o))).rejects.toThrow(
      /requires a client certificate: set TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY/,
    );
  });

  it('a frontend whose certificate TEMPORAL_TLS_CA did not sign is not trusted', async () => {
    const config = loadConfig({ ...environment(clients.worker), TEMPORAL_TLS_CA: otherCa.ca });
    await expect(connectTemporal(config.temporal, (o) => NativeConnection.connect(o))).rejects.toThrow(
      /the server's certificate is not trusted .*: the CA in TEMPORAL_TLS_CA did not sign it/,
    );
  });

  it('a name the frontend certificate does not hold points at TEMPORAL_TLS_SERVER_NAME', async () => {
    const config = loadConfig({
      ...environment(clients.worker),
      TEMPORAL_TLS_SERVER_NAME: 'elsewhere.internal',
    });
    await expect(connectTemporal(config.temporal, (o) => Connection.connect(o))).rejects.toThrow(
      /not for that name .*: set TEMPORAL_TLS_SERVER_NAME/,
    );
  });
});
