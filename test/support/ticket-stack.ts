import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type WorkflowBundleOption, type WorkflowBundlePath } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../../api/app';
import type { DeskContext } from '../../desk/context';
import { apiClient, type ApiClient } from './http';
import { seedDesk, type Desk } from './people';
import { testLinkSecret, testMailSettings } from './mail';
import type { MailSettings } from '../../domain/mail-settings';
import { loadConfig } from '../../lib/config';
import { createDb, type Db } from '../../lib/db';
import { createLogger } from '../../lib/logger';
import { createTicketWorker } from '../../worker/create-worker';

/** The workflow code the global setup bundled once for the whole run. */
export function workflowBundle(): WorkflowBundlePath {
  return { codePath: inject('workflowBundlePath') };
}

export interface RunningWorker {
  stop(): Promise<void>;
}

export async function startWorker(
  db: Db,
  taskQueue: string,
  address = inject('temporalAddress'),
  mail: MailSettings = testMailSettings(),
  code?: WorkflowBundleOption,
): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address });
  const worker = await createTicketWorker({
    connection,
    db,
    defaultPolicyId: 'customer-support-sop',
    mail,
    namespace: 'default',
    taskQueue,
    // The defaults a deployment starts with: a 1 GiB worker's cache, a 1 s sticky timeout.
    settings: loadConfig({}).worker,
    workflowBundle: code ?? workflowBundle(),
    workflowsOnCallerThread: true,
  });
  const running = worker.run();
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        worker.shutdown();
        await running;
        await connection.close();
      })();
      return stopped;
    },
  };
}

export interface TicketStack {
  baseUrl: string;
  /** What the stack's API runs with, for a test that builds an app or a mail listener of its own. */
  ctx: DeskContext;
  db: Db;
  client: Client;
  taskQueue: string;
  worker: RunningWorker;
  restartWorker(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real thing, wired as api/main.ts and worker/main.ts wire it: the API on a free port, a worker on
 * this file's own task queue, both against the test run's Temporal dev server and PostgreSQL.
 */
export interface TicketStackOptions {
  updateDeadlineMs?: number;
  /** A database of the file's own, for tests that count across all tickets while other files add theirs. */
  databaseUrl?: string;
  /** Where the worker sends letters; the test run's shared catcher when left out. */
  mail?: () => MailSettings;
  /** The largest file an upload may attach; the configuration's default when left out. */
  attachmentMaxBytes?: number;
}

export async function startTicketStack(options: TicketStackOptions = {}): Promise<TicketStack> {
  const db = createDb(options.databaseUrl ?? inject('databaseUrl'));
  const taskQueue = `tickets-${randomUUID()}`;
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  const client = new Client({ connection, namespace: 'default' });
  const ctx = {
    client,
    db,
    taskQueue,
    updateDeadlineMs: options.updateDeadlineMs ?? 10_000,
    historyLimit: 10_000,
    linkSecret: testLinkSecret,
    temporalUi: { url: inject('temporalUiUrl'), namespace: 'default' },
    attachmentMaxBytes: options.attachmentMaxBytes,
  };
  const server = createApp(ctx, createLogger('api-test', 'silent')).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const stack: TicketStack = {
    ctx,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    db,
    client,
    taskQueue,
    worker: await startWorker(db, taskQueue, undefined, options.mail?.()),
    async restartWorker() {
      await stack.worker.stop();
      stack.worker = await startWorker(db, taskQueue, undefined, options.mail?.());
    },
    async stop() {
      await stack.worker.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await connection.close();
      await db.destroy();
    },
  };
  return stack;
}

/**
 * The running desk for a test file, started before its tests and stopped after them. `people` are the
 * desk's people with tokens of this file's own; `api` calls as the tier-1 agent (`api.as(token)` as another).
 */
export function useTicketStack(options: TicketStackOptions = {}): {
  stack: TicketStack;
  api: ApiClient;
  people: Desk;
} {
  const suite = {} as { stack: TicketStack; api: ApiClient; people: Desk };
  beforeAll(async () => {
    suite.stack = await startTicketStack(options);
    suite.people = await seedDesk(suite.stack.db);
    suite.api = apiClient(suite.stack.baseUrl, suite.people.agent.token);
  });
  afterAll(() => suite.stack?.stop());
  return suite;
}
