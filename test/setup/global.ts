import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../lib/config';
import { migrate } from '../../dev/migrate';
import { dropDatabase, ensureDatabase } from '../../dev/databases';
import { startLocalPostgres } from '../../dev/postgres';
import { Cleanup, freePort, projectRoot, type Log } from '../../dev/support';
import { startTemporalDevServer } from '../../dev/temporal-dev-server';
import { temporalCliPath, temporalTestServerPath } from '../../dev/tools';
import { startMailCatcher } from '../../mail/mail-catcher';
import { bundleWorkflowsOnce } from './workflow-bundle';

const log: Log = (line) => console.log(`[test setup] ${line}`);

/** Real PostgreSQL and a real Temporal server, fresh for every run, so tests never see another run's data. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  const cleanup = new Cleanup();
  try {
    const cliPath = await temporalCliPath(log);
    project.provide('temporalCliPath', cliPath);
    project.provide('temporalTestServerPath', await temporalTestServerPath(log));

    const database = `ticketflow_test_${process.pid}`;
    let databaseUrl: string;
    if (config.databaseUrl) {
      const serverUrl = config.databaseUrl;
      databaseUrl = await ensureDatabase(serverUrl, database);
      cleanup.push(() => dropDatabase(serverUrl, database));
    } else {
      const dataDir = join(resolve(projectRoot, config.dev.dataDir), `test-${process.pid}`);
      cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
      const postgres = await startLocalPostgres({
        dataDir: join(dataDir, 'postgres'),
        port: await freePort(),
        database,
        log,
        ephemeral: true,
      });
      cleanup.push(postgres.stop);
      databaseUrl = postgres.url;
    }
    await migrate(databaseUrl);
    project.provide('databaseUrl', databaseUrl);

    const temporal = await startTemporalDevServer({
      cliPath,
      port: await freePort(),
      // The browser tests look tickets up in the Temporal UI, as a manager would.
      uiPort: await freePort(),
      namespace: config.temporal.namespace,
      log,
    });
    cleanup.push(temporal.stop);
    project.provide('temporalAddress', temporal.address);
    project.provide('temporalUiUrl', temporal.uiUrl!);

    const catcher = await startMailCatcher({ host: '127.0.0.1', smtpPort: 0, keep: 50 });
    cleanup.push(catcher.close);
    project.provide('smtpUrl', `smtp://127.0.0.1:${catcher.smtpPort}`);

    project.provide('workflowBundlePath', await bundleWorkflowsOnce(project, cleanup));
  } catch (error) {
    await cleanup.run(log);
    throw error;
  }
  return () => cleanup.run(log);
}
