import { afterAll, beforeAll, expect } from 'vitest';
import { reportRoutes } from '../../api/reports/routes';
import type { Db } from '../../lib/db';
import { apiClient, type Answer, type ApiClient } from './http';
import { useOwnDatabase } from './own-database';
import { seedDesk } from './people';
import { serveRouter, type RouterServer } from './router-server';
import { act, startTimeSkipping, withWorker, type TicketHandle, type TimeSkipping } from './time-skipping';

export const minutes = (n: number) => n * 60_000;
export const day = (at: number) => new Date(at).toISOString().slice(0, 10);
export const iso = (at: number) => new Date(at).toISOString();

/** Filled in by the file's beforeAll: read the names inside the tests, not when the file loads. */
export interface SlaReportTickets {
  north: string;
  south: string;
  /** When each named path's ticket was received, in epoch milliseconds. */
  received: Record<string, number>;
  /** Each named path's ticket number. */
  numbers: Record<string, string>;
  /** A report's JSON body as the manager reads it. */
  report(path: string): Promise<any>;
  /** A question the manager posts (the what-if report), answered whatever its status. */
  ask(path: string, body: unknown): Promise<Answer>;
  /** The file's own database, which the reports read. */
  db: Db;
  /** A report as the manager reads it, answered whatever its status. */
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
}

async function climb(handle: TicketHandle, rungs: number): Promise<void> {
  for (let rung = 0; rung < rungs; rung++) await act(handle, 'escalate', { reason: 'needs the next rung' });
}

/**
 * The paths, all started together; their names say what the reports should find:
 * A P1 met both clocks and closed; E P2 went up the whole ladder by hand and was closed unresolved;
 * D P3 went onsite by hand, the engineer arrived, solution given; B P1 breached its response, then got a
 * solution; F P1 was left alone (response and resolution breached, Tier 1 and 2 frames ran out); C P3 is
 * waiting on the client; G P1 breached its response, then was lowered to P4, whose larger target re-timed
 * the clock back within it, and is waiting on the client.
 */
async function drivePaths(ts: TimeSkipping, tickets: SlaReportTickets): Promise<void> {
  const { north, south, numbers } = tickets;
  await withWorker(ts, async (open) => {
    const named = async (name: string, handle: Promise<TicketHandle>) => {
      const ticket = await handle;
      numbers[name] = ticket.workflowId;
      return ticket;
    };
    const a = await named('A', open(north, 'P1'));
    await act(a, 'assign', { engineer: 'eng.maria' });
    await act(a, 'start-analysis', {});
    await act(a, 'propose-solution', { solution: 'Renewed the SSO certificate' });
    await act(a, 'start-testing', {});
    await act(a, 'accept', {}, 'ana.ruiz@acme.example');
    await act(a, 'close', { resolution: 'Certificate renewed' });

    const e = await named('E', open(north, 'P2'));
    await climb(e, 4);
    await act(e, 'decide', { decision: 'close-unresolved', reason: 'End of life' }, 'it.manager');

    const d = await named('D', open(south, 'P3'));
    await act(d, 'assign', { engineer: 'eng.maria' });
    await act(d, 'start-analysis', {});
    await climb(d, 3);
    await act(d, 'arrive-onsite', {});
    await act(d, 'propose-solution', { solution: 'Replaced the switch' });

    const b = await named('B', open(south, 'P1'));
    await act(b, 'assign', { engineer: 'eng.lucia' });
    await named('F', open(north, 'P1'));
    const c = await named('C', open(south, 'P3'));
    await act(c, 'request-info', { question: 'Which floor is the switch on?' });
    const g = await named('G', open(north, 'P1'));
    await act(g, 'assign', { engineer: 'eng.maria' });

    await ts.env.sleep(minutes(16));
    await act(b, 'start-analysis', {}, 'eng.lucia');
    await act(b, 'propose-solution', { solution: 'Rebooted the controller' }, 'eng.lucia');
    await act(g, 'change-priority', { priority: 'P4', reason: 'One user only, a workaround exists' });
    await act(g, 'start-analysis', {});
    await act(g, 'request-info', { question: 'Does the workaround hold?' });
    await ts.env.sleep(minutes(226));
  });
  for (const row of await ts.db('tickets').select('number', 'received_at')) {
    const name = Object.keys(numbers).find((key) => numbers[key] === row.number)!;
    tickets.received[name] = row.received_at.getTime();
  }
}

/**
 * Breaches take hours of SLA time: the paths above run on a time-skipping server of the test file's own,
 * with the real workflow and activities writing the projection the reports read. The reports count every
 * ticket in the database, so each file gets a database of its own, `ticketflow_<label>_<pid>`; the
 * ticket numbers are workflow ids on that private server, so they cannot meet another file's.
 *
 * Both organizations are on brocent-24x7, plain minutes — response / resolution: P1 15 / 240,
 * P2 30 / 480, P3 120 / 1440; tier frames 60 / 120 / 240 / 240; onsite promise 120.
 */
export async function useSlaReportTickets(label: string): Promise<SlaReportTickets> {
  const databaseUrl = await useOwnDatabase(label);
  let ts: TimeSkipping | undefined;
  let server: RouterServer | undefined;
  let manager: ApiClient;
  const tickets: SlaReportTickets = {
    db: undefined as never,
    north: '',
    south: '',
    received: {},
    numbers: {},
    async report(path) {
      const answer = await manager.get(path);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body;
    },
    ask: (path, body) => manager.post(path, body),
    get: (path, headers) => manager.get(path, headers),
  };

  beforeAll(async () => {
    ts = await startTimeSkipping(databaseUrl);
    const db = ts.db;
    tickets.db = db;
    const desk = await seedDesk(db);
    const contracted = async (name: string) => {
      const { organization } = await desk.customer(name);
      await db('contracts').insert({
        organization: organization.name,
        sla_policy_id: 'brocent-24x7',
        valid_from: '2000-01-01',
      });
      return organization.name;
    };
    tickets.north = await contracted('North');
    tickets.south = await contracted('South');
    server = await serveRouter(reportRoutes({ db }));
    manager = apiClient(server.baseUrl, desk.manager.token);
    await drivePaths(ts, tickets);
  });

  afterAll(async () => {
    await server?.close();
    await ts?.teardown();
  });

  return tickets;
}
