import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { registerSearchAttributes, SearchAttributeTypeConflict } from './register-search-attributes';
import { forwardLines, stopProcess, Tail, type Log } from './support';

const READY_TIMEOUT_MS = 60_000;

export class StoppedAtStartup extends Error {}

/** One start of `temporal server start-dev`, ready when its namespace answers. */
export async function launch(cliPath: string, args: string[], address: string, namespace: string, log: Log) {
  // Own process group: Ctrl-C in a terminal must not stop it before the workers that depend on it.
  const child = spawn(cliPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = new Tail();
  // A Go panic's own line comes before a goroutine dump longer than the tail.
  let firstFault: string | undefined;
  const keep = (line: string) => {
    tail.push(line);
    if (/^(panic|fatal error|Error): /.test(line)) firstFault ??= line;
  };
  forwardLines(child.stdout, keep);
  let stopping = false;
  forwardLines(child.stderr, (line) => {
    keep(line);
    // Shutdown chatter (dropped pollers, refused dials) is expected and not worth showing.
    if (!stopping) log(`[temporal] ${line}`);
  });
  let exitReason: string | undefined;
  child.on('error', (error) => (exitReason = error.message));
  // 'close' comes after the last output line, so the fault is known by then.
  child.on('close', (code, signal) => (exitReason ??= signal ?? `exit code ${code}`));
  const onExit = () => child.kill('SIGTERM');
  process.on('exit', onExit);
  const stop = async () => {
    stopping = true;
    process.off('exit', onExit);
    await stopProcess(child);
  };

  try {
    const gone = () => exitReason && [exitReason, firstFault].filter(Boolean).join(': ');
    const connection = await connectWhenReady(address, namespace, gone, tail);
    try {
      await ensureSearchAttributes(connection, namespace, log);
    } finally {
      await connection.close();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid, stop };
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
      throw new StoppedAtStartup(
        `temporal server start-dev stopped before it was ready (${exitReason}):\n${tail}`,
      );
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
