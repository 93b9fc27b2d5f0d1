import { beforeAll, describe, expect, it } from 'vitest';
import { fieldServiceScene, type FieldServiceScene } from './support/onsite';
import { useTicketStack } from './support/ticket-stack';

// brocent-24x7: every minute a business minute, the Onsite tier's frame 240 minutes. The contract promises
// someone on site within 300, so a frame of the tier's own would end before the promise.
const suite = useTicketStack();
let scene: FieldServiceScene;

beforeAll(async () => {
  scene = await fieldServiceScene(suite, 'Onsite frame');
  await suite.stack.db('contracts').insert({
    organization: scene.customer.organization.name,
    sla_policy_id: 'brocent-24x7',
    valid_from: '2000-01-01',
    onsite_promise_minutes: 300,
  });
});

describe('the Onsite tier frame on the ladder (R19, R21)', () => {
  it('never ends before the onsite promise, whether the ladder or the manager sends the ticket to Onsite', async () => {
    const { desk, customer, team } = scene;
    const opened = await suite.api.as(customer.requester.token).post('/tickets', customer.intake());
    expect(opened.body.tier).toBe('TIER_1');
    const number: string = opened.body.number;
    let climbed = opened.body;
    for (const reason of ['needs tier 2', 'needs tier 3', 'needs someone on site'])
      climbed = (await suite.api.act(number, 'escalate', { reason })).body;
    expect(climbed).toMatchObject({ tier: 'ONSITE', assignee: team.fieldEngineer.email });
    expect(climbed.sla.onsite.targetMinutes).toBe(300);
    expect(climbed.sla.tierFrame.targetMinutes).toBe(300);
    expect(climbed.sla.tierFrame.dueAt).toBe(climbed.sla.onsite.dueAt);

    const manager = suite.api.as(desk.manager.token);
    expect((await manager.act(number, 'escalate', { reason: 'not fixed on site' })).body.tier).toBe(
      'MANAGER',
    );
    const decision = { decision: 'continue', tier: 'ONSITE', frameMinutes: 30 };
    const back = (await manager.act(number, 'decide', decision)).body;
    expect(back).toMatchObject({ tier: 'ONSITE', assignee: team.fieldEngineer.email });
    expect(back.sla.tierFrame.targetMinutes).toBe(300);
    expect(back.sla.tierFrame.dueAt).toBe(back.sla.onsite.dueAt);
  });
});
