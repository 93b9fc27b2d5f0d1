import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ConfigError, loadConfig } from '../lib/config';
import { createDb } from '../lib/db';
import {
  CACHED_TICKET_BYTES,
  cachedTicketsFor,
  WORKER_BASE_BYTES,
  heapHeld,
  workerNodeArgs,
  workerNodeArgsFor,
} from '../worker/cache-sizing';
import { createTicketWorker } from '../worker/create-worker';
import { testMailSettings } from './support/mail';
import { workflowBundle } from './support/ticket-stack';

const MiB = 2 ** 20;

describe('the worker cache sized from WORKER_MEMORY', () => {
  it('keeps what is left after the base, one place per cached ticket', () => {
    expect(cachedTicketsFor(1024 * MiB)).toBe(
      Math.floor((1024 * MiB - WORKER_BASE_BYTES) / CACHED_TICKET_BYTES),
    );
    expect(cachedTicketsFor(1024 * MiB)).toBe(734);
    expect(cachedTicketsFor(768 * MiB)).toBe(407);
    expect(cachedTicketsFor(512 * MiB)).toBe(79);
    expect(cachedTicketsFor(4096 * MiB)).toBe(4666);
  });

  it('holds the V8 heap to 7/16 of the memory and loads the workflow thread setup, wherever a worker starts', async () => {
    expect(workerNodeArgs(1024 * MiB, 'dist/worker.mjs')).toEqual([
      '--max-old-space-size=448',
      ...['--require', './dist/workflow-thread.cjs'],
    ]);
    expect(workerNodeArgs(4096 * MiB, '/opt/run/worker.mjs')).toEqual([
      '--max-old-space-size=1792',
      ...['--require', '/opt/run/workflow-thread.cjs'],
    ]);
    const unit = await readFile('deploy/systemd/ticketflow-worker@.service', 'utf8');
    const memory = /^Environment=WORKER_MEMORY=(\S+)$/m.exec(unit)?.[1];
    const execStart = /^ExecStart=\/usr\/bin\/node (.*)$/m.exec(unit)?.[1] ?? '';
    const { scripts } = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: { worker: string } };
    for (const command of [execStart, scripts.worker.replace(/^node /, '')]) {
      const args = command.split(' ');
      const expected = workerNodeArgsFor({ WORKER_MEMORY: memory }, args.at(-1)!).join(' ');
      expect(args.slice(0, -1).join(' ')).toContain(expected);
    }
  });

  it('tells a Node started with those arguments from one left to V8’s own heap limit', () => {
    const heapLimit = (args: string[]) =>
      Number(
        execFileSync(process.execPath, [
          ...args,
          '-e',
          'process.stdout.write(String(require("node:v8").getHeapStatistics().heap_size_limit))',
        ]),
      );
    const built = inject('deskBuild').worker;
    expect(heapHeld(1024 * MiB, heapLimit(workerNodeArgs(1024 * MiB, built)))).toBe(true);
    expect(heapHeld(1024 * MiB, heapLimit(['--max-old-space-size=4096']))).toBe(false);
  });

  it('reads sizes in MiB or GiB, 1GiB unless set, and refuses less than 512MiB naming the variable', () => {
    expect(loadConfig({}).worker.memoryBytes).toBe(1024 * MiB);
    expect(loadConfig({ WORKER_MEMORY: '768MiB' }).worker.memoryBytes).toBe(768 * MiB);
    expect(loadConfig({ WORKER_MEMORY: '2GiB' }).worker.memoryBytes).toBe(2048 * MiB);
    expect(() => loadConfig({ WORKER_MEMORY: '256MiB' })).toThrow(/WORKER_MEMORY: at least 512MiB/);
    expect(() => loadConfig({ WORKER_MEMORY: '1G' })).toThrow(ConfigError);
    expect(() => loadConfig({ WORKER_MEMORY: '1G' })).toThrow(/WORKER_MEMORY: a size such as 768MiB or 2GiB/);
  });

  it('reads the shutdown grace and the sticky timeout as durations, 10s and 1s unless set', () => {
    expect(loadConfig({}).worker).toMatchObject({ shutdownGraceMs: 10_000, stickyTimeoutMs: 1_000 });
    const set = loadConfig({ WORKER_SHUTDOWN_GRACE: '30s', WORKER_STICKY_TIMEOUT: '500ms' }).worker;
    expect(set).toMatchObject({ shutdownGraceMs: 30_000, stickyTimeoutMs: 500 });
    expect(() => loadConfig({ WORKER_STICKY_TIMEOUT: '0s' })).toThrow(/WORKER_STICKY_TIMEOUT/);
    expect(() => loadConfig({ WORKER_SHUTDOWN_GRACE: 'soon' })).toThrow(/WORKER_SHUTDOWN_GRACE/);
  });
});

describe('a ticket worker', () => {
  const db = createDb(inject('databaseUrl'));
  afterAll(() => db.destroy());

  it('runs with the cache, grace and sticky timeout its configuration gives', async () => {
    const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
    try {
      const config = loadConfig({
        WORKER_MEMORY: '768MiB',
        WORKER_SHUTDOWN_GRACE: '7s',
        WORKER_STICKY_TIMEOUT: '2s',
      });
      const worker = await createTicketWorker({
        connection,
        db,
        defaultPolicyId: 'customer-support-sop',
        mail: testMailSettings(),
        namespace: 'default',
        taskQueue: 'worker-cache-sizing',
        settings: config.worker,
        workflowBundle: workflowBundle(),
      });
      // Run and stopped at once: a created worker holds its connection until it has run.
      await worker.runUntil(async () =>
        expect(worker.options).toMatchObject({
          maxCachedWorkflows: 407,
          shutdownGraceTimeMs: 7_000,
          stickyQueueScheduleToStartTimeoutMs: 2_000,
        }),
      );
    } finally {
      await connection.close();
    }
  });
});
