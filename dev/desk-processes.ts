import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { withoutTemporalTls } from '../lib/temporal-connection';
import { workerNodeArgsFor } from '../worker/cache-sizing';
import { buildDeskForRun } from './desk-build';
import { migrate } from './migrate';
import { startLocalPostgres } from './postgres';
import { ServiceProcess } from './service-process';
import { Cleanup, freePort, portAnswers, type Log } from './support';
import { startTemporalDevServer } from './temporal-dev-server';
import { temporalCliPath } from './tools';

export interface DeskProcessesOptions {
  /** A directory of its own: the data directories and each process's log go here. */
  dir: string;
  /** Where the mail process's relay delivers the desk's letters (the recipients' mail server). */
  upstreamSmtpUrl: string;
  linkSecret: string;
  workers: number;
  apis: number;
  log: Log;
}

/** PostgreSQL, Temporal on an SQLite file, and the desk's own processes: the mail process, workers and APIs. */
export interface DeskProcesses {
  dir: string;
  databaseUrl: string;
  postgresDataDir: string;
  temporalAddress: string;
  namespace: string;
  temporalSqliteFile: string;
  temporalPid(): number | undefined;
  apiUrls: string[];
  inboundPort: number;
  workers: ServiceProcess[];
  apis: ServiceProcess[];
  mail: ServiceProcess;
  killTemporal(): Promise<void>;
  startTemporal(): Promise<void>;
  /** `pg_ctl stop -m immediate` is a SIGQUIT to the postmaster: no checkpoint, crash recovery at start. */
  stopPostgresImmediately(): Promise<void>;
  startPostgres(): Promise<void>;
  crashes(): number;
  close(): Promise<void>;
}

const NAMESPACE = 'default';

export async function startDeskProcesses(options: DeskProcessesOptions): Promise<DeskProcesses> {
  const cleanup = new Cleanup();
  try {
    return await assemble(options, cleanup);
  } catch (error) {
    await cleanup.run(options.log);
    throw error;
  }
}

async function assemble(options: DeskProcessesOptions, cleanup: Cleanup): Promise<DeskProcesses> {
  const { dir, log } = options;
  const quiet: Log = () => undefined;
  const pgDir = join(dir, 'postgres');
  const pgPort = await freePort();
  const postgresOptions = { dataDir: pgDir, port: pgPort, database: 'ticketflow', log: quiet };
  let postgres = await startLocalPostgres(postgresOptions);
  cleanup.push(() => postgres.stop());
  const databaseUrl = postgres.url;
  await migrate(databaseUrl);

  // Same durability as `npm start`: a SQLite file in WAL mode with synchronous=FULL.
  const temporalPort = await freePort();
  const temporalOptions = {
    cliPath: await temporalCliPath(quiet),
    port: temporalPort,
    dbFile: join(dir, 'temporal.sqlite'),
    namespace: NAMESPACE,
    log: quiet,
  };
  let temporal = await startTemporalDevServer(temporalOptions);
  cleanup.push(() => temporal.stop());

  const ports = await Promise.all(Array.from({ length: 2 + options.apis }, () => freePort()));
  const [relayPort, inboundPort, ...apiPorts] = ports as [number, number, ...number[]];
  const env: NodeJS.ProcessEnv = {
    ...withoutTemporalTls(process.env),
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    LINK_SIGNING_SECRET: options.linkSecret,
    SMTP_URL: `smtp://127.0.0.1:${relayPort}/?pool=true`,
    MAIL_RELAY_ADDRESS: `127.0.0.1:${relayPort}`,
    MAIL_INBOUND_ADDRESS: `127.0.0.1:${inboundPort}`,
    MAIL_UPSTREAM_URL: options.upstreamSmtpUrl,
    MAIL_IMAP_URL: '',
    WORKER_METRICS_ADDRESS: '',
    LOG_LEVEL: 'warn',
  };
  const build = await buildDeskForRun(cleanup);
  const mail = new ServiceProcess('mail', build.mail, env, dir);
  const workers = Array.from(
    { length: options.workers },
    (_, i) =>
      new ServiceProcess(`worker-${i + 1}`, build.worker, env, dir, workerNodeArgsFor(env, build.worker)),
  );
  const apis = apiPorts.map(
    (port, i) => new ServiceProcess(`api-${i + 1}`, build.api, { ...env, API_PORT: String(port) }, dir),
  );
  const all = [mail, ...workers, ...apis];
  cleanup.push(async () => void (await Promise.all(all.map((p) => p.close()))));
  for (const service of all) service.start();
  const apiUrls = apiPorts.map((port) => `http://127.0.0.1:${port}`);
  await Promise.all([
    ...apiUrls.map((url) => waitFor(`${url}/health`, () => healthy(url))),
    waitFor('the mail process', () => portAnswers(inboundPort)),
    waitFor('the outbound relay', () => portAnswers(relayPort)),
  ]);

  return {
    dir,
    databaseUrl,
    postgresDataDir: pgDir,
    temporalAddress: temporal.address,
    namespace: NAMESPACE,
    temporalSqliteFile: temporalOptions.dbFile,
    temporalPid: () => temporal.pid,
    apiUrls,
    inboundPort,
    workers,
    apis,
    mail,
    async killTemporal() {
      if (temporal.pid) process.kill(temporal.pid, 'SIGKILL');
      await waitFor('Temporal to die', async () => !(await portAnswers(temporalPort)));
    },
    async startTemporal() {
      temporal = await startTemporalDevServer(temporalOptions);
    },
    async stopPostgresImmediately() {
      const pid = Number((await readFile(join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      process.kill(pid, 'SIGQUIT');
      await waitFor('PostgreSQL to stop', async () => !(await portAnswers(pgPort)));
    },
    async startPostgres() {
      postgres = await startLocalPostgres(postgresOptions);
    },
    crashes: () => all.reduce((sum, p) => sum + p.crashes, 0),
    close: () => cleanup.run(log),
  };
}

/** Whether an API process answers its health check. */
export async function healthy(apiUrl: string): Promise<boolean> {
  const response = await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(2_000) }).catch(
    () => undefined,
  );
  await response?.arrayBuffer();
  return response?.status === 200;
}

/** Bounded: a process that never comes up fails the run instead of hanging it. */
export async function waitFor(what: string, ok: () => Promise<boolean>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000}s`);
    await sleep(250);
  }
}
