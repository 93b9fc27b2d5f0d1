import { describe, expect, it } from 'vitest';
import { keepHistory } from './support/histories';
import { validIntake } from './support/intake';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();

async function openTicket(): Promise<string> {
  return (await suite.api.post('/tickets', validIntake())).body.number;
}

const letterKinds = async (number: string) =>
  suite.stack.db('outbox').where({ ticket_number: number }).orderBy('id').pluck('kind');

describe('service-level actions through the API', () => {
  it('a question to the client pauses the clocks, and the answer resumes them (R11)', async () => {
    const number = await openTicket();
    const asked = await suite.api.act(number, 'request-info', {
      question: 'Which browser do the agents use?',
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      waitingOnClient: true,
      slaState: 'paused',
      sla: {
        resolution: { state: 'paused', dueAt: null },
        waitingOnClient: { question: 'Which browser do the agents use?' },
      },
    });
    expect((await suite.api.act(number, 'request-info', { question: 'Again?' })).status).toBe(409);
    const answered = await suite.api.act(
      number,
      'provide-info',
      { answer: 'Edge 131' },
      suite.people.acme.requester.token,
    );
    expect(answered.body).toMatchObject({
      waitingOnClient: false,
      sla: { resolution: { state: 'on_track' }, waitingOnClient: null },
    });
    expect(answered.body.resolutionDue).toBe(answered.body.sla.resolution.dueAt);
    expect(await letterKinds(number)).toEqual(['acknowledgement', 'info-requested']);
  });

  it('a priority change needs a known priority and a reason, and the requester is told (R15)', async () => {
    const number = await openTicket();
    const bad = await suite.api.act(number, 'change-priority', { priority: 'P9' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['priority', 'reason']);
    expect((await suite.api.act(number, 'change-priority', { priority: 'P2', reason: 'same' })).status).toBe(
      409,
    );
    const raised = await suite.api.act(number, 'change-priority', {
      priority: 'P1',
      reason: 'Plant stopped',
    });
    expect(raised.body).toMatchObject({ priority: 'P1', sla: { response: { targetMinutes: 30 } } });
    expect(await letterKinds(number)).toEqual(['acknowledgement', 'priority-changed']);
  });

  it('escalating by hand moves the ticket up the ladder, re-queues it and documents why (R19)', async () => {
    const number = await openTicket();
    await suite.api.act(number, 'assign', { engineer: 'eng.tier1' });
    const noReason = await suite.api.act(number, 'escalate', {});
    expect(noReason.body.errors).toEqual([{ field: 'reason', message: 'required' }]);
    const escalated = await suite.api.act(number, 'escalate', { reason: 'Needs the network team' });
    expect(escalated.body).toMatchObject({ tier: 'TIER_2', assignee: null });
    expect(escalated.body.timeline.at(-2)).toMatchObject({
      type: 'escalated',
      actor: suite.people.agent.email,
      data: { reason: 'Needs the network team' },
    });
    const queue = await suite.api.get('/queue?tier=TIER_2&limit=100');
    expect(queue.body.items.map((t: { number: string }) => t.number)).toContain(number);
    expect(await letterKinds(number)).toEqual(['acknowledgement', 'escalated', 'escalation-queued']);
  });

  it('onsite: an engineer is dispatched against the promise, and arriving keeps it (R21)', async () => {
    const number = await openTicket();
    for (const tier of ['TIER_2', 'TIER_3', 'ONSITE']) {
      expect((await suite.api.act(number, 'escalate', { reason: `to ${tier}` })).body.tier).toBe(tier);
    }
    const onsite = (await suite.api.get(`/tickets/${number}`)).body;
    expect(onsite.sla).toMatchObject({
      dispatch: { engineer: { email: expect.any(String) } },
      onsite: { state: 'on_track' },
    });
    expect(onsite.assignee).toBe(onsite.sla.dispatch.engineer.email);
    const arrived = await suite.api.act(
      number,
      'arrive-onsite',
      { note: 'Checked in with Luis' },
      suite.people.agents['field-engineer'].token,
    );
    expect(arrived.body.sla.onsite.state).toBe('met');
    expect((await suite.api.act(number, 'arrive-onsite', {})).status).toBe(409);
    await keepHistory(suite.stack.client.workflow.getHandle(number), 'escalated-to-onsite-engineer-arrives');
  });

  it('the manager decides only at the decision point, on a well-formed decision, with the dossier at hand (R20)', async () => {
    const number = await openTicket();
    const manager = suite.api.as(suite.people.manager.token);
    expect((await manager.act(number, 'decide', { decision: 'close-unresolved', reason: 'x' })).status).toBe(
      409,
    );
    for (const tier of ['TIER_2', 'TIER_3', 'ONSITE', 'MANAGER'])
      await suite.api.act(number, 'escalate', { reason: `to ${tier}` });
    const atManager = (await suite.api.get(`/tickets/${number}`)).body;
    expect(atManager).toMatchObject({ tier: 'MANAGER', allowedActions: expect.arrayContaining(['decide']) });
    expect((await suite.api.act(number, 'escalate', { reason: 'higher' })).status).toBe(409);
    const dossiers = await manager.get(`/tickets/${number}/dossiers`);
    expect(dossiers.body.items).toHaveLength(1);

    const malformed = await manager.act(number, 'decide', { decision: 'continue', tier: 'TIER_9' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['tier', 'frameMinutes']);
    const decided = await manager.act(number, 'decide', {
      decision: 'continue',
      tier: 'TIER_3',
      frameMinutes: 120,
    });
    expect(decided.body).toMatchObject({
      tier: 'TIER_3',
      sla: { manager: null, tierFrame: { targetMinutes: 120 } },
    });
  });
});
