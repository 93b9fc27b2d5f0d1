import { beforeAll, describe, expect, it } from 'vitest';
import { keepHistory } from './support/histories';
import { fieldsOf, type ApiClient } from './support/http';
import { fieldServiceScene, hireFieldTeam, ticketAtOnsite, type RosterEngineer } from './support/onsite';
import type { Customer, Desk } from './support/people';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
let desk: Desk;
let customer: Customer;
let team: { fieldEngineer: RosterEngineer; secondLine: RosterEngineer };
let fieldEngineer: ApiClient;
let requester: ApiClient;

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

beforeAll(async () => {
  ({ desk, customer, team, fieldEngineer, requester } = await fieldServiceScene(suite, 'Field service'));
  // Field service around the clock (the field-service SOP's 24x7 calendar): an appointment at any hour is
  // within it, never special-hours work (R16); the default policy's 8-hour onsite promise, as the tests expect.
  await suite.stack.db('contracts').insert({
    organization: customer.organization.name,
    sla_policy_id: 'brocent-24x7',
    onsite_promise_minutes: 480,
    valid_from: '2000-01-01',
  });
});

describe('the field team of a ticket (R22)', () => {
  it('keeps its field engineer and second-line engineer when the ticket comes back to Onsite', async () => {
    const number = await ticketAtOnsite(suite.api, customer);
    const first = (await requester.get(`/tickets/${number}/field-service`)).body;
    expect(first.team).toEqual({ fieldEngineer: team.fieldEngineer, secondLineEngineer: team.secondLine });
    expect(first.dispatches).toMatchObject([{ engineer: team.fieldEngineer }]);

    // An idler engineer of the organization's own exists by the time the ticket is back at Onsite.
    await hireFieldTeam(suite.stack.db, customer.organization.name);
    const manager = suite.api.as(desk.manager.token);
    expect((await manager.act(number, 'escalate', { reason: 'onsite did not fix it' })).body.tier).toBe(
      'MANAGER',
    );
    const decision = { decision: 'continue', tier: 'TIER_3', frameMinutes: 60 };
    expect((await manager.act(number, 'decide', decision)).status).toBe(200);
    const back = await manager.act(number, 'escalate', { reason: 'needs the site again' });
    expect(back.body).toMatchObject({ tier: 'ONSITE', assignee: team.fieldEngineer.email });

    const later = (await fieldEngineer.get(`/tickets/${number}/field-service`)).body;
    expect(later.team).toEqual(first.team);
    expect(later.dispatches.map((d: { engineer: RosterEngineer }) => d.engineer)).toEqual([
      team.fieldEngineer,
      team.fieldEngineer,
    ]);
    await keepHistory(
      suite.stack.client.workflow.getHandle(number),
      'field-work-back-to-onsite-after-manager',
    );
  });
});

describe('the appointment with the site contact (R21)', () => {
  it('is proposed by the dispatch, confirmed with the site contact, and moved only with a reason', async () => {
    const number = await ticketAtOnsite(suite.api, customer);
    const proposed = (await requester.get(`/tickets/${number}/field-service`)).body.appointment;
    expect(proposed).toMatchObject({
      status: 'proposed',
      siteContact: { name: 'Luis Gómez', phone: '+57 350 318 9922' },
      history: [],
    });
    expect(proposed.scheduledAt).toBe(proposed.proposedAt);

    const agreedAt = inHours(2);
    const confirmed = await fieldEngineer.put(`/tickets/${number}/appointment`, { at: agreedAt });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'confirmed',
      scheduledAt: agreedAt,
      history: [{ scheduledAt: agreedAt, agreedBy: desk.agents['field-engineer'].email, reason: null }],
    });

    const later = inHours(26);
    const path = `/tickets/${number}/appointment`;
    expect(fieldsOf(await fieldEngineer.put(path, { at: later }))).toEqual(['reason']);
    expect(fieldsOf(await fieldEngineer.put(path, { at: inHours(-1), reason: 'x' }))).toEqual(['at']);
    expect(fieldsOf(await fieldEngineer.put(path, { at: 'tomorrow', colour: 'red' }))).toEqual([
      'at',
      'colour',
    ]);
    expect((await requester.put(path, { at: later, reason: 'we decide' })).status).toBe(403);

    const siteContact = { name: 'Marta Silva', phone: '+57 301 555 0101' };
    const moved = await fieldEngineer.put(path, {
      at: later,
      reason: 'the site closes at noon',
      siteContact,
    });
    expect(moved.body).toMatchObject({ status: 'rescheduled', scheduledAt: later, siteContact });
    expect(moved.body.history).toHaveLength(2);
    expect((await requester.get(`/tickets/${number}/field-service`)).body.appointment).toEqual(moved.body);
  });

  it('cannot be made before an engineer is dispatched, and another organization cannot see it', async () => {
    const opened = await requester.post('/tickets', customer.intake());
    const path = `/tickets/${opened.body.number}/appointment`;
    const refused = await fieldEngineer.put(path, { at: inHours(2) });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe(
      `appointment: no field engineer has been dispatched to ticket ${opened.body.number}`,
    );
    const stranger = suite.api.as(desk.globex.requester.token);
    expect((await stranger.get(`/tickets/${opened.body.number}/field-service`)).status).toBe(404);
    expect((await fieldEngineer.get('/tickets/TF-0/field-service')).status).toBe(404);
  });
});

describe('the conversation of a ticket (R22)', () => {
  it('is shared among field engineer, site contact, remote engineer and partner team; internal notes stay with the desk', async () => {
    const number = await ticketAtOnsite(suite.api, customer);
    const path = `/tickets/${number}/conversation`;
    const secondLine = suite.api.as(desk.agents['second-line'].token);
    const partner = suite.api.as(desk.agent.token);
    const posts: [ApiClient, object][] = [
      [fieldEngineer, { message: 'On my way, at the site by 10:00' }],
      [requester, { message: 'Gate B is open; ask for Luis', as: 'site-contact' }],
      [secondLine, { message: 'Vendor firmware 17.9 is known to lose the uplink', internal: true }],
      [requester, { message: 'Remote access is ready on 10.1.4.2', as: 'remote-engineer' }],
      // `body`, the field's former name, is still taken.
      [partner, { body: 'Parts left Bogotá at 08:10' }],
    ];
    for (const [client, body] of posts) expect((await client.post(path, body)).status).toBe(201);

    const shared = (await requester.get(path)).body.items;
    expect(shared.map((m: { as: string; body: string }) => [m.as, m.body])).toEqual([
      ['field-engineer', 'On my way, at the site by 10:00'],
      ['site-contact', 'Gate B is open; ask for Luis'],
      ['remote-engineer', 'Remote access is ready on 10.1.4.2'],
      ['partner', 'Parts left Bogotá at 08:10'],
    ]);
    const all = (await partner.get(path)).body.items;
    expect(all).toHaveLength(5);
    expect(all[2]).toMatchObject({
      author: desk.agents['second-line'].email,
      as: 'second-line',
      internal: true,
      channel: 'conversation',
    });
  });

  it('refuses a requester an internal note or the desk’s voice, and another organization the ticket, writing nothing', async () => {
    const number = await ticketAtOnsite(suite.api, customer);
    const path = `/tickets/${number}/conversation`;
    const noteByRequester = await requester.post(path, { message: 'psst', internal: true });
    expect(noteByRequester.status).toBe(403);
    expect(fieldsOf(noteByRequester)).toEqual(['internal']);
    const requesterAsPartner = await requester.post(path, { message: 'we are the desk', as: 'partner' });
    expect(fieldsOf(requesterAsPartner)).toEqual(['as']);
    const engineerAsCustomer = await fieldEngineer.post(path, { message: 'all good', as: 'site-contact' });
    expect(engineerAsCustomer.status).toBe(403);
    expect(fieldsOf(await fieldEngineer.post(path, { message: ' ', as: 'boss' }))).toEqual(['message', 'as']);
    expect(fieldsOf(await fieldEngineer.post(path, { internal: true }))).toEqual(['message']);
    expect(fieldsOf(await fieldEngineer.post(path, { message: 'a', body: 'b' }))).toEqual(['body']);
    const stranger = suite.api.as(desk.globex.requester.token);
    expect((await stranger.post(path, { message: 'hello?' })).status).toBe(404);
    expect((await stranger.get(path)).status).toBe(404);
    expect((await suite.api.as(desk.admin.token).get(path)).status).toBe(403);
    expect((await fieldEngineer.get(path)).body.items).toEqual([]);
  });
});
