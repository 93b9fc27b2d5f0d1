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
 * of a 1 GiB budget).
 */
export const CACHED_TICKET_BYTES = 800 * KiB;

/** The SDK's floor for a non-empty cache. */
const MIN_CACHED_TICKETS = 2;

/**
 * The Node arguments a worker of this memory starts with: the V8 heap held to 7/16 of it. Unlimited, V8 sizes
 * its heap from the machine and collects lazily: offered 3 000 tickets in a minute, a worker sized for 1 GiB
 * reached 1.3 GiB; held to 448 MiB of heap it stayed at 674 MiB and settled the burst 6 % slower. The heap is
 * fixed when Node starts, so whatever starts a worker passes these.
 */
export function workerNodeArgs(memoryBytes: number): string[] {
  return [`--max-old-space-size=${Math.floor((memoryBytes * 7) / 16 / MiB)}`];
}

/**
 * Whether this process's heap was held as `workerNodeArgs` says, within what V8 adds for its young generation;
 * a worker started by hand with plain `node` or `tsx` keeps V8's own limit.
 */
export function heapHeld(memoryBytes: number, heapSizeLimit: number): boolean {
  return heapSizeLimit <= ((memoryBytes * 7) / 16) * 1.25;
}

/** The Node arguments for a worker started with `env`, from its WORKER_MEMORY. */
export const workerNodeArgsFor = (env: NodeJS.ProcessEnv) =>
  workerNodeArgs(loadConfig(env).worker.memoryBytes);

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
