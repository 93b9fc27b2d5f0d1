import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, expect, inject, it, vi } from 'vitest';
import { ticketIntakeSchema } from '../api/tickets/intake-schema';
import type { DeskContext } from '../desk/context';
import { openTicket } from '../desk/tickets/intake';
import { programArgs } from '../dev/desk-build';
import { projectRoot } from '../dev/support';
import { createDb } from '../lib/db';
import { withoutTemporalTls } from '../lib/temporal-connection';
import { workflowSourceKey } from '../worker/workflow-bundle';
import { validIntake } from './support/intake';
import { testLinkSecret } from './support/mail';
import { seedDesk } from './support/people';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.destroy());

it('a worker process on SIGTERM closes its pooled SMTP connection, Temporal and PostgreSQL, and exits 0', async () => {
  const taskQueue = `shutdown-${randomUUID()}`;
  // The run's bundle, where the worker looks for it, so that the process loads it instead of bundling.
  const bundleDir = await mkdtemp(join(tmpdir(), 'ticketflow-bundles-'));
  await copyFile(inject('workflowBundlePath'), join(bundleDir, `workflows-${await workflowSourceKey()}.js`));
  const worker = spawn(process.execPath, programArgs(inject('deskBuild').worker), {
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
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  worker.stdout.on('data', (chunk) => (output += chunk));
  worker.stderr.on('data', (chunk) => (output += chunk));
  const exited = once(worker, 'exit');
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  try {
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
    // The acknowledgement went through the pool, whose idle connection would hold the process for a minute.
    await vi.waitFor(
      async () =>
        expect(
          await db('outbox').where({ ticket_number: ticket!.number }).whereNotNull('sent_at'),
        ).not.toEqual([]),
      { timeout: 30_000, interval: 200 },
    );

    worker.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output).toContain('worker stopped');
  } finally {
    worker.kill('SIGKILL');
    await connection.close();
    await rm(bundleDir, { recursive: true, force: true });
  }
}, 150_000);
