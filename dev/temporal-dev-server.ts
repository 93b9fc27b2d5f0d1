import { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { allTicketSearchAttributes } from '../workflows/search-attributes';
import { portAnswers, run, type Log } from './support';
import { launch, StoppedAtStartup } from './temporal-dev-process';

const cliTypeNames: Record<SearchAttributeType, string> = {
  KEYWORD: 'Keyword',
  TEXT: 'Text',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

const START_ATTEMPTS = 3;

// WAL with synchronous=FULL fsyncs every commit, so an acknowledged workflow step survives a power cut.
// Measured here: ~8 ms per sequential start+signal vs ~4-6 ms with NORMAL, and the same ~250/s when concurrent.
const DURABLE_SQLITE = ['--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=FULL'];

// A change's projection is an activity the change's own workflow task schedules; eager dispatch hands it back to
// that worker in the task's answer instead of through matching. The server ships with it off. Measured here
// (`npm run bench -- reads`, two runs each, taking turns): the server's CPU per action 25-27 ms against 32-33.
const EAGER_ACTIVITIES = ['--dynamic-config-value', 'system.enableActivityEagerExecution=true'];

async function assertPortsFree(port: number, uiPort: number | undefined): Promise<void> {
  if (await portAnswers(port)) {
    const isTemporal = await Connection.connect({ address: `127.0.0.1:${port}`, connectTimeout: 2_000 }).then(
      async (connection) => {
        await connection.close();
        return true;
      },
      () => false,
    );
    throw new Error(
      isTemporal
        ? `a Temporal server is already listening on 127.0.0.1:${port} (left over from an earlier run?): stop it, or set TEMPORAL_PORT`
        : `port ${port} is taken by another program: free it, or set TEMPORAL_PORT`,
    );
  }
  if (uiPort !== undefined && (await portAnswers(uiPort))) {
    throw new Error(`port ${uiPort} for the Temporal UI is taken: free it, or set TEMPORAL_UI_PORT`);
  }
}

export async function startTemporalDevServer(opts: {
  cliPath: string;
  port: number;
  uiPort?: number;
  dbFile?: string;
  namespace: string;
  log: Log;
}): Promise<{ address: string; uiUrl?: string; pid: number | undefined; stop(): Promise<void> }> {
  const { cliPath, port, uiPort, dbFile, namespace, log } = opts;
  await assertPortsFree(port, uiPort);
  const address = `127.0.0.1:${port}`;
  const args = [
    ...['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port)],
    ...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]),
    ...(dbFile ? ['--db-filename', dbFile, ...DURABLE_SQLITE] : []),
    ...(namespace === 'default' ? [] : ['--namespace', namespace]),
    ...EAGER_ACTIVITIES,
    ...allTicketSearchAttributes.flatMap(({ name, type }) => [
      '--search-attribute',
      `${name}=${cliTypeNames[type]}`,
    ]),
  ];
  // CLIs older than 1.6 (e.g. the one built by the Go fallback) lack this flag.
  if ((await run(cliPath, ['server', 'start-dev', '--help'])).includes('--ui-disable-news-fetch')) {
    args.push('--ui-disable-news-fetch');
  }

  // start-dev picks its internal services' ports itself, frees them and binds them moments later, so another
  // program starting alongside can take one in between; the server then dies at startup, and a fresh start
  // picks other ports. Seen once in CI in some thirty runs of the suite.
  for (let attempt = 1; ; attempt++) {
    log(`starting Temporal dev server on ${address}${dbFile ? ` with ${dbFile}` : ' (in memory)'}`);
    try {
      const { pid, stop } = await launch(cliPath, args, address, namespace, log);
      const uiUrl = uiPort === undefined ? undefined : `http://127.0.0.1:${uiPort}`;
      // The pid lets a fault-injection run kill the server the hard way (chaos/).
      return { address, uiUrl, pid, stop };
    } catch (error) {
      if (!(error instanceof StoppedAtStartup) || attempt === START_ATTEMPTS) throw error;
      log(`${error.message.split('\n')[0]}; starting it again`);
    }
  }
}
