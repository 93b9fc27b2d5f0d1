import { dirname, isAbsolute, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { loadConfig, type Config } from '../lib/config';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * A worker's resident memory with an empty cache (measured: ~385 MiB once polling: Node, tsx, the SDK's native
 * core, the workflow bundle in its V8 context, the database pool) and room for the garbage between collections
 * (docs/deploying.md, worker sizing).
 */
export const WORKER_BASE_BYTES = 450 * MiB;

/**
 * What one cached ticket adds to the worker's resident memory at its peak, heap, native footprint and the
 * garbage its replays leave between collections (measured with 10 000 open tickets moving through a full
 * cache: ~800 KiB; ~512 KiB while the cache still fills, which once sized it and let the worker reach 1.25 GiB
 * of a 1 GiB budget). Without the stack-trace hook a ticket peaked at ~390 KiB, but in a run with the cache sized
 * on 512 KiB the worker spent more CPU per action, its collector busier (docs/deploying.md, worker sizing).
 */
export const CACHED_TICKET_BYTES = 800 * KiB;

/** The SDK's floor for a non-empty cache. */
const MIN_CACHED_TICKETS = 2;

/** What Node loads into each of the worker's threads (`worker/workflow-thread.ts`), built beside the program. */
export const WORKFLOW_THREAD_SETUP = 'workflow-thread.cjs';

/**
 * The Node arguments a worker of this memory starts `program` with. The V8 heap is held to 7/16 of the memory:
 * unlimited, V8 sizes its heap from the machine and collects lazily: offered 3 000 tickets in a minute, a
 * worker sized for 1 GiB reached 1.3 GiB; held to 448 MiB of heap it stayed at 674 MiB and settled the burst
 * 6 % slower. And each workflow thread starts without the SDK's stack-trace promise hook. Both are fixed when
 * Node starts, so whatever starts a worker passes these.
 */
export function workerNodeArgs(memoryBytes: number, program: string): string[] {
  const setup = join(dirname(program), WORKFLOW_THREAD_SETUP);
  return [
    `--max-old-space-size=${Math.floor((memoryBytes * 7) / 16 / MiB)}`,
    // A relative path without ./ would be taken for a package's name.
    ...['--require', isAbsolute(setup) ? setup : `./${setup}`],
  ];
}

/**
 * Whether this process's heap was held as `workerNodeArgs` says, within what V8 adds for its young generation;
 * a worker started by hand with plain `node` or `tsx` keeps V8's own limit.
 */
export function heapHeld(memoryBytes: number, heapSizeLimit: number): boolean {
  return heapSizeLimit <= ((memoryBytes * 7) / 16) * 1.25;
}

/** The Node arguments for `program` started as a worker with `env`, from its WORKER_MEMORY. */
export const workerNodeArgsFor = (env: NodeJS.ProcessEnv, program: string) =>
  workerNodeArgs(loadConfig(env).worker.memoryBytes, program);

/** Whether this process was started with the arguments `workerNodeArgs` gives it. */
export const startedAsWorker = (memoryBytes: number) =>
  heapHeld(memoryBytes, getHeapStatistics().heap_size_limit) &&
  process.execArgv.some((arg) => arg.endsWith(WORKFLOW_THREAD_SETUP));

/** Tickets a worker of this memory keeps cached; the others are replayed from their history when they move. */
export function cachedTicketsFor(memoryBytes: number): number {
  return Math.max(MIN_CACHED_TICKETS, Math.floor((memoryBytes - WORKER_BASE_BYTES) / CACHED_TICKET_BYTES));
}

export type WorkerSettings = Pick<Config['worker'], 'memoryBytes' | 'shutdownGraceMs' | 'stickyTimeoutMs'>;

/** The SDK options that follow from the worker's configuration. */
export function workerSizing({ memoryBytes, shutdownGraceMs, stickyTimeoutMs }: WorkerSettings) {
  return {
    maxCachedWorkflows: cachedTicketsFor(memoryBytes),
    shutdownGraceTime: shutdownGraceMs,
    // A ticket cached on a worker that died waits this long before any worker may take it and replay it.
    stickyQueueScheduleToStartTimeout: stickyTimeoutMs,
  };
}
