import { describe, expect, it } from 'vitest';
import { useTicketStack } from './support/ticket-stack';

// Who may read and what is refused do not depend on the figures: the shared database and its people serve.
const suite = useTicketStack();
const as = (token: string) => suite.api.as(token);

describe('report filters', () => {
  it('refuses bad dates, an unknown priority, format or filter with 400 naming each field', async () => {
    const refused = await as(suite.people.manager.token).get(
      '/reports/sla-compliance?from=2026-02-30&priority=P9&format=xml&period=year&colour=red',
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: any) => e.field).sort()).toEqual([
      'colour',
      'format',
      'from',
      'period',
      'priority',
    ]);
  });

  it('refuses a period that ends before it starts, though each day is well-formed, with 422', async () => {
    const refused = await as(suite.people.manager.token).get(
      '/reports/backlog?from=2026-03-02&to=2026-03-01',
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: 'to', message: 'on or after from' }]);
  });
});

describe('who may read reports', () => {
  it('is managers and admins; anybody else is refused', async () => {
    expect((await as(suite.people.admin.token).get('/reports/breaches')).status).toBe(200);
    const agent = await suite.api.get('/reports/breaches');
    expect(agent.status).toBe(403);
    expect(agent.body.error).toBe('an agent may not do this; allowed: manager, admin');
    expect((await as(suite.people.acme.requester.token).get('/reports/csat')).status).toBe(403);
    const anonymous = await fetch(`${suite.stack.baseUrl}/reports/csat`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});

describe('a refusal names the role in plain English', () => {
  it('says "an admin" and "an agent", not "a admin" or "a agent"', async () => {
    const admin = await as(suite.people.admin.token).post('/tickets/TF-100001/actions/assign', {
      engineer: 'maria.lopez@ticketflow.local',
    });
    expect(admin.status).toBe(403);
    expect(admin.body.error).toBe('an admin may not assign');
    const manager = await as(suite.people.manager.token).get('/admin/people');
    expect(manager.body.error).toMatch(/^a manager may not do this/);
  });
});
