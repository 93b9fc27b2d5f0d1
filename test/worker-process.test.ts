import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, inject, it, vi } from 'vitest';
import { ticketIntakeSchema } from '../api/tickets/intake-schema';
import type { DeskContext } from '../desk/context';
import { openTicket } from '../desk/tickets/intake';
import { programArgs } from '../dev/desk-build';
import { projectRoot } from '../dev/support';
import { createDb } from '../lib/db';
import { withoutTemporalTls } from '../lib/temporal-connection';
import { workerNodeArgs } from '../worker/cache-sizing';
import { workflowSourceKey } from '../worker/workflow-bundle';
import { validIntake } from './support/intake';
import { testLinkSecret } from './support/mail';
import { seedDesk } from './support/people';

const MiB = 2 ** 20;
const db = createDb(inject('databaseUrl'));
afterAll(() => db.destroy());

const taskQueue = `worker-process-${randomUUID()}`;
let bundleDir: string | undefined;
let worker: ChildProcessByStdio<null, Readable, Readable> | undefined;
let exited: Promise<unknown[]>;
let output = '';
let connection: Connection | undefined;
let ticketNumber: string;

/** A worker process started from the run's build as `npm start`, the bench and the systemd unit start it. */
beforeAll(async () => {
  // The run's bundle, where the worker looks for it, so that the process loads it instead of bundling.
  bundleDir = await mkdtemp(join(tmpdir(), 'ticketflow-bundles-'));
  await copyFile(inject('workflowBundlePath'), join(bundleDir, `workflows-${await workflowSourceKey()}.js`));
  const program = inject('deskBuild').worker;
  const started = spawn(process.execPath, programArgs(program, workerNodeArgs(1024 * MiB, program)), {
    cwd: projectRoot,
    env: {
      ...withoutTemporalTls(process.env),
      DATABASE_URL: inject('databaseUrl'),
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TICKETFLOW_TASK_QUEUE: taskQueue,
      LINK_SIGNING_SECRET: testLinkSecret,
      SMTP_URL: `${inject('smtpUrl')}/?pool=true`,
      WORKER_METRICS_ADDRESS: '',
      WORKER_BUNDLE_DIR: bundleDir,
      WORKER_MEMORY: '1GiB',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker = started;
  started.stdout.on('data', (chunk) => (output += chunk));
  started.stderr.on('data', (chunk) => (output += chunk));
  exited = once(started, 'exit');
  connection = await Connection.connect({ address: inject('temporalAddress') });
  await vi.waitFor(() => expect(output).toContain('worker polling'), { timeout: 90_000, interval: 200 });
  await seedDesk(db);
  const ctx: DeskContext = {
    client: new Client({ connection }),
    db,
    taskQueue,
    updateDeadlineMs: 30_000,
    historyLimit: 10_000,
    linkSecret: testLinkSecret,
    temporalUi: { url: 'http://127.0.0.1', namespace: 'default' },
  };
  const { ticket } = await openTicket(ctx, ticketIntakeSchema.parse(validIntake()));
  ticketNumber = ticket!.number;
}, 150_000);

// Whatever the tests got to: a start that failed half-way leaves only some of these.
afterAll(async () => {
  worker?.kill('SIGKILL');
  await connection?.close();
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

it('starts with its Node arguments and runs workflow threads without the stack-trace promise hook', async () => {
  expect(output).not.toContain('start the worker with these Node arguments');
  // The hook is what would answer this query; the Temporal UI's "Stack Trace" tab asks it.
  await expect(
    new Client({ connection: connection! }).workflow.getHandle(ticketNumber).query('__stack_trace'),
  ).rejects.toThrow(/stack traces are not enabled/);
});

it('on SIGTERM closes its pooled SMTP connection, Temporal and PostgreSQL, and exits 0', async () => {
  // The acknowledgement went through the pool, whose idle connection would hold the process for a minute.
  await vi.waitFor(
    async () =>
      expect(await db('outbox').where({ ticket_number: ticketNumber }).whereNotNull('sent_at')).not.toEqual(
        [],
      ),
    { timeout: 30_000, interval: 200 },
  );
  worker!.kill('SIGTERM');
  const [code] = await exited;
  expect(code).toBe(0);
  expect(output).toContain('worker stopped');
}, 60_000);
