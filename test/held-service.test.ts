import { beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from './support/people';
import { keepHistory } from './support/histories';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('held service (R5)', () => {
  let lapsed: Customer;
  let contractId: string;
  let number: string;
  const admin = () => suite.api.as(suite.people.admin.token);

  beforeAll(async () => {
    lapsed = await suite.people.customer('Lapsed');
    const contract = await admin().post('/admin/contracts', {
      organization: lapsed.organization.name,
      slaPolicyId: 'brocent-24x7',
      validFrom: day(-400),
      validTo: day(-1),
      accountManager: 'account.manager@desk.example',
    });
    expect(contract.status).toBe(201);
    contractId = contract.body.id;
  });

  it('a request under a lapsed contract is held from the start, its clocks stopped, and both parties told why', async () => {
    const opened = await suite.api.post('/tickets', lapsed.intake());
    expect(opened.status).toBe(201);
    number = opened.body.number;
    expect(opened.body.held).toMatchObject({ reason: 'contract-expired' });
    expect(opened.body.sla.response).toMatchObject({ state: 'paused', dueAt: null });
    expect(opened.body.sla.resolution).toMatchObject({ state: 'paused', dueAt: null });
    const letters = await suite.stack.db('outbox').where({ ticket_number: number, kind: 'ticket-held' });
    expect(letters.map((l) => l.recipient).sort()).toEqual(
      ['account.manager@desk.example', lapsed.requester.email].sort(),
    );
  });

  it('nobody works a held ticket, and the ticket offers only what it accepts while held', async () => {
    const assigned = await suite.api.act(number, 'assign', { engineer: suite.people.agent.email });
    const offered: string[] = assigned.body.allowedActions;
    for (const work of ['start-analysis', 'request-info', 'escalate']) expect(offered).not.toContain(work);
    expect(offered).toEqual(expect.arrayContaining(['release', 'reply', 'change-priority']));
    const refused = await suite.api.act(number, 'start-analysis', {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/held \(contract-expired\)/);
    expect(refused.body.allowedActions).toEqual(offered);
  });

  it('renewing the contract releases the ticket, and its clocks run again from where they stood', async () => {
    const renewed = await admin().patch(`/admin/contracts/${contractId}`, { validTo: day(365) });
    expect(renewed.status).toBe(200);
    const ticket = await suite.api.get(`/tickets/${number}`);
    expect(ticket.body.held).toBeNull();
    expect(ticket.body.sla.response).toMatchObject({ state: 'on_track', dueAt: expect.any(String) });
    expect(ticket.body.timeline.at(-1)).toMatchObject({ type: 'released', actor: 'contract-renewal' });
    expect((await suite.api.act(number, 'start-analysis', {})).status).toBe(200);
    await keepHistory(
      suite.stack.client.workflow.getHandle(number),
      'held-for-lapsed-contract-released-by-renewal',
    );
  });

  it('a request marked not justified is held until it is justified; requester and account manager told why', async () => {
    const customer = await suite.people.customer('Unjustified');
    const managed = await admin().patch(`/admin/organizations/${customer.organization.id}`, {
      accountManagerEmail: 'am.unjustified@desk.example',
    });
    expect(managed.status).toBe(200);
    const opened = await suite.api.post('/tickets', customer.intake());
    const ticket = opened.body.number;
    const held = await suite.api.act(ticket, 'hold', {
      reason: 'not-justified',
      detail: 'A password reset is covered by the self-service portal',
    });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({
      held: { reason: 'not-justified' },
      sla: { resolution: { state: 'paused', dueAt: null } },
    });
    const letters = await suite.stack.db('outbox').where({ ticket_number: ticket, kind: 'ticket-held' });
    expect(letters.map((l) => l.recipient).sort()).toEqual(
      ['am.unjustified@desk.example', customer.requester.email].sort(),
    );
    const released = await suite.api.act(ticket, 'release', { note: 'The portal is down for this user' });
    expect(released.body).toMatchObject({ held: null, sla: { resolution: { state: 'on_track' } } });
    await keepHistory(suite.stack.client.workflow.getHandle(ticket), 'held-not-justified-then-released');
  });

  it('a requester cannot hold a ticket', async () => {
    const opened = await suite.api.post('/tickets', suite.people.acme.intake());
    const refused = await suite.api.act(
      opened.body.number,
      'hold',
      { reason: 'not-justified', detail: 'x' },
      suite.people.acme.requester.token,
    );
    expect(refused.status).toBe(403);
  });
});
