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

export const fieldWork = {
  scope: 'Replace the core switch in the server room',
  appointment: 'call the site contact',
  preferredOnsiteResponse: '2h',
};

/** A field-work request of the customer: it starts at the Onsite tier, an engineer dispatched at intake (R21). */
export async function ticketAtOnsite(api: ApiClient, customer: Customer): Promise<string> {
  const opened = await api.as(customer.requester.token).post('/tickets', customer.intake({ fieldWork }));
  expect(opened.status).toBe(201);
  expect(opened.body.tier).toBe('ONSITE');
  return opened.body.number;
}
