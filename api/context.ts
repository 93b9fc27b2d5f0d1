import type { Client } from '@temporalio/client';
import type { Db } from '../lib/db';

/** What the API's feature functions need; built once in api/main.ts (or by a test). */
export interface ApiContext {
  client: Client;
  db: Db;
  taskQueue: string;
  updateDeadlineMs: number;
  /** History events after which a ticket continues as new. */
  historyLimit: number;
  /** Checks the signed links in letters (CSAT). */
  linkSecret: string;
}

/** Every call that waits on a worker carries a deadline, so a missing worker is a 503, not a hung request. */
export function withUpdateDeadline<T>(ctx: ApiContext, fn: () => Promise<T>): Promise<T> {
  return ctx.client.withDeadline(Date.now() + ctx.updateDeadlineMs, fn);
}
