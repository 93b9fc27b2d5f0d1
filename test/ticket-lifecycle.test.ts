import { describe, expect, it } from 'vitest';
import { ticketSearchAttributes } from '../workflows/messages';
import { validIntake } from './support/intake';
import { keepHistory } from './support/histories';
import { fullProcedureTimeline } from './support/procedure';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
const ana = () => suite.people.acme.requester;

async function openTicket(intake = validIntake()): Promise<string> {
  const created = await suite.api.post('/tickets', intake);
  expect(created.status).toBe(201);
  return created.body.number;
}

/** Walks a ticket to CUSTOMER_TESTING the way an engineer does. */
async function toCustomerTesting(number: string, solution = 'Re-issued the SSO certificate') {
  expect((await suite.api.act(number, 'assign', { engineer: 'eng.maria' })).status).toBe(200);
  expect((await suite.api.act(number, 'start-analysis', { note: 'Called the client' })).status).toBe(200);
  expect((await suite.api.act(number, 'propose-solution', { solution })).status).toBe(200);
  const testing = await suite.api.act(number, 'start-testing', {});
  expect(testing.body.stage).toBe('CUSTOMER_TESTING');
}

describe('a ticket from intake to CLOSED through the HTTP API', () => {
  it('opens with a ticket number, is stored, and is acknowledged by letter (R1)', async () => {
    const created = await suite.api.post('/tickets', validIntake());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      stage: 'OPEN',
      tier: 'TIER_1',
      priority: 'P2',
      allowedActions: ['assign', 'request-info', 'change-priority', 'escalate', 'reply', 'hold'],
    });
    expect(created.body.number).toMatch(/^TF-\d+$/);
    expect(created.headers.get('location')).toBe(`/tickets/${created.body.number}`);
    const letters = await suite.stack.db('outbox').where({ ticket_number: created.body.number });
    expect(letters.map((l) => l.kind)).toEqual(['acknowledgement']);
  });

  it('is driven through every stage and closes with the client verification and the resolution recorded (R8, R10)', async () => {
    const number = await openTicket();
    await toCustomerTesting(number);
    const accepted = await suite.api.act(number, 'accept', { comment: 'Works now' }, ana().token);
    expect(accepted.body).toMatchObject({
      stage: 'CUSTOMER_TESTING',
      allowedActions: ['assign', 'close', 'request-info', 'change-priority', 'reply', 'hold'],
    });
    const closed = await suite.api.act(number, 'close', {
      resolution: 'Certificate renewed; monitoring added',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      stage: 'CLOSED',
      verification: { method: 'client-accepted', by: 'ana.ruiz@acme.example' },
      resolution: { text: 'Certificate renewed; monitoring added', by: suite.people.agent.email },
      allowedActions: [],
    });
    expect(Object.keys(closed.body.stageEnteredAt)).toEqual([
      'OPEN',
      'ANALYSIS',
      'SOLUTION',
      'CUSTOMER_TESTING',
      'CLOSED',
    ]);
    expect(closed.body.timeline.map((e: { type: string }) => e.type)).toEqual(fullProcedureTimeline);
    const letters = await suite.stack.db('outbox').where({ ticket_number: number }).orderBy('id');
    expect(letters.map((l) => l.kind)).toEqual([
      'acknowledgement',
      'testing-requested',
      'resolved',
      'csat-survey',
    ]);
    // The workflow ends once the closing letters (resolution, survey) are handed to the mail relay.
    const handle = suite.stack.client.workflow.getHandle(number);
    await handle.result();
    const described = await handle.describe();
    expect(described.status.name).toBe('COMPLETED');
    expect(described.typedSearchAttributes.get(ticketSearchAttributes.TicketStage)).toBe('CLOSED');
    expect(described.typedSearchAttributes.get(ticketSearchAttributes.TicketNumber)).toBe(number);
    await keepHistory(handle, 'five-stages-accepted-then-closed');
  });

  it('a rejected solution returns the ticket to analysis (R9)', async () => {
    const number = await openTicket();
    await toCustomerTesting(number);
    const rejected = await suite.api.act(number, 'reject', { reason: 'Still cannot log in' }, ana().token);
    expect(rejected.body).toMatchObject({
      stage: 'ANALYSIS',
      verification: null,
      allowedActions: [
        'assign',
        'propose-solution',
        'request-info',
        'change-priority',
        'escalate',
        'reply',
        'hold',
        'draft-plan',
      ],
    });
    expect(rejected.body.timeline.at(-1)).toMatchObject({
      type: 'rejected',
      data: { reason: 'Still cannot log in' },
    });
    await suite.api.act(number, 'propose-solution', { solution: 'Cleared the SSO session store' });
    expect((await suite.api.act(number, 'start-testing', {})).body.stage).toBe('CUSTOMER_TESTING');
    await suite.api.act(number, 'accept', {}, ana().token);
    const closed = await suite.api.act(number, 'close', { resolution: 'Session store cleared' });
    expect(closed.body.stage).toBe('CLOSED');
    await keepHistory(suite.stack.client.workflow.getHandle(number), 'rejected-in-testing-then-accepted');
  });

  it('an agent may close on the client confirmation given by phone', async () => {
    const number = await openTicket();
    await toCustomerTesting(number);
    const closed = await suite.api.act(number, 'close', {
      resolution: 'Done',
      verification: { method: 'phone', comment: 'Ana confirmed' },
    });
    expect(closed.body).toMatchObject({
      stage: 'CLOSED',
      verification: { method: 'phone', by: suite.people.agent.email },
    });
  });
});

describe('transitions that are not allowed', () => {
  it('answers 409 with the current stage and the allowed actions, and records nothing', async () => {
    const number = await openTicket();
    const refused = await suite.api.act(number, 'propose-solution', { solution: 'Too early' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      stage: 'OPEN',
      allowedActions: ['assign', 'request-info', 'change-priority', 'escalate', 'reply', 'hold'],
    });
    const history = await suite.stack.client.workflow.getHandle(number).fetchHistory();
    const accepted = history.events!.flatMap(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? [],
    );
    expect(accepted).toEqual(['registered']);
    expect((await suite.api.get(`/tickets/${number}`)).body.timeline).toHaveLength(1);
  });

  it('close without the client verification answers 409 (R10)', async () => {
    const number = await openTicket();
    await toCustomerTesting(number);
    const refused = await suite.api.act(number, 'close', { resolution: 'Done' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      stage: 'CUSTOMER_TESTING',
      allowedActions: ['assign', 'accept', 'reject', 'request-info', 'change-priority', 'reply', 'hold'],
    });
  });

  it('a closed ticket refuses every action with 409', async () => {
    const number = await openTicket();
    await toCustomerTesting(number);
    await suite.api.act(number, 'close', { resolution: 'Done', verification: { method: 'email' } });
    const refused = await suite.api.act(number, 'assign', { engineer: 'someone' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ stage: 'CLOSED', allowedActions: [] });
  });

  it('an unknown ticket answers 404, and an unknown action 404', async () => {
    expect((await suite.api.act('TF-1', 'assign', { engineer: 'x' })).status).toBe(404);
    expect((await suite.api.get('/tickets/TF-1')).status).toBe(404);
    const number = await openTicket();
    expect((await suite.api.act(number, 'teleport')).status).toBe(404);
  });
});

describe('repeated requests', () => {
  it('an Idempotency-Key makes a repeated create return the same ticket', async () => {
    const key = `create-${Date.now()}-${Math.random()}`;
    const body = validIntake({ description: 'Printer on floor 4 jams' });
    const [first, second] = await Promise.all([
      suite.api.post('/tickets', body, { 'Idempotency-Key': key }),
      suite.api.post('/tickets', body, { 'Idempotency-Key': key }),
    ]);
    const third = await suite.api.post('/tickets', body, { 'Idempotency-Key': key });
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    expect(second.body.number).toBe(first.body.number);
    expect(third.body.number).toBe(first.body.number);
    expect(third.headers.get('idempotent-replayed')).toBe('true');
    expect(await suite.stack.db('tickets').where({ number: first.body.number }).count({ n: '*' })).toEqual([
      { n: '1' },
    ]);
  });

  it('the same key with a different body is refused with 422 naming the header', async () => {
    const key = `create-${Date.now()}-${Math.random()}`;
    await suite.api.post('/tickets', validIntake(), { 'Idempotency-Key': key });
    const reused = await suite.api.post('/tickets', validIntake({ affected: 'Something else' }), {
      'Idempotency-Key': key,
    });
    expect(reused.status).toBe(422);
    expect(reused.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
  });
});

describe('reading tickets', () => {
  it('lists tickets with filters and pagination', async () => {
    const customer = await suite.people.customer('Filter Org');
    const organization = customer.organization.name;
    const numbers = [
      await openTicket(customer.intake()),
      await openTicket(customer.intake()),
      await openTicket(customer.intake()),
    ];
    await suite.api.act(numbers[0]!, 'assign', { engineer: 'eng.filter' });
    const page = await suite.api.get(`/tickets?organization=${encodeURIComponent(organization)}&limit=2`);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.body.items.map((t: { number: string }) => t.number)).toEqual([numbers[2], numbers[1]]);
    const assigned = await suite.api.get(
      `/tickets?organization=${encodeURIComponent(organization)}&assignee=eng.filter`,
    );
    expect(assigned.body.items.map((t: { number: string }) => t.number)).toEqual([numbers[0]]);
    const bad = await suite.api.get('/tickets?stage=DONE&limit=500');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['stage', 'limit']);
  });
});
