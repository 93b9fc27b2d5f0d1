import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from './support/people';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
let customer: Customer;
let other: Customer;

beforeAll(async () => {
  customer = await suite.people.customer('Intake');
  other = await suite.people.customer('Other');
});

/** Opens with an idempotency key of its own, so "nothing written" is checked without racing other files. */
async function attempt(token: string, intake: Record<string, unknown>) {
  const key = randomUUID();
  const answer = await suite.api.as(token).post('/tickets', intake, { 'Idempotency-Key': key });
  const stored = await suite.stack.db('ticket_requests').where({ idempotency_key: key }).first();
  return { ...answer, stored: Boolean(stored) };
}

const stranger = { name: 'Pat Doe', email: 'pat.doe@unknown.example', phone: '+57 601 0000000' };

describe('a requester opens tickets for themselves and their organization only', () => {
  it('opens their own ticket, recorded with them as the actor', async () => {
    const opened = await attempt(customer.requester.token, customer.intake());
    expect(opened.status).toBe(201);
    expect(opened.body.timeline[0]).toMatchObject({ type: 'opened', actor: customer.requester.email });
  });

  it('is refused with 403 naming requester.email and organization when the body names someone else', async () => {
    const refused = await attempt(
      customer.requester.token,
      other.intake({ requester: { ...stranger, email: other.requester.email } }),
    );
    expect(refused).toMatchObject({ status: 403, stored: false });
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'requester.email',
      'organization',
    ]);
  });

  it('is refused with 403 naming channel and receivedAt when entering a walk-in dated days back', async () => {
    const fiveDaysBack = new Date(Date.now() - 5 * 24 * 3_600_000).toISOString();
    const intake = customer.intake({ channel: 'walk-in', receivedAt: fiveDaysBack });
    const refused = await attempt(customer.requester.token, intake);
    expect(refused).toMatchObject({ status: 403, stored: false });
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['channel', 'receivedAt']);
    const entered = await attempt(suite.people.manager.token, intake);
    expect(entered).toMatchObject({ status: 201, body: { channel: 'walk-in', receivedAt: fiveDaysBack } });
  });

  it('may spell their address in capitals', async () => {
    const requester = { ...stranger, email: customer.requester.email.toUpperCase() };
    expect((await attempt(customer.requester.token, customer.intake({ requester }))).status).toBe(201);
  });
});

describe('the desk opens tickets for callers who are authorized reporters (R1 phone and walk-in, R4)', () => {
  it("an agent opens a ticket for the organization's requester", async () => {
    const receivedAt = new Date(Date.now() - 60_000).toISOString();
    const opened = await attempt(suite.people.agent.token, customer.intake({ channel: 'phone', receivedAt }));
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ channel: 'phone', requesterEmail: customer.requester.email });
  });

  it('an unknown caller is refused with 422 naming requester.email, and nothing is written', async () => {
    const refused = await attempt(suite.people.agent.token, customer.intake({ requester: stranger }));
    expect(refused).toMatchObject({ status: 422, stored: false });
    expect(refused.body.errors).toEqual([
      { field: 'requester.email', message: expect.stringContaining('not an authorized reporter') },
    ]);
  });

  it("another organization's requester is not a reporter of this one", async () => {
    const requester = { ...stranger, email: other.requester.email };
    const refused = await attempt(suite.people.manager.token, customer.intake({ requester }));
    expect(refused).toMatchObject({ status: 422, body: { errors: [{ field: 'requester.email' }] } });
  });

  it('an organization the desk does not serve is refused with 422 naming organization', async () => {
    const refused = await attempt(
      suite.people.agent.token,
      customer.intake({ organization: `Nobody ${randomUUID()}` }),
    );
    expect(refused).toMatchObject({
      status: 422,
      stored: false,
      body: { errors: [{ field: 'organization' }] },
    });
  });

  it('a deactivated requester is no longer served', async () => {
    const leaving = await suite.people.customer('Leaving');
    const admin = suite.api.as(suite.people.admin.token);
    expect((await admin.post(`/admin/people/${leaving.requester.id}/deactivate`)).status).toBe(200);
    const refused = await attempt(suite.people.agent.token, leaving.intake());
    expect(refused).toMatchObject({ status: 422, stored: false });
    expect((await attempt(leaving.requester.token, leaving.intake())).status).toBe(401);
  });

  it('an admin opens no tickets', async () => {
    expect((await attempt(suite.people.admin.token, customer.intake())).status).toBe(403);
  });
});
