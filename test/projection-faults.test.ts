import { describe, expect, it } from 'vitest';
import { priorityOf } from '../domain/priority';
import type { TicketIntake } from '../domain/ticket';
import { ticketWorkflow } from '../workflows';
import { registeredUpdate, ticketQuery } from '../workflows/messages';
import { keepHistory } from './support/histories';
import { metricSum } from './support/observability';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();

/**
 * A ticket started as the API starts one, but with an intake that never passed the API's check: what an old
 * client, a script or a bug in another intake path could hand the workflow.
 */
async function startTicketPastTheApi(intake: Record<string, unknown>): Promise<string> {
  const { stack } = suite;
  const { rows } = await stack.db.raw(`SELECT 'TF-' || nextval('ticket_number_seq') AS number`);
  const number: string = rows[0].number;
  const open = {
    number,
    intake: intake as unknown as TicketIntake,
    priority: priorityOf('medium', 'medium'),
    receivedAt: new Date().toISOString(),
  };
  const handle = await stack.client.workflow.start(ticketWorkflow, {
    workflowId: number,
    taskQueue: stack.taskQueue,
    args: [{ open }],
  });
  // Before the fix this never answered: the projection retried the same refused write for ever.
  await handle.executeUpdate(registeredUpdate);
  return number;
}

async function repairedFaults(): Promise<number> {
  const text = await (await fetch(`${suite.stack.baseUrl}/metrics`)).text();
  return metricSum(text, 'ticketflow_projection_faults_total', { code: '22P05', repaired: 'true' });
}

describe('a data fault in the projection does not freeze the ticket', () => {
  it('text PostgreSQL cannot hold is stored cleaned, the fault is on the timeline and the ticket works', async () => {
    const intake = suite.people.acme.intake({
      description: 'The scanner\u0000 stops \ud800 after a minute.',
    });
    const faultsBefore = await repairedFaults();
    const number = await startTicketPastTheApi(intake);

    const ticket = await suite.api.get(`/tickets/${number}`);
    expect(ticket.status).toBe(200);
    expect(ticket.body.intake.description).toBe('The scanner stops \ufffd after a minute.');
    const [opened, failed] = ticket.body.timeline;
    expect(opened).toMatchObject({ type: 'opened', seq: 1 });
    expect(failed).toMatchObject({
      type: 'projection-failed',
      seq: 2,
      actor: 'system',
      data: { code: '22P05', reason: 'unsupported Unicode escape sequence', repaired: true },
    });
    expect(await repairedFaults()).toBe(faultsBefore + 1);

    const assigned = await suite.api.act(number, 'assign', { engineer: 'tier1@desk.example' });
    expect(assigned.status).toBe(200);
    const analysis = await suite.api.act(number, 'start-analysis', { note: 'Looking at the logs' });
    expect(analysis).toMatchObject({ status: 200, body: { stage: 'ANALYSIS' } });
    // The workflow cleaned its own copy of the text: later changes store as they are, with no new fault.
    const types = analysis.body.timeline.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === 'projection-failed')).toHaveLength(1);
    const handle = suite.stack.client.workflow.getHandle(number);
    expect((await handle.query(ticketQuery)).stage).toBe('ANALYSIS');
    await keepHistory(handle, 'projection-fault-repaired-then-analysed');
  });

  it('an organization name carrying a NUL is looked up and stored as the name without it', async () => {
    const { acme } = suite.people;
    const number = await startTicketPastTheApi(
      acme.intake({ organization: `${acme.organization.name}\u0000` }),
    );

    const ticket = await suite.api.get(`/tickets/${number}`);
    expect(ticket.body).toMatchObject({ organization: acme.organization.name, stage: 'OPEN' });
    expect(ticket.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'opened',
      'projection-failed',
    ]);
    const assigned = await suite.api.act(number, 'assign', { engineer: 'tier1@desk.example' });
    expect(assigned.status).toBe(200);
  });

  it('a fault cleaning cannot cure is not retried: the ticket registers and still answers', async () => {
    const intake = suite.people.acme.intake();
    const requester = intake.requester as Record<string, unknown>;
    // The projection's requester_email is NOT NULL (23502): no cleaning brings an address back.
    const number = await startTicketPastTheApi({ ...intake, requester: { ...requester, email: undefined } });

    expect(await suite.stack.db('tickets').where({ number })).toEqual([]);
    const handle = suite.stack.client.workflow.getHandle(number);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect(await handle.query(ticketQuery)).toMatchObject({ number, stage: 'OPEN' });
  });
});
