import { beforeAll, describe, expect, it } from 'vitest';
import { keepHistory } from './support/histories';
import { fieldsOf, type ApiClient } from './support/http';
import { fieldServiceScene, fieldWork, hireFieldTeam, type FieldServiceScene } from './support/onsite';
import type { Customer } from './support/people';
import { useTicketStack } from './support/ticket-stack';

// brocent-24x7: every minute is a business minute, and its Onsite tier frame is 240 minutes. The contracts
// below promise someone on site within 300, so the frame alone would end before the promise.
const suite = useTicketStack();
/** A customer with a field team of its own under the default a desk starts from: no faster visit than promised. */
let scene: FieldServiceScene;

const MINUTE = 60_000;
const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / MINUTE;

async function contract(organization: string, fastestOnsiteMinutes: number | null) {
  await suite.stack.db('contracts').insert({
    organization,
    sla_policy_id: 'brocent-24x7',
    valid_from: '2000-01-01',
    onsite_promise_minutes: 300,
    fastest_onsite_minutes: fastestOnsiteMinutes,
  });
}

async function requestFieldWork(client: ApiClient, of: Customer, preferredOnsiteResponse = '2h') {
  const opened = await client.post(
    '/tickets',
    of.intake({ fieldWork: { ...fieldWork, preferredOnsiteResponse } }),
  );
  expect(opened.status).toBe(201);
  return opened.body;
}

beforeAll(async () => {
  scene = await fieldServiceScene(suite, 'Field work at intake');
  await contract(scene.customer.organization.name, null);
});

describe('a request for field work (R21, R22)', () => {
  it("gets its field team at intake and is dispatched against the contract's promise, which the Onsite frame covers", async () => {
    const { customer, team, requester } = scene;
    const ticket = await requestFieldWork(requester, customer, '2h');
    expect(ticket).toMatchObject({ stage: 'OPEN', tier: 'ONSITE', assignee: team.fieldEngineer.email });
    expect(ticket.sla.dispatch.engineer).toEqual(team.fieldEngineer);
    expect(ticket.sla.onsite).toMatchObject({ state: 'on_track', targetMinutes: 300 });
    expect(minutesBetween(ticket.receivedAt, ticket.sla.onsite.dueAt)).toBe(300);
    expect(ticket.sla.tierFrame.dueAt).toBe(ticket.sla.onsite.dueAt);
    const dispatched = ticket.timeline.find((e: { type: string }) => e.type === 'engineer-dispatched');
    expect(dispatched.data).toMatchObject({ promiseMinutes: 300, promiseBy: 'contract' });
    expect(ticket.timeline.map((e: { type: string }) => e.type)).not.toContain('escalated');

    const fieldService = (await requester.get(`/tickets/${ticket.number}/field-service`)).body;
    expect(fieldService.team).toEqual({
      fieldEngineer: team.fieldEngineer,
      secondLineEngineer: team.secondLine,
    });
  });

  it("is promised the requester's shorter onsite response when the contract allows it, never below the contract's fastest", async () => {
    const { desk } = scene;
    const hurried = await desk.customer('Field work in a hurry');
    await hireFieldTeam(suite.stack.db, hurried.organization.name);
    await contract(hurried.organization.name, 60);
    const client = suite.api.as(hurried.requester.token);
    const promised = async (preferred: string) => {
      const { sla, timeline } = await requestFieldWork(client, hurried, preferred);
      const dispatched = timeline.find((e: { type: string }) => e.type === 'engineer-dispatched');
      return { target: sla.onsite.targetMinutes, by: dispatched.data.promiseBy };
    };
    expect(await promised('2 hours')).toEqual({ target: 120, by: 'requester' });
    expect(await promised('30m')).toEqual({ target: 60, by: 'requester' });
    expect(await promised('6h')).toEqual({ target: 300, by: 'contract' });

    const unreadable = await client.post(
      '/tickets',
      hurried.intake({ fieldWork: { ...fieldWork, preferredOnsiteResponse: 'as soon as possible' } }),
    );
    expect(unreadable.status).toBe(400);
    expect(fieldsOf(unreadable)).toEqual(['fieldWork.preferredOnsiteResponse']);
  });

  it('held at intake (R5), it is dispatched only once service is released', async () => {
    const { desk } = scene;
    const lapsed = await desk.customer('Field work, contract lapsed');
    const lapsedTeam = await hireFieldTeam(suite.stack.db, lapsed.organization.name);
    const admin = suite.api.as(desk.admin.token);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const signed = await admin.post('/admin/contracts', {
      organization: lapsed.organization.name,
      slaPolicyId: 'brocent-24x7',
      validFrom: day(-400),
      validTo: day(-1),
    });
    const held = await requestFieldWork(suite.api.as(lapsed.requester.token), lapsed);
    expect(held).toMatchObject({ held: { reason: 'contract-expired' }, tier: 'TIER_1', assignee: null });
    expect(held.sla.dispatch).toBeNull();

    expect((await admin.patch(`/admin/contracts/${signed.body.id}`, { validTo: day(365) })).status).toBe(200);
    const released = (await suite.api.get(`/tickets/${held.number}`)).body;
    expect(released).toMatchObject({ held: null, tier: 'ONSITE', assignee: lapsedTeam.fieldEngineer.email });
    expect(released.sla.onsite.state).toBe('on_track');
  });

  it('an appointment after the promise needs a reason, puts the onsite promise at risk and tells the Onsite lead', async () => {
    const { desk, customer, fieldEngineer, requester } = scene;
    const ticket = await requestFieldWork(requester, customer);
    const path = `/tickets/${ticket.number}/appointment`;
    const afterPromise = new Date(Date.parse(ticket.sla.onsite.dueAt) + 60 * MINUTE).toISOString();

    const unexplained = await fieldEngineer.put(path, { at: afterPromise });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.errors).toEqual([
      {
        field: 'reason',
        message: `required for a time after the onsite promise (${ticket.sla.onsite.dueAt})`,
      },
    ]);
    const reason = 'the site contact is away until tomorrow morning';
    expect((await fieldEngineer.put(path, { at: afterPromise, reason })).status).toBe(200);

    const atRisk = (await requester.get(`/tickets/${ticket.number}`)).body;
    expect(atRisk.sla.onsite.state).toBe('at_risk');
    expect(atRisk.timeline.at(-1)).toMatchObject({
      type: 'appointment-beyond-promise',
      actor: desk.agents['field-engineer'].email,
      data: { appointmentAt: afterPromise, promiseDue: ticket.sla.onsite.dueAt, reason, onsite: 'at_risk' },
    });
    const told = await suite.stack.db('outbox').where({
      ticket_number: ticket.number,
      kind: 'appointment-beyond-promise',
    });
    expect(told.map((letter) => letter.recipient)).toEqual(['onsite-lead@ticketflow.local']);

    const arrived = await suite.api.act(
      ticket.number,
      'arrive-onsite',
      {},
      desk.agents['field-engineer'].token,
    );
    expect(arrived.body.sla.onsite.state).toBe('met');
    await keepHistory(
      suite.stack.client.workflow.getHandle(ticket.number),
      'field-work-dispatched-at-intake',
    );
  });

  it('a visit after a promise already kept is agreed like any other', async () => {
    const { desk, customer, fieldEngineer, requester } = scene;
    const ticket = await requestFieldWork(requester, customer);
    await suite.api.act(ticket.number, 'arrive-onsite', {}, desk.agents['field-engineer'].token);
    const nextWeek = new Date(Date.parse(ticket.sla.onsite.dueAt) + 7 * 24 * 60 * MINUTE).toISOString();
    const agreed = await fieldEngineer.put(`/tickets/${ticket.number}/appointment`, { at: nextWeek });
    expect(agreed.body).toMatchObject({ status: 'confirmed', scheduledAt: nextWeek });
    const { timeline } = (await requester.get(`/tickets/${ticket.number}`)).body;
    expect(timeline.map((e: { type: string }) => e.type)).not.toContain('appointment-beyond-promise');
  });
});
