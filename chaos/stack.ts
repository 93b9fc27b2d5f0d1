import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalPostgres } from '../dev/postgres';
import { Cleanup, freePort, portAnswers, type Log } from '../dev/support';
import { startTemporalDevServer } from '../dev/temporal-dev-server';
import { temporalCliPath } from '../dev/tools';
import { startMailCatcher, type MailCatcher } from '../mail/mail-catcher';
import { migrate } from '../dev/migrate';
import { ServiceProcess } from './service-process';
import { withoutTemporalTls } from '../lib/temporal-connection';

const NAMESPACE = 'default';
const LINK_SECRET = 'chaos-link-secret-0123456789abcdefghijklmnop';

export interface Stack {
  /** The temporary directory with the data directories and each process's log. */
  dir: string;
  databaseUrl: string;
  temporalAddress: string;
  apiUrls: string[];
  inboundPort: number;
  /** The recipients' mailboxes: outlives the mail process, so nothing it delivered is forgotten. */
  catcher: MailCatcher;
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

/** PostgreSQL, Temporal (on an SQLite file), a catcher, the mail process, two workers and two APIs. */
export async function startStack(dir: string, log: Log): Promise<Stack> {
  const cleanup = new Cleanup();
  try {
    return await assemble(dir, log, cleanup);
  } catch (error) {
    await cleanup.run(log);
    throw error;
  }
}

async function assemble(dir: string, log: Log, cleanup: Cleanup): Promise<Stack> {
  const quiet: Log = () => undefined;
  const pgDir = join(dir, 'postgres');
  const pgPort = await freePort();
  const postgresOptions = { dataDir: pgDir, port: pgPort, database: 'ticketflow', log: quiet };
  let postgres = await startLocalPostgres(postgresOptions);
  cleanup.push(() => postgres.stop());
  const databaseUrl = postgres.url;
  await migrate(databaseUrl);

  const cliPath = await temporalCliPath(quiet);
  const temporalPort = await freePort();
  const temporalOptions = {
    cliPath,
    port: temporalPort,
    dbFile: join(dir, 'temporal.sqlite'),
    namespace: NAMESPACE,
    log: quiet,
  };
  let temporal = await startTemporalDevServer(temporalOptions);
  cleanup.push(() => temporal.stop());

  const catcher = await startMailCatcher({ host: '127.0.0.1', smtpPort: 0, keep: 1_000_000 });
  cleanup.push(catcher.close);

  const [relayPort, inboundPort, ...apiPorts] = await Promise.all([1, 2, 3, 4].map(() => freePort()));
  const env: NodeJS.ProcessEnv = {
    ...withoutTemporalTls(process.env),
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    LINK_SIGNING_SECRET: LINK_SECRET,
    SMTP_URL: `smtp://127.0.0.1:${relayPort}/?pool=true`,
    MAIL_RELAY_ADDRESS: `127.0.0.1:${relayPort}`,
    MAIL_INBOUND_ADDRESS: `127.0.0.1:${inboundPort}`,
    MAIL_UPSTREAM_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
    MAIL_IMAP_URL: '',
    WORKER_METRICS_ADDRESS: '',
    LOG_LEVEL: 'warn',
  };
  const mail = new ServiceProcess('mail', 'mail/main.ts', env, dir);
  const workers = [1, 2].map((n) => new ServiceProcess(`worker-${n}`, 'worker/main.ts', env, dir));
  const apis = apiPorts.map(
    (port, i) => new ServiceProcess(`api-${i + 1}`, 'api/main.ts', { ...env, API_PORT: String(port) }, dir),
  );
  const all = [mail, ...workers, ...apis];
  cleanup.push(async () => void (await Promise.all(all.map((p) => p.stop()))));
  for (const service of all) service.start();
  const apiUrls = apiPorts.map((port) => `http://127.0.0.1:${port}`);
  await Promise.all([
    ...apiUrls.map((url) => waitFor(`${url}/health`, () => healthy(`${url}/health`))),
    waitFor('the mail process', () => portAnswers(inboundPort!)),
    waitFor('the outbound relay', () => portAnswers(relayPort!)),
  ]);

  return {
    dir,
    databaseUrl,
    temporalAddress: temporal.address,
    apiUrls,
    inboundPort: inboundPort!,
    catcher,
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

async function healthy(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
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
