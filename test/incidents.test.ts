import { randomInt } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { incidentWorkflow } from '../workflows';
import { incidentDeclaredUpdate, incidentQuery, ticketSearchAttributes } from '../workflows/messages';
import { keepHistory } from './support/histories';
import {
  expectEachRequesterSeesOnlyTheirOwn,
  lettersOf,
  linkTicketsOf,
  oneLetterEach,
  type LinkedTicket,
} from './support/incident-desk';
import type { Customer } from './support/people';
import { useTicketStack } from './support/ticket-stack';

// An incident's command waits on every linked ticket: more than one ticket's update on a busy machine.
const suite = useTicketStack({ updateDeadlineMs: 30_000 });
let customers: Customer[];
let incident: string;
let tickets: LinkedTicket[];

const declaration = {
  title: 'ERP database unreachable',
  impact: 'Order entry is down for every client on the shared ERP cluster; no workaround.',
  service: 'ERP',
};
const ticketOf = (number: string, token = suite.people.agent.token) =>
  suite.api.as(token).get(`/tickets/${number}`);
const incidentOf = (number = incident) => suite.api.get(`/incidents/${number}`);
const numbers = () => tickets.map((t) => t.number);

describe('a major incident carries its tickets together', () => {
  it('an agent declares it and links the tickets of three organizations; one more is entered for it', async () => {
    const { api, people } = suite;
    customers = [
      await people.customer('Plant'),
      await people.customer('Shop'),
      await people.customer('Port'),
    ];
    const declared = await api.post('/incidents', declaration);
    expect(declared.status).toBe(201);
    incident = declared.body.number;
    expect(incident).toMatch(/^INC-\d+$/);
    tickets = await linkTicketsOf(api, incident, customers, 4);
    const entered = await api.post(
      `/incidents/${incident}/tickets`,
      customers[2]!.intake({ channel: 'phone', receivedAt: new Date().toISOString() }),
    );
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    expect(entered.body.ticket.incident).toMatchObject({ number: incident, title: declaration.title });
    tickets.push({ number: entered.body.ticket.number, customer: customers[2]! });

    const again = await api.post(`/incidents/${incident}/actions/link`, { ticket: tickets[0]!.number });
    expect(again.status).toBe(409);
    const { body } = await incidentOf();
    expect(body.tickets.map((t: { number: string }) => t.number).sort()).toEqual(numbers().sort());
    expect(new Set(body.tickets.map((t: { organization: string }) => t.organization)).size).toBe(3);
    const described = await suite.stack.client.workflow.getHandle(tickets[5]!.number).describe();
    expect(described.typedSearchAttributes.get(ticketSearchAttributes.IncidentId)).toBe(incident);
  });

  it('a manager sets its priority: every ticket takes it and its requester is told (R15)', async () => {
    const { api, people } = suite;
    const byAgent = await api.post(`/incidents/${incident}/actions/set-priority`, {
      priority: 'P1',
      reason: 'no workaround',
    });
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.error).toBe('an agent may not set-priority an incident');
    const set = await api
      .as(people.manager.token)
      .post(`/incidents/${incident}/actions/set-priority`, { priority: 'P1', reason: 'no workaround' });
    expect(set.status).toBe(200);
    for (const t of tickets) expect((await ticketOf(t.number)).body.priority).toBe('P1');
    // Tickets opened at P2 (high × medium) move to P1; each requester gets one letter for their ticket.
    expect((await lettersOf(suite.stack.db, numbers(), 'priority-changed')).sort()).toEqual(
      oneLetterEach(tickets),
    );
  });

  it('one update written is one status letter per ticket, to its requester, in its thread (R17)', async () => {
    const message = 'The database failed over; we are restoring the replica. Next update within the hour.';
    const posted = await suite.api.post(`/incidents/${incident}/actions/post-update`, { message });
    expect(posted.status).toBe(200);
    expect((await lettersOf(suite.stack.db, numbers(), 'status-update')).sort()).toEqual(
      oneLetterEach(tickets),
    );

    // Each requester reads their own tickets and the incident's public text, nothing of the others.
    const publicText = {
      title: declaration.title,
      service: 'ERP',
      lastUpdate: { message, at: expect.any(String) },
      resolvedAt: null,
    };
    await expectEachRequesterSeesOnlyTheirOwn(suite.api, incident, tickets, publicText, declaration.impact);
    const seen = await ticketOf(tickets[0]!.number, tickets[0]!.customer.requester.token);
    expect(seen.body.timeline.map((e: { type: string }) => e.type)).toContain('status-update-sent');
  });

  it('an unlinked ticket is its own again: no incident letters, no IncidentId', async () => {
    const unlinked = tickets.pop()!;
    const answer = await suite.api.post(`/incidents/${incident}/actions/unlink`, {
      ticket: unlinked.number,
      reason: 'a different fault after all',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.tickets).toHaveLength(tickets.length);
    const described = await suite.stack.client.workflow.getHandle(unlinked.number).describe();
    expect(described.typedSearchAttributes.get(ticketSearchAttributes.IncidentId)).toBeUndefined();
    expect((await ticketOf(unlinked.number)).body.incident).toBeNull();

    await suite.api.post(`/incidents/${incident}/actions/post-update`, { message: 'Replica restored.' });
    const letters = await lettersOf(suite.stack.db, [unlinked.number], 'status-update');
    expect(letters).toHaveLength(1);
  });

  it('resolving proposes the solution to every ticket; each is tested and closed on its own (R9, R10)', async () => {
    const { api } = suite;
    const solution = 'Failed the ERP database over to the restored replica.';
    const resolved = await api.post(`/incidents/${incident}/actions/resolve`, { solution });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    for (const t of tickets) {
      const { body } = await ticketOf(t.number);
      expect(body.stage).toBe('CUSTOMER_TESTING');
      expect(body.solution.text).toBe(solution);
    }
    expect((await lettersOf(suite.stack.db, numbers(), 'testing-requested')).sort()).toEqual(
      oneLetterEach(tickets),
    );

    const [rejecting, ...accepting] = tickets;
    const reject = await api.act(
      rejecting!.number,
      'reject',
      { reason: 'Still failing here' },
      rejecting!.customer.requester.token,
    );
    expect(reject.body.stage).toBe('ANALYSIS');
    for (const t of accepting) {
      expect((await api.act(t.number, 'accept', {}, t.customer.requester.token)).status).toBe(200);
      const closed = await api.act(t.number, 'close', { resolution: solution });
      expect(closed.body.stage).toBe('CLOSED');
    }
    const kept = suite.stack.client.workflow.getHandle(accepting[0]!.number);
    await kept.result();
    await keepHistory(kept, 'linked-to-incident-resolved-with-it-then-accepted');
    expect((await api.post(`/incidents/${incident}/actions/post-update`, { message: 'late' })).status).toBe(
      409,
    );
    const listed = await api.as(suite.people.manager.token).get('/incidents');
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ number: incident, status: 'resolved', ticketCount: tickets.length }),
    );
  });
});

describe('an incident that lives long', () => {
  it('continues as new past its history limit and keeps its tickets', async () => {
    const { client, taskQueue } = suite.stack;
    // Numbered far from the desk's sequence: workflow ids are shared by every file on the server.
    const number = `INC-7${randomInt(1e9)}`;
    const declare = {
      ...declaration,
      number,
      declaredBy: suite.people.agent.email,
      declaredAt: new Date().toISOString(),
      historyLimit: 25,
    };
    const startWorkflowOperation = new WithStartWorkflowOperation(incidentWorkflow, {
      workflowId: number,
      taskQueue,
      args: [{ declare }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    await client.workflow.executeUpdateWithStart(incidentDeclaredUpdate, { startWorkflowOperation });
    const handle = client.workflow.getHandle(number);
    const firstRun = (await handle.describe()).runId;
    const linked = await linkTicketsOf(suite.api, number, [customers[0]!], 3);

    expect((await handle.describe()).runId).not.toBe(firstRun);
    const incident = await handle.query(incidentQuery);
    expect(incident.tickets.map((t) => t.number)).toEqual(linked.map((t) => t.number));
    expect(incident.timeline.map((e) => e.type)).toEqual([
      'declared',
      'ticket-linked',
      'ticket-linked',
      'ticket-linked',
    ]);
    expect((await incidentOf(number)).body.tickets).toHaveLength(3);
  });
});
