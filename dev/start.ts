import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../lib/config';
import { createDb } from '../lib/db';
import { formatDemoTokens, seedDemoDesk } from './demo-desk';
import { buildDeskForRun, programArgs, type DeskProgram } from './desk-build';
import { migrate } from './migrate';
import { startLocalPostgres } from './postgres';
import { Cleanup, forwardLines, projectRoot, type Log } from './support';
import { supervise } from './supervisor';
import { startTemporalDevServer } from './temporal-dev-server';
import { temporalCliPath } from './tools';
import { devLinkSecret } from './link-secret';
import { startMailCatcher } from '../mail/mail-catcher';
import { withoutTemporalTls } from '../lib/temporal-connection';
import { workerNodeArgsFor } from '../worker/cache-sizing';

const STEPS = 6;
const HEALTH_TIMEOUT_MS = 120_000;

const log: Log = (line) => console.log(line);
const detail: Log = (line) => console.log(`      ${line}`);
const cleanup = new Cleanup();
let shuttingDown = false;

function step(n: number, title: string): void {
  // A Ctrl-C mid-start leaves whatever is starting to the exit hooks of postgres.ts and temporal-dev-server.ts.
  if (shuttingDown) throw new Error('interrupted');
  log(`[${n}/${STEPS}] ${title}`);
}

async function shutdown(code: number, reason: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log(reason);
  await cleanup.run(log);
  log('stopped');
  process.exit(code);
}

function startChild(name: DeskProgram, program: string, env: NodeJS.ProcessEnv): ChildProcess {
  const nodeArgs = name === 'worker' ? workerNodeArgsFor(env, program) : [];
  const child = spawn(process.execPath, programArgs(program, nodeArgs), {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  forwardLines(child.stdout, (line) => console.log(`[${name}] ${line}`));
  forwardLines(child.stderr, (line) => console.error(`[${name}] ${line}`));
  return child;
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline && !shuttingDown) {
    const status = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      async (response) => (await response.arrayBuffer(), response.status),
      () => 0,
    );
    if (status === 200) return;
    await sleep(500);
  }
  throw new Error(`the API did not answer GET ${url} with 200 within ${HEALTH_TIMEOUT_MS / 1000}s`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const dataDir = resolve(projectRoot, config.dev.dataDir);

  step(1, 'Temporal CLI');
  const cliPath = await temporalCliPath(detail);
  detail(cliPath);

  step(2, 'PostgreSQL');
  let databaseUrl = config.databaseUrl;
  if (databaseUrl) {
    detail('using DATABASE_URL');
  } else {
    const postgres = await startLocalPostgres({
      dataDir: join(dataDir, 'postgres'),
      port: config.dev.pgPort,
      database: 'ticketflow',
      log: detail,
    });
    cleanup.push(postgres.stop);
    databaseUrl = postgres.url;
    detail(databaseUrl);
  }

  step(3, 'Database migrations and the demo desk');
  const applied = await migrate(databaseUrl);
  detail(applied.length ? `applied ${applied.join(', ')}` : 'already up to date');
  const demoDb = createDb(databaseUrl, { max: 1 });
  const demoTokens = await seedDemoDesk(demoDb).finally(() => demoDb.destroy());
  detail(`demo desk: ${demoTokens.length} people of every role, a fresh token each`);

  step(4, 'Temporal dev server');
  const temporal = await startTemporalDevServer({
    cliPath,
    port: config.dev.temporalPort,
    uiPort: config.dev.temporalUiPort,
    dbFile: join(dataDir, 'temporal.sqlite'),
    namespace: config.temporal.namespace,
    log: detail,
  });
  cleanup.push(temporal.stop);

  step(5, 'Mail catcher');
  const { smtpPort, webPort } = config.dev.mailCatcher;
  const catcher = await startMailCatcher({ host: '127.0.0.1', smtpPort, webPort });
  cleanup.push(catcher.close);
  detail(`SMTP on 127.0.0.1:${smtpPort}; what the desk sends shows at http://127.0.0.1:${webPort}`);

  step(6, 'Worker, API and mail (outbound relay, inbound listener)');
  const env = {
    ...withoutTemporalTls(process.env),
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    LINK_SIGNING_SECRET: config.mail.linkSecret ?? (await devLinkSecret(dataDir)),
    MAIL_UPSTREAM_URL: process.env.MAIL_UPSTREAM_URL ?? `smtp://127.0.0.1:${smtpPort}`,
  };
  // Built once for this start: a piece that dies is started again from that build; the desk stops only when
  // asked to.
  const build = await buildDeskForRun(cleanup);
  const pieces = (['worker', 'api', 'mail'] as const).map((name) =>
    supervise({
      name,
      start: () => startChild(name, build[name], env),
      log: (line) => log(`[supervisor] ${line}`),
    }),
  );
  cleanup.push(async () => void (await Promise.all(pieces.map((piece) => piece.stop()))));
  const { host, port } = config.api;
  const probeHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  await waitForHealth(`http://${probeHost}:${port}/health`);
  if (shuttingDown) return;
  log(
    [
      '\nticketflow is up',
      `  API           http://${host}:${port}`,
      `  Temporal UI   ${temporal.uiUrl}`,
      `  Mail catcher  http://127.0.0.1:${webPort}  (letters the desk sent)`,
      `  Mail in       smtp://${config.mail.inboundAddress ?? 'off'}  (see docs/mail.md: sending a test e-mail)`,
      'Ctrl-C stops it.',
    ].join('\n'),
  );
  log(`\n${formatDemoTokens(demoTokens)}`);
}

process.on('SIGINT', () => void shutdown(0, 'stopping ...'));
process.on('SIGTERM', () => void shutdown(0, 'stopping ...'));
main().catch((error: unknown) =>
  shutdown(1, `start failed: ${error instanceof Error ? error.message : String(error)}`),
);
