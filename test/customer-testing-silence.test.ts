import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../activities';
import { createDb, type Db } from '../lib/db';
import { ticketWorkflow } from '../workflows';
import { actionUpdates, ticketQuery } from '../workflows/messages';
import { searchAttributeRegistrations } from '../workflows/search-attributes';
import { validIntake } from './support/intake';
import { workflowBundle } from './support/ticket-stack';
import type { TicketIntake } from '../domain/ticket';

const fiveDays = 5 * 86_400_000;
let env: TestWorkflowEnvironment;
let db: Db;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServerPath') } },
  });
  // The time-skipping server knows no custom search attributes until told, as a real cluster's operator would be.
  await env.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    searchAttributes: searchAttributeRegistrations(),
  });
  db = createDb(inject('databaseUrl'));
});
afterAll(async () => {
  await env?.teardown();
  await db?.destroy();
});

/** Runs a worker on the time-skipping server while `fn` drives one ticket into customer testing. */
async function withTicketInTesting(
  fn: (handle: ReturnType<typeof env.client.workflow.getHandle>) => Promise<void>,
) {
  const taskQueue = `silence-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities({ db }),
  });
  await worker.runUntil(async () => {
    const number = `TS-${randomUUID()}`;
    const handle = await env.client.workflow.start(ticketWorkflow, {
      workflowId: number,
      taskQueue,
      args: [
        {
          open: {
            number,
            intake: validIntake() as unknown as TicketIntake,
            priority: 'P3',
            receivedAt: new Date().toISOString(),
            policy: { customerTestingSilenceMs: fiveDays },
          },
        },
      ],
    });
    const act = (name: keyof typeof actionUpdates, command: object) =>
      handle.executeUpdate(actionUpdates[name] as never, {
        args: [{ actor: 'eng.maria', ...command }] as never,
      });
    await act('assign', { engineer: 'eng.maria' });
    await act('start-analysis', {});
    await act('propose-solution', { solution: 'Replaced the failing disk' });
    await act('start-testing', {});
    await fn(handle);
  });
}

describe('customer testing (R9)', () => {
  it('a client who does not answer within the silence period has accepted, and the ticket closes', async () => {
    await withTicketInTesting(async (handle) => {
      const before = Date.parse((await handle.query(ticketQuery)).stageEnteredAt.CUSTOMER_TESTING!);
      const closed = await handle.result();
      expect(closed).toMatchObject({
        stage: 'CLOSED',
        verification: { method: 'silence', by: 'system', comment: 'no answer within 5 days' },
        resolution: { text: 'Replaced the failing disk' },
      });
      expect(Date.parse(closed.stageEnteredAt.CLOSED!) - before).toBe(fiveDays);
      const row = await db('tickets').where({ number: handle.workflowId }).first();
      expect(row).toMatchObject({ stage: 'CLOSED' });
      const letters = await db('outbox').where({ ticket_number: handle.workflowId }).pluck('kind');
      expect(letters).toContain('resolved');
    });
  });

  it('a client who rejects in time sends it back to analysis, and the silence clock starts afresh on the next test', async () => {
    await withTicketInTesting(async (handle) => {
      await env.sleep('4 days');
      await handle.executeUpdate(actionUpdates.reject, {
        args: [{ actor: 'client@acme.example', reason: 'Disk errors remain' }],
      });
      await env.sleep('3 days');
      expect((await handle.query(ticketQuery)).stage).toBe('ANALYSIS');

      await handle.executeUpdate(actionUpdates['propose-solution'], {
        args: [{ actor: 'eng.maria', solution: 'Replaced the controller' }],
      });
      await handle.executeUpdate(actionUpdates['start-testing'], { args: [{ actor: 'eng.maria' }] });
      await env.sleep('4 days');
      expect((await handle.query(ticketQuery)).stage).toBe('CUSTOMER_TESTING');
      const closed = await handle.result();
      expect(closed).toMatchObject({ stage: 'CLOSED', resolution: { text: 'Replaced the controller' } });
    });
  });

  it('a client who accepts stops the silence clock: the ticket waits for the engineer to close it', async () => {
    await withTicketInTesting(async (handle) => {
      await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: 'client@acme.example' }] });
      await env.sleep('30 days');
      const view = await handle.query(ticketQuery);
      expect(view).toMatchObject({ stage: 'CUSTOMER_TESTING', verification: { method: 'client-accepted' } });
      await handle.executeUpdate(actionUpdates.close, {
        args: [{ actor: 'eng.maria', resolution: 'Disk replaced' }],
      });
      expect((await handle.result()).stage).toBe('CLOSED');
    });
  });
});
