import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Db } from '../../lib/db';
import type { ApiClient } from './http';
import { seedDesk, type Customer, type Desk } from './people';
import type { TicketStack } from './ticket-stack';

export interface RosterEngineer {
  id: string;
  name: string;
  email: string;
}

/** A field engineer and a second-line engineer of the organization's own: its dispatches send them (R22). */
export async function hireFieldTeam(db: Db, organization: string) {
  const hire = async (kind: 'field' | 'second-line'): Promise<RosterEngineer> => {
    const id = `${kind}-${randomUUID()}`;
    const engineer = { id, name: `Engineer ${id.slice(0, 16)}`, email: `${id}@ticketflow.local` };
    await db('field_engineers').insert({ ...engineer, organizations: [organization], kind });
    return engineer;
  };
  return { fieldEngineer: await hire('field'), secondLine: await hire('second-line') };
}

export interface FieldServiceScene {
  desk: Desk;
  /** An organization of the file's own, with its field team. */
  customer: Customer;
  team: { fieldEngineer: RosterEngineer; secondLine: RosterEngineer };
  fieldEngineer: ApiClient;
  requester: ApiClient;
}

/** The desk, a customer labelled `label` with a field team of its own, and the clients of both sides. */
export async function fieldServiceScene(
  suite: { stack: TicketStack; api: ApiClient },
  label: string,
): Promise<FieldServiceScene> {
  const desk = await seedDesk(suite.stack.db);
  const customer = await desk.customer(label);
  return {
    desk,
    customer,
    team: await hireFieldTeam(suite.stack.db, customer.organization.name),
    fieldEngineer: suite.api.as(desk.agents['field-engineer'].token),
    requester: suite.api.as(customer.requester.token),
  };
}

/** A field-work ticket of the customer, escalated by hand up to the Onsite tier, where an engineer is dispatched. */
export async function ticketAtOnsite(api: ApiClient, desk: Desk, customer: Customer): Promise<string> {
  const fieldWork = {
    scope: 'Replace the core switch in the server room',
    appointment: 'call the site contact',
    preferredOnsiteResponse: '2h',
  };
  const opened = await api.as(customer.requester.token).post('/tickets', customer.intake({ fieldWork }));
  expect(opened.status).toBe(201);
  const number: string = opened.body.number;
  for (const tier of ['TIER_2', 'TIER_3', 'ONSITE']) {
    const escalated = await api.as(desk.agent.token).act(number, 'escalate', { reason: `needs ${tier}` });
    expect(escalated.body.tier).toBe(tier);
  }
  return number;
}
