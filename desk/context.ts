import { Client, Connection } from '@temporalio/client';
import { requireDatabaseUrl, requireLinkSecret, type Config } from '../lib/config';
import { createDb, type Db } from '../lib/db';
import { connectTemporal } from '../lib/temporal-connection';
import type { RolloutSizes } from '../domain/sla-rollout';

/** What the desk's feature functions need, whichever door calls them; built once per process (or by a test). */
export interface DeskContext {
  client: Client;
  db: Db;
  taskQueue: string;
  updateDeadlineMs: number;
  /** History events after which a ticket continues as new. */
  historyLimit: number;
  /** Checks the signed links in letters (CSAT). */
  linkSecret: string;
  /** Where managers open a ticket in the Temporal UI (R25). */
  temporalUi: { url: string; namespace: string };
  /** The largest file an upload may attach, as for mail (`ATTACHMENT_MAX_BYTES`); its default when left out. */
  attachmentMaxBytes?: number;
  /** How SLA rollouts walk the running tickets; defaultRolloutSizes when left out. */
  rolloutSizes?: RolloutSizes;
}

/** The desk of a process configured by the environment: the API's, and the mail process's. */
export async function connectDesk(
  config: Config,
  onWaitForTemporal?: (why: string) => void,
): Promise<DeskContext & { close(): Promise<void> }> {
  const databaseUrl = requireDatabaseUrl(config);
  const connection = await connectTemporal(
    config.temporal,
    (options) => Connection.connect(options),
    onWaitForTemporal,
  );
  const db = createDb(databaseUrl);
  return {
    client: new Client({ connection, namespace: config.temporal.namespace }),
    db,
    taskQueue: config.temporal.taskQueue,
    updateDeadlineMs: config.api.updateDeadlineMs,
    historyLimit: config.tickets.historyLimit,
    linkSecret: requireLinkSecret(config),
    temporalUi: { url: config.temporal.uiUrl, namespace: config.temporal.namespace },
    attachmentMaxBytes: config.mail.attachmentMaxBytes,
    close: async () => void (await Promise.all([connection.close(), db.destroy()])),
  };
}

/** Every call that waits on a worker carries a deadline, so a missing worker is a 503, not a hung request. */
export function withUpdateDeadline<T>(ctx: DeskContext, fn: () => Promise<T>): Promise<T> {
  return ctx.client.withDeadline(Date.now() + ctx.updateDeadlineMs, fn);
}
