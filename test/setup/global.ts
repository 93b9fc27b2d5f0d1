import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../lib/config';
import { buildDesk, buildDeskForRun } from '../../dev/desk-build';
import { migrate } from '../../dev/migrate';
import { dropDatabase, ensureDatabase } from '../../dev/databases';
import { startLocalPostgresOnFreePort } from '../../dev/postgres';
import { Cleanup, freePorts, projectRoot, type Log } from '../../dev/support';
import { startTemporalDevServer } from '../../dev/temporal-dev-server';
import { temporalCliPath, temporalTestServerPath } from '../../dev/tools';
import { startMailCatcher } from '../../mail/mail-catcher';
import { launchSharedBrowser } from './shared-browser';
import { bundleWorkflowsOnce } from './workflow-bundle';

const log: Log = (line) => console.log(`[test setup] ${line}`);
type Config = ReturnType<typeof loadConfig>;

/**
 * Real PostgreSQL and a real Temporal server, fresh for every run, so tests never see another run's data.
 * Nothing here waits on anything else, so all of it starts at once: no test file starts before the last.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  const cleanup = new Cleanup();
  // Taken together, so that servers starting side by side are never given the same port.
  const [postgresPort, temporalPort, temporalUiPort] = (await freePorts(3)) as [number, number, number];
  const started = await Promise.allSettled([
    postgres(config, postgresPort, cleanup).then((url) => project.provide('databaseUrl', url)),
    temporal(config, temporalPort, temporalUiPort, cleanup).then(({ address, uiUrl, cliPath }) => {
      project.provide('temporalCliPath', cliPath);
      project.provide('temporalAddress', address);
      project.provide('temporalUiUrl', uiUrl);
    }),
    temporalTestServerPath(log).then((path) => project.provide('temporalTestServerPath', path)),
    startMailCatcher({ host: '127.0.0.1', smtpPort: 0, keep: 50 }).then((catcher) => {
      cleanup.push(catcher.close);
      project.provide('smtpUrl', `smtp://127.0.0.1:${catcher.smtpPort}`);
    }),
    launchSharedBrowser(cleanup).then((endpoint) => project.provide('browserWsEndpoint', endpoint)),
    bundleWorkflowsOnce(project, cleanup).then((path) => project.provide('workflowBundlePath', path)),
    buildDeskForRun(cleanup).then((build) => {
      project.provide('deskBuild', build);
      // The processes a watch-mode rerun starts run the code as edited.
      project.onTestsRerun(async () => void (await buildDesk(dirname(build.worker))));
    }),
  ]);
  const failed = started.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    await cleanup.run(log);
    throw failed.reason;
  }
  return () => cleanup.run(log);
}

/** The run's own cluster in `.data/`, or a database of its own on the server `DATABASE_URL` names. */
async function postgres(config: Config, port: number, cleanup: Cleanup): Promise<string> {
  const database = `ticketflow_test_${process.pid}`;
  let databaseUrl: string;
  if (config.databaseUrl) {
    const serverUrl = config.databaseUrl;
    databaseUrl = await ensureDatabase(serverUrl, database);
    cleanup.push(() => dropDatabase(serverUrl, database));
  } else {
    const dataDir = join(resolve(projectRoot, config.dev.dataDir), `test-${process.pid}`);
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const cluster = await startLocalPostgresOnFreePort({
      dataDir: join(dataDir, 'postgres'),
      port,
      database,
      log,
      ephemeral: true,
    });
    cleanup.push(cluster.stop);
    databaseUrl = cluster.url;
  }
  await migrate(databaseUrl);
  return databaseUrl;
}

async function temporal(config: Config, port: number, uiPort: number, cleanup: Cleanup) {
  const cliPath = await temporalCliPath(log);
  const server = await startTemporalDevServer({
    cliPath,
    port,
    // The browser tests look tickets up in the Temporal UI, as a manager would.
    uiPort,
    namespace: config.temporal.namespace,
    log,
  });
  cleanup.push(server.stop);
  return { address: server.address, uiUrl: server.uiUrl!, cliPath };
}
