import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { allTicketSearchAttributes } from '../workflows/search-attributes';
import { registerSearchAttributes, SearchAttributeTypeConflict } from './register-search-attributes';
import { forwardLines, portAnswers, run, stopProcess, Tail, type Log } from './support';

const cliTypeNames: Record<SearchAttributeType, string> = {
  KEYWORD: 'Keyword',
  TEXT: 'Text',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

const READY_TIMEOUT_MS = 60_000;

// WAL with synchronous=FULL fsyncs every commit, so an acknowledged workflow step survives a power cut.
// Measured here: ~8 ms per sequential start+signal vs ~4-6 ms with NORMAL, and the same ~250/s when concurrent.
const DURABLE_SQLITE = ['--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=FULL'];

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

/** A persisted database keeps the attributes of the run that created it, and `--search-attribute` adds none later. */
async function ensureSearchAttributes(connection: Connection, namespace: string, log: Log): Promise<void> {
  try {
    const added = await registerSearchAttributes(connection, namespace);
    if (added.length > 0) log(`registered search attributes ${added.join(', ')}`);
  } catch (error) {
    if (!(error instanceof SearchAttributeTypeConflict)) throw error;
    throw new Error(
      `${error.message}: delete the Temporal database file (or use a fresh TICKETFLOW_DATA_DIR) to start over`,
    );
  }
}

/** Ready means the namespace answers, not just the port: start-dev opens the port before namespaces exist. */
async function connectWhenReady(
  address: string,
  namespace: string,
  gone: () => string | undefined,
  tail: Tail,
) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const exitReason = gone();
    if (exitReason)
      throw new Error(`temporal server start-dev stopped before it was ready (${exitReason}):\n${tail}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.operatorService.listSearchAttributes({ namespace }).catch(async (error: unknown) => {
        await connection.close();
        throw error;
      });
      return connection;
    } catch (error) {
      if (Date.now() > deadline) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(
          `Temporal dev server on ${address} not ready after ${READY_TIMEOUT_MS / 1000}s (${message}):\n${tail}`,
        );
      }
      await sleep(250);
    }
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
    ...allTicketSearchAttributes.flatMap(({ name, type }) => [
      '--search-attribute',
      `${name}=${cliTypeNames[type]}`,
    ]),
  ];
  // CLIs older than 1.6 (e.g. the one built by the Go fallback) lack this flag.
  if ((await run(cliPath, ['server', 'start-dev', '--help'])).includes('--ui-disable-news-fetch')) {
    args.push('--ui-disable-news-fetch');
  }

  log(`starting Temporal dev server on ${address}${dbFile ? ` with ${dbFile}` : ' (in memory)'}`);
  // Own process group: Ctrl-C in a terminal must not stop it before the workers that depend on it.
  const child = spawn(cliPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = new Tail();
  forwardLines(child.stdout, tail.push);
  let stopping = false;
  forwardLines(child.stderr, (line) => {
    tail.push(line);
    // Shutdown chatter (dropped pollers, refused dials) is expected and not worth showing.
    if (!stopping) log(`[temporal] ${line}`);
  });
  let exitReason: string | undefined;
  child.on('error', (error) => (exitReason = error.message));
  child.on('exit', (code, signal) => (exitReason ??= signal ?? `exit code ${code}`));
  const onExit = () => child.kill('SIGTERM');
  process.on('exit', onExit);
  const stop = async () => {
    stopping = true;
    process.off('exit', onExit);
    await stopProcess(child);
  };

  try {
    const connection = await connectWhenReady(address, namespace, () => exitReason, tail);
    try {
      await ensureSearchAttributes(connection, namespace, log);
    } finally {
      await connection.close();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const uiUrl = uiPort === undefined ? undefined : `http://127.0.0.1:${uiPort}`;
  // The pid lets a fault-injection run kill the server the hard way (chaos/).
  return { address, uiUrl, pid: child.pid, stop };
}
