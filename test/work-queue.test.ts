import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workQueueRoutes } from '../api/tickets/work-queue-routes';
import { listWorkQueue } from '../desk/tickets/work-queue';
import type { Impact, Urgency } from '../domain/priority';
import { apiClient, type ApiClient } from './support/http';
import { seedDesk, type Customer, type Desk } from './support/people';
import { serveRouter, type RouterServer } from './support/router-server';
import { startTicketStack, type TicketStack } from './support/ticket-stack';

let stack: TicketStack;
let api: ApiClient;
let queueServer: RouterServer;
let desk: Desk;
let customer: Customer;

// Other test files share the database: this file's tickets are the ones its engineer is assigned to.
const engineer = `eng-${randomUUID()}`;
const tickets: Record<string, string> = {};

async function openTicket(name: string, impact: Impact, urgency: Urgency): Promise<void> {
  const created = await api.post('/tickets', customer.intake({ impact, urgency }));
  expect(created.status).toBe(201);
  tickets[name] = created.body.number;
  expect((await api.act(created.body.number, 'assign', { engineer })).status).toBe(200);
}

async function act(name: string, action: string, body: unknown = {}): Promise<void> {
  expect((await api.act(tickets[name]!, action, body)).status).toBe(200);
}

const queue = async (
  filters: { tier?: string; priority?: string; slaState?: string; limit?: number; offset?: number } = {},
) => listWorkQueue(stack.db, { assignee: engineer, limit: 20, offset: 0, ...filters });
const names = (items: { number: string }[]) =>
  items.map((item) => Object.keys(tickets).find((name) => tickets[name] === item.number));

beforeAll(async () => {
  stack = await startTicketStack();
  desk = await seedDesk(stack.db);
  customer = await desk.customer();
  api = apiClient(stack.baseUrl, desk.agent.token);
  queueServer = await serveRouter(workQueueRoutes({ db: stack.db }));
  // Opened oldest first; the names say priority, stage and age.
  await openTicket('p3-open-older', 'medium', 'medium');
  await openTicket('p1-analysis', 'high', 'high');
  await openTicket('p2-open', 'high', 'medium');
  await openTicket('p2-analysis', 'high', 'medium');
  await openTicket('p1-open', 'high', 'high');
  await openTicket('p3-open-newer', 'low', 'high');
  await openTicket('p4-closed', 'low', 'low');
  for (const name of ['p1-analysis', 'p2-analysis', 'p4-closed']) await act(name, 'start-analysis');
  await act('p4-closed', 'propose-solution', { solution: 'Replaced the cable' });
  await act('p4-closed', 'start-testing');
  await act('p4-closed', 'close', { resolution: 'Cable replaced', verification: { method: 'phone' } });
  await act('p3-open-newer', 'request-info', { question: 'Which floor is the printer on?' });
});
afterAll(async () => {
  await queueServer?.close();
  await stack?.stop();
});

describe('the work queue (R18)', () => {
  it('orders open tickets by priority, then stage (earlier first), then age, and leaves out closed ones', async () => {
    const { items, total } = await queue();
    expect(names(items)).toEqual([
      'p1-open',
      'p1-analysis',
      'p2-open',
      'p2-analysis',
      'p3-open-older',
      'p3-open-newer',
    ]);
    expect(total).toBe(6);
  });

  it("shows each ticket's SLA state and due times beside its summary", async () => {
    const { items } = await queue();
    const p1Open = items.find((item) => item.number === tickets['p1-open']);
    expect(p1Open).toMatchObject({
      priority: 'P1',
      stage: 'OPEN',
      organization: customer.organization.name,
      assignee: engineer,
    });
    expect(p1Open).toMatchObject({ slaState: 'on_track', waitingOnClient: false });
    expect(Date.parse(p1Open!.responseDue!)).toBeLessThan(Date.parse(p1Open!.resolutionDue!));
    const waiting = items.find((item) => item.number === tickets['p3-open-newer']);
    expect(waiting?.waitingOnClient).toBe(true);
  });

  it('pages through the queue in the same order', async () => {
    const page = await queue({ limit: 2, offset: 2 });
    expect(names(page.items)).toEqual(['p2-open', 'p2-analysis']);
    expect(page).toMatchObject({ total: 6, limit: 2, offset: 2 });
  });

  it('a page past the end is empty and still says how many are queued', async () => {
    expect(await queue({ limit: 2, offset: 6 })).toMatchObject({ items: [], total: 6, offset: 6 });
  });

  it('narrows to one tier: escalated tickets queue at Tier 2 in the same order (R19)', async () => {
    for (const name of ['p3-open-older', 'p2-open']) {
      await act(name, 'escalate', { reason: 'needs the network team' });
      // Escalation re-queues the ticket unassigned; the Tier 2 lead hands it back to the engineer.
      await act(name, 'assign', { engineer });
    }
    expect(names((await queue({ tier: 'TIER_2' })).items)).toEqual(['p2-open', 'p3-open-older']);
    expect((await queue({ tier: 'TIER_1' })).total).toBe(4);
  });
});

describe('which tickets of a priority are in an SLA state right now', () => {
  it('narrows by priority and by SLA state, keeping the order', async () => {
    expect(names((await queue({ priority: 'P1' })).items)).toEqual(['p1-open', 'p1-analysis']);
    expect(names((await queue({ priority: 'P3', slaState: 'paused' })).items)).toEqual(['p3-open-newer']);
    expect((await queue({ priority: 'P3', slaState: 'breached' })).total).toBe(0);
  });
});

describe('GET /queue', () => {
  const client = () => apiClient(queueServer.baseUrl, desk.agent.token);

  it('answers the queue as JSON', async () => {
    const answer = await client().get(`/queue?assignee=${engineer}&limit=1`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      total: 6,
      limit: 1,
      offset: 0,
      items: [{ number: tickets['p1-open'] }],
    });
  });

  it('answers 400 naming every bad query field', async () => {
    const answer = await client().get(
      '/queue?tier=TIER_9&priority=P9&slaState=late&limit=0&offset=-1&colour=red',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid request');
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'colour',
      'limit',
      'offset',
      'priority',
      'slaState',
      'tier',
    ]);
  });
});
