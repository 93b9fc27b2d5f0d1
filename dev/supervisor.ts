import type { ChildProcess } from 'node:child_process';
import { stopProcess, type Log } from './support';

export interface SuperviseOptions {
  name: string;
  /** Spawns the piece; called again for every restart. */
  start: () => ChildProcess;
  log: Log;
  /** Wait before the n-th restart in a row (n from 1). */
  backoffMs?: (restart: number) => number;
  /** A piece that ran this long before it died starts its back-off afresh. */
  stableAfterMs?: number;
}

export interface Supervised {
  /** The running child (the newest one after a restart). */
  readonly child: ChildProcess;
  /** Restarts so far, for the log and tests. */
  readonly restarts: number;
  /** Stops the child and restarts it no more. */
  stop(): Promise<void>;
}

const defaultBackoff = (restart: number) => Math.min(1_000 * 2 ** (restart - 1), 30_000);

/**
 * Keeps one piece of `npm start` running: when it dies (a crash, a kill -9) it is started again after a
 * growing pause, and the log says so, so the desk never stops because one piece fell.
 */
export function supervise(options: SuperviseOptions): Supervised {
  const { name, log, backoffMs = defaultBackoff, stableAfterMs = 60_000 } = options;
  let stopping = false;
  let inARow = 0;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;
  let child: ChildProcess;

  function launch(): void {
    const startedAt = performance.now();
    child = options.start();
    let ended = false;
    const onEnd = (how: string) => {
      if (ended || stopping) return;
      ended = true;
      inARow = performance.now() - startedAt >= stableAfterMs ? 1 : inARow + 1;
      const delay = backoffMs(inARow);
      log(`${name} ${how}: restarting it in ${delay} ms (restart ${restarts + 1})`);
      timer = setTimeout(() => {
        timer = undefined;
        if (stopping) return;
        restarts += 1;
        launch();
      }, delay);
    };
    child.once('exit', (code, signal) => onEnd(`exited (${signal ?? `exit code ${code}`})`));
    child.once('error', (error) => onEnd(`could not run (${error.message})`));
  }

  launch();
  return {
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      if (child.pid !== undefined) await stopProcess(child);
    },
  };
}
