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

  it('a held ticket neither plans work nor follows its plan up', async () => {
    const customer = await suite.people.customer('HeldPlan');
    const ticket: string = (await suite.api.post('/tickets', customer.intake())).body.number;
    await suite.api.act(ticket, 'assign', { engineer: suite.people.agent.email });
    expect((await suite.api.act(ticket, 'start-analysis', {})).status).toBe(200);
    const hold = { reason: 'not-justified', detail: 'The client is checking whether it is covered' };
    const plan = {
      objective: 'Replace the access switch',
      activities: [1, 2].map((n) => ({
        title: `Step ${n}`,
        owner: suite.people.agent.email,
        start: `${day(30 + n)}T15:00:00Z`,
        end: `${day(30 + n)}T16:00:00Z`,
      })),
    };
    const refusedWhileHeld = async (action: string, body: object, offered: string[]) => {
      const refused = await suite.api.act(ticket, action, body);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatch(/held \(not-justified\)/);
      expect(refused.body.allowedActions).toEqual(offered);
    };

    const heldBeforePlan = await suite.api.act(ticket, 'hold', hold);
    expect(heldBeforePlan.body.allowedActions).not.toContain('draft-plan');
    await refusedWhileHeld('draft-plan', plan, heldBeforePlan.body.allowedActions);
    await suite.api.act(ticket, 'release', {});
    expect((await suite.api.act(ticket, 'draft-plan', plan)).status).toBe(200);
    const approved = await suite.api.act(ticket, 'approve-plan', {}, customer.requester.token);
    expect(approved.body.plan.status).toBe('approved');
    expect((await suite.api.act(ticket, 'start-activity', { activity: 1, note: 'on it' })).status).toBe(200);

    const held = await suite.api.act(ticket, 'hold', hold);
    const offered: string[] = held.body.allowedActions;
    for (const work of ['draft-plan', 'start-activity', 'complete-activity'])
      expect(offered).not.toContain(work);
    await refusedWhileHeld('start-activity', { activity: 2, note: 'next' }, offered);
    await refusedWhileHeld('complete-activity', { activity: 1, note: 'done' }, offered);
    const { plan: after } = (await suite.api.get(`/tickets/${ticket}`)).body;
    expect(after.activities.map((a: { status: string }) => a.status)).toEqual(['started', 'planned']);
    const released = await suite.api.act(ticket, 'release', {});
    expect(released.body.allowedActions).toEqual(
      expect.arrayContaining(['start-activity', 'complete-activity']),
    );
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
