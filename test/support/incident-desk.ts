import { expect } from 'vitest';
import type { Db } from '../../lib/db';
import type { ApiClient } from './http';
import type { Customer } from './people';

export interface LinkedTicket {
  number: string;
  customer: Customer;
}

/** An outage's tickets: `perCustomer` from each customer, opened by the desk and linked to the incident. */
export async function linkTicketsOf(
  api: ApiClient,
  incident: string,
  customers: Customer[],
  perCustomer: number,
): Promise<LinkedTicket[]> {
  const wanted = customers.flatMap((customer) => Array.from({ length: perCustomer }, () => customer));
  const opened: LinkedTicket[] = [];
  // A few at a time, as calls come in during an outage.
  for (let i = 0; i < wanted.length; i += 10) {
    const batch = wanted.slice(i, i + 10);
    opened.push(
      ...(await Promise.all(
        batch.map(async (customer) => {
          const created = await api.post('/tickets', customer.intake({ affected: 'ERP database' }));
          expect(created.status, JSON.stringify(created.body)).toBe(201);
          return { number: created.body.number as string, customer };
        }),
      )),
    );
  }
  // One at a time, as an agent links them: each link is one update of the incident's workflow.
  for (const ticket of opened) {
    const linked = await api.post(`/incidents/${incident}/actions/link`, { ticket: ticket.number });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
  }
  return opened;
}

/** Letters of one kind queued for the tickets, as [ticket, recipient] pairs. */
export async function lettersOf(db: Db, numbers: string[], kind: string): Promise<[string, string][]> {
  const rows = await db('outbox')
    .whereIn('ticket_number', numbers)
    .where({ kind })
    .select('ticket_number', 'recipient');
  return rows.map((row) => [row.ticket_number, row.recipient]);
}

/** Each ticket's one letter, to its own requester. */
export const oneLetterEach = (tickets: LinkedTicket[]) =>
  tickets.map((t) => [t.number, t.customer.requester.email]).sort();

/**
 * Each requester lists only their organization's tickets and reads, on each, the incident's public text and
 * nothing of what the desk keeps to itself (R24): not its impact, not another organization's ticket.
 */
export async function expectEachRequesterSeesOnlyTheirOwn(
  api: ApiClient,
  incident: string,
  tickets: LinkedTicket[],
  publicText: Record<string, unknown>,
  deskOnly: string,
): Promise<void> {
  const linked = new Set(tickets.map((t) => t.number));
  for (const customer of new Set(tickets.map((t) => t.customer))) {
    const requester = api.as(customer.requester.token);
    const own = tickets.filter((t) => t.customer === customer).map((t) => t.number);
    const { body } = await requester.get('/tickets?limit=100');
    const listed: { number: string; organization: string }[] = body.items;
    expect(listed.every((t) => t.organization === customer.organization.name)).toBe(true);
    expect(
      listed
        .map((t) => t.number)
        .filter((n) => linked.has(n))
        .sort(),
    ).toEqual(own.sort());
    for (const number of own) {
      const seen = await requester.get(`/tickets/${number}`);
      expect(seen.body.incident).toEqual({ number: incident, ...publicText });
      expect(JSON.stringify(seen.body)).not.toContain(deskOnly);
    }
    const other = tickets.find((t) => t.customer !== customer)!;
    expect((await requester.get(`/tickets/${other.number}`)).status).toBe(404);
    expect((await requester.get(`/incidents/${incident}`)).status).toBe(403);
    expect((await requester.get('/incidents')).status).toBe(403);
  }
}
