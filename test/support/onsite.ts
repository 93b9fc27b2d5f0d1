import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Db } from '../../lib/db';
import type { ApiClient } from './http';
import type { Customer, Desk } from './people';

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
