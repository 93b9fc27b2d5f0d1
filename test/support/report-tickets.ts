import { beforeAll, expect } from 'vitest';
import type { Impact, Urgency } from '../../domain/priority';
import type { ApiClient } from './http';
import { useOwnDatabase } from './own-database';
import type { Customer, Desk } from './people';
import { useTicketStack, type TicketStack } from './ticket-stack';

/** Filled in by the file's beforeAll: read the fields inside the tests, not when the file loads. */
export interface ReportTickets {
  stack: TicketStack;
  desk: Desk;
  north: Customer;
  south: Customer;
  /** The tier-1 agent. */
  agent: ApiClient;
  manager: ApiClient;
  /** Each named path's ticket number. */
  numbers: Record<string, string>;
  as(token: string): ApiClient;
  /** A report's JSON body, read by the manager unless `by` says otherwise. */
  report(path: string, by?: ApiClient): Promise<any>;
}

async function open(t: ReportTickets, name: string, customer: Customer, impact: Impact, urgency: Urgency) {
  const opened = await t.as(customer.requester.token).post('/tickets', customer.intake({ impact, urgency }));
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  t.numbers[name] = opened.body.number;
}

async function act(t: ReportTickets, name: string, action: string, body: unknown = {}, by = t.agent) {
  const answer = await by.act(t.numbers[name]!, action, body);
  expect(answer.status, `${name} ${action}: ${JSON.stringify(answer.body)}`).toBe(200);
}

async function toTesting(t: ReportTickets, name: string) {
  await act(t, name, 'assign', { engineer: t.desk.agent.email });
  await act(t, name, 'start-analysis');
  await act(t, name, 'propose-solution', { solution: 'Renewed the certificate' });
  await act(t, name, 'start-testing');
}

async function climb(t: ReportTickets, name: string, rungs: number) {
  for (let rung = 0; rung < rungs; rung++) await act(t, name, 'escalate', { reason: 'needs the next rung' });
}

/**
 * Known paths; each name says where its ticket ends. North: N1, N2 closed P1 (accepted / confirmed by
 * phone), N3, N4 open P3, N5 P2 escalated once and in analysis. South: S1 P3 escalated twice, S2 P4 with
 * a solution, S3 P2 escalated once and closed, S4 P3 up the whole ladder and closed unresolved.
 */
async function drivePaths(t: ReportTickets): Promise<void> {
  const { north, south } = t;
  await open(t, 'N1', north, 'high', 'high');
  await toTesting(t, 'N1');
  await act(t, 'N1', 'accept', {}, t.as(north.requester.token));
  await act(t, 'N1', 'close', { resolution: 'Certificate renewed' });
  await open(t, 'N2', north, 'high', 'high');
  await toTesting(t, 'N2');
  await act(t, 'N2', 'close', { resolution: 'Certificate renewed', verification: { method: 'phone' } });
  await open(t, 'N3', north, 'medium', 'medium');
  await open(t, 'N4', north, 'medium', 'medium');
  await open(t, 'N5', north, 'high', 'medium');
  await climb(t, 'N5', 1);
  await act(t, 'N5', 'assign', { engineer: t.desk.agent.email });
  await act(t, 'N5', 'start-analysis');

  await open(t, 'S1', south, 'medium', 'medium');
  await climb(t, 'S1', 2);
  await open(t, 'S2', south, 'low', 'low');
  await act(t, 'S2', 'assign', { engineer: t.desk.agent.email });
  await act(t, 'S2', 'start-analysis');
  await act(t, 'S2', 'propose-solution', { solution: 'Replaced the cable' });
  await open(t, 'S3', south, 'high', 'medium');
  await climb(t, 'S3', 1);
  await toTesting(t, 'S3');
  await act(t, 'S3', 'accept', {}, t.as(south.requester.token));
  await act(t, 'S3', 'close', { resolution: 'Certificate renewed' });
  await open(t, 'S4', south, 'medium', 'medium');
  await climb(t, 'S4', 4);
  await act(t, 'S4', 'decide', { decision: 'close-unresolved', reason: 'End of life' }, t.manager);
}

/**
 * The real desk with the paths above driven through its API and three CSAT answers stored. The reports
 * count every ticket in the database: a database of the file's own, `ticketflow_<label>_<pid>`, keeps
 * other files' tickets, created in parallel, out of the figures. Ticket numbers are workflow ids on the
 * Temporal server all files share, so each file numbers from a range of its own, `firstTicketNumber`
 * (the shared database starts at 100001; the report files keep to 930 000 000 – 939 999 999).
 */
export async function useReportTickets(label: string, firstTicketNumber: number): Promise<ReportTickets> {
  const databaseUrl = await useOwnDatabase(label);
  const suite = useTicketStack({ databaseUrl });
  const tickets = {
    numbers: {},
    as: (token: string) => suite.api.as(token),
    async report(path: string, by = tickets.manager) {
      const answer = await by.get(path);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body;
    },
  } as ReportTickets;

  beforeAll(async () => {
    await suite.stack.db.raw(`SELECT setval('ticket_number_seq', ?)`, [firstTicketNumber]);
    tickets.stack = suite.stack;
    tickets.desk = suite.people;
    tickets.north = await suite.people.customer('North, "Main" Office');
    tickets.south = await suite.people.customer('South');
    tickets.agent = tickets.as(suite.people.agent.token);
    tickets.manager = tickets.as(suite.people.manager.token);
    await drivePaths(tickets);
    // The survey link of the closing letter is the mail engineer's route: the answers it stores are
    // written here as it writes them, one per closed ticket.
    await suite.stack.db('csat_responses').insert([
      { ticket_number: tickets.numbers.N1, score: 5, comment: 'Quick and kind' },
      { ticket_number: tickets.numbers.N2, score: 4, comment: null },
      { ticket_number: tickets.numbers.S3, score: 2, comment: 'Took a second try' },
    ]);
  });

  return tickets;
}
