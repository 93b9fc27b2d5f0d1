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
