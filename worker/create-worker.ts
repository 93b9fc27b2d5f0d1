import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { MailSettings } from '../domain/mail-settings';
import type { Db } from '../lib/db';
import { workerSizing, type WorkerSettings } from './cache-sizing';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface TicketWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  /** The SLA policy of organizations without a valid contract. */
  defaultPolicyId: string;
  mail: MailSettings;
  /** Memory, shutdown grace and sticky timeout, as configured (`config.worker`). */
  settings: WorkerSettings;
  /** A prebuilt bundle, so tests that start many workers bundle the workflow code once. */
  workflowBundle?: WorkflowBundleOption;
  /**
   * Runs the workflow code on the calling thread (the SDK's debug mode) rather than in a worker thread of its
   * own. Only the test suite sets it: it starts a worker for each file, and each thread cost about 0.3 CPU-s and
   * 0.45 s to start. It turns off the SDK's 5 s detection of a workflow that never yields, so a deployment never does.
   */
  workflowsOnCallerThread?: boolean;
}

export function createTicketWorker({
  connection,
  namespace,
  taskQueue,
  db,
  defaultPolicyId,
  mail,
  settings,
  workflowBundle,
  workflowsOnCallerThread = false,
}: TicketWorkerOptions) {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath }),
    activities: createActivities({ db, defaultPolicyId, mail }),
    ...workerSizing(settings),
    debugMode: workflowsOnCallerThread,
  });
}
