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
}: TicketWorkerOptions) {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath }),
    activities: createActivities({ db, defaultPolicyId, mail }),
    ...workerSizing(settings),
  });
}
