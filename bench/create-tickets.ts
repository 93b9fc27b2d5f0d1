import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { seedDemoDesk } from '../dev/demo-desk';
import { migrate } from '../dev/migrate';
import { startLocalPostgres } from '../dev/postgres';
import { Cleanup, freePort, projectRoot } from '../dev/support';
import { startTemporalDevServer } from '../dev/temporal-dev-server';
import { temporalCliPath } from '../dev/tools';
import { loadConfig } from '../lib/config';
import { createDb } from '../lib/db';
import { createLogger } from '../lib/logger';
import { createTicketWorker } from '../worker/create-worker';
import { createTransport } from 'nodemailer';
import { listenSmtp } from '../mail/smtp-listener';
import { startOutboundRelay } from '../mail/outbound-relay';
import { validIntake } from '../test/support/intake';
import { startApiProcess } from './api-process';
import { measure, type Measurement } from './measure';

const total = Number(process.env.BENCH_TICKETS ?? 300);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const log = (line: string) => console.log(`[bench] ${line}`);
const cleanup = new Cleanup();

try {
  const dataDir = join(resolve(projectRoot, '.data'), `bench-${process.pid}`);
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const postgres = await startLocalPostgres({
    dataDir: join(dataDir, 'postgres'),
    port: await freePort(),
    database: 'bench',
    log,
  });
  cleanup.push(postgres.stop);
  await migrate(postgres.url);
  // Same durability as `npm start`: a SQLite file in WAL mode with synchronous=FULL.
  const temporal = await startTemporalDevServer({
    cliPath: await temporalCliPath(log),
    port: await freePort(),
    dbFile: join(dataDir, 'temporal.sqlite'),
    namespace: 'default',
    log: () => {},
  });
  cleanup.push(temporal.stop);

  const db = createDb(postgres.url, { max: 20 });
  cleanup.push(() => db.destroy());
  const nativeConnection = await NativeConnection.connect({ address: temporal.address });
  cleanup.push(() => nativeConnection.close());
  const connection = await Connection.connect({ address: temporal.address });
  cleanup.push(() => connection.close());
  const client = new Client({ connection });

  // Every ticket's acknowledgement goes through the real relay, as in `npm start`, to an SMTP server standing
  // in for the site's mail server: it only counts, so its work is not measured as the desk's.
  let lettersDelivered = 0;
  const mailServer = await listenSmtp({
    host: '127.0.0.1',
    port: 0,
    maxBytes: 1 << 20,
    onMail: async () => void lettersDelivered++,
  });
  cleanup.push(mailServer.close);
  const relay = await startOutboundRelay({
    db,
    upstream: createTransport(`smtp://127.0.0.1:${mailServer.port}/?pool=true`),
    host: '127.0.0.1',
    port: 0,
    log: createLogger('relay', 'warn'),
  });
  cleanup.push(relay.close);
  const mail = {
    transport: createTransport(`smtp://127.0.0.1:${relay.port}/?pool=true`),
    from: 'ticketflow bench <bench@ticketflow.local>',
    messageIdDomain: 'bench.ticketflow.local',
    publicBaseUrl: 'http://127.0.0.1',
    linkSecret: 'bench-link-secret-0123456789abcdefghijkl',
  };
  const ticketWorker = await createTicketWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue: 'bench-tickets',
    db,
    defaultPolicyId: 'customer-support-sop',
    mail,
    settings: loadConfig({}).worker,
  });
  const emptyWorker = await Worker.create({
    connection: nativeConnection,
    taskQueue: 'bench-empty',
    workflowsPath: fileURLToPath(new URL('./empty-workflow.ts', import.meta.url)),
  });
  const workers = Promise.all([ticketWorker.run(), emptyWorker.run()]);
  cleanup.push(async () => {
    ticketWorker.shutdown();
    emptyWorker.shutdown();
    await workers;
  });

  const api = await startApiProcess({
    databaseUrl: postgres.url,
    temporalAddress: temporal.address,
    taskQueue: 'bench-tickets',
    linkSecret: mail.linkSecret,
  });
  cleanup.push(api.stop);
  const url = `${api.url}/tickets`;
  const body = JSON.stringify(validIntake());
  // The demo desk's tier-1 agent enters the requests of ACME Logistics' reporter, as at a real desk.
  const agent = (await seedDemoDesk(db)).find((t) => t.agentKind === 'tier-1')!;

  const createTicket = async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` },
      body,
    });
    if (response.status !== 201)
      throw new Error(`create answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
  const startEmpty = (i: number) =>
    client.workflow.start('emptyWorkflow', {
      taskQueue: 'bench-empty',
      workflowId: `empty-${process.pid}-${i}`,
    });

  log(`warming up, then ${total} of each with ${concurrency} in flight`);
  await measure(30, concurrency, createTicket);
  await measure(30, concurrency, (i) => startEmpty(total + i));
  const viaApi = await measure(total, concurrency, createTicket);
  const bare = await measure(total, concurrency, startEmpty);
  const memory = process.memoryUsage();

  const row = (name: string, m: Measurement) =>
    `${name.padEnd(34)} ${m.perSecond.toFixed(1).padStart(8)}/s   p50 ${m.p50.toFixed(1).padStart(7)} ms   p99 ${m.p99.toFixed(1).padStart(7)} ms`;
  console.log('');
  console.log(row('ticket create via API (201)', viaApi));
  console.log(row('bare workflow.start (empty wf)', bare));
  console.log(
    `ratio API/bare: throughput ${(viaApi.perSecond / bare.perSecond).toFixed(2)}, p50 latency ${(viaApi.p50 / bare.p50).toFixed(2)}x`,
  );
  console.log(
    `bench process (worker + relay; the API runs apart) rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
  // Letters go beside the tickets' work, so some may still be on their way when the timing ends.
  await relay.flush();
  console.log(
    `acknowledgements delivered through the relay by the end: ${lettersDelivered} of ${total + 30}`,
  );
} finally {
  await cleanup.run(log);
}
