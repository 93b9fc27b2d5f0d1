import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApiDocument } from '../api/openapi';
import { reportRoutes } from '../api/routes/reports';
import { dropDatabase, ensureDatabase } from '../dev/databases';
import { migrate } from '../dev/migrate';
import { apiClient, type ApiClient } from './support/http';
import { seedDesk } from './support/people';
import { serveRouter, type RouterServer } from './support/router-server';
import {
  act,
  startTimeSkipping,
  withWorker,
  type TicketHandle,
  type TimeSkipping,
} from './support/time-skipping';

// Breaches take hours of SLA time: these tickets run on the time-skipping server, with the real workflow
// and activities writing the projection the reports read. The reports count every ticket in the database,
// so this file has a database of its own.
const serverUrl = inject('databaseUrl');
const database = `ticketflow_reports_sla_${process.pid}`;
const databaseUrl = await ensureDatabase(serverUrl, database);
await migrate(databaseUrl);

// brocent-24x7, plain minutes — response / resolution: P1 15 / 240, P2 30 / 480, P3 120 / 1440; tier
// frames 60 / 120 / 240 / 240; onsite promise 120.
const minutes = (n: number) => n * 60_000;
let ts: TimeSkipping;
let server: RouterServer;
let manager: ApiClient;
let north: string;
let south: string;
const received: Record<string, number> = {};
const numbers: Record<string, string> = {};

async function named(name: string, handle: Promise<TicketHandle>): Promise<TicketHandle> {
  const ticket = await handle;
  numbers[name] = ticket.workflowId;
  return ticket;
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
async function drivePaths(): Promise<void> {
  await withWorker(ts, async (open) => {
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
    received[name] = row.received_at.getTime();
  }
}

beforeAll(async () => {
  ts = await startTimeSkipping(databaseUrl);
  const desk = await seedDesk(ts.db);
  const contracted = async (label: string) => {
    const { organization } = await desk.customer(label);
    await ts.db('contracts').insert({
      organization: organization.name,
      sla_policy_id: 'brocent-24x7',
      valid_from: '2000-01-01',
    });
    return organization.name;
  };
  north = await contracted('North');
  south = await contracted('South');
  server = await serveRouter(reportRoutes({ db: ts.db }));
  manager = apiClient(server.baseUrl, desk.manager.token);
  await drivePaths();
});

afterAll(async () => {
  await server?.close();
  await ts?.teardown();
  await dropDatabase(serverUrl, database);
});

const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const iso = (at: number) => new Date(at).toISOString();

async function report(path: string) {
  const answer = await manager.get(path);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** One clock's figures: met, breached and pending clocks, and the compliance percentage. */
function clock(name: string, met: number, breached: number, pending: number, pct: number | null) {
  return {
    [`${name}Met`]: met,
    [`${name}Breached`]: breached,
    [`${name}Pending`]: pending,
    [`${name}CompliancePct`]: pct,
  };
}

describe('the SLA compliance report', () => {
  it('counts each clock met, breached or pending per period, organization and priority, and in total', async () => {
    const period = new Date(received.A!).toISOString().slice(0, 7);
    const body = await report('/reports/sla-compliance');
    const row = (organization: string, priority: string) =>
      body.rows.find((r: any) => r.organization === organization && r.priority === priority);

    expect(body.rows).toHaveLength(5);
    expect(row(north, 'P1')).toEqual({
      period,
      organization: north,
      priority: 'P1',
      tickets: 2,
      ...clock('response', 1, 1, 0, 50),
      ...clock('resolution', 1, 1, 0, 50),
      ...clock('onsite', 0, 0, 0, null),
    });
    // Closed unresolved by the manager: the resolution promise was not kept, however early it closed.
    expect(row(north, 'P2')).toMatchObject({
      tickets: 1,
      ...clock('response', 1, 0, 0, 100),
      ...clock('resolution', 0, 1, 0, 0),
      ...clock('onsite', 1, 0, 0, 100),
    });
    expect(row(south, 'P1')).toMatchObject({
      tickets: 1,
      ...clock('response', 0, 1, 0, 0),
      ...clock('resolution', 1, 0, 0, 100),
      ...clock('onsite', 0, 0, 0, null),
    });
    expect(row(south, 'P3')).toMatchObject({
      tickets: 2,
      ...clock('response', 2, 0, 0, 100),
      ...clock('resolution', 1, 0, 1, 100),
      ...clock('onsite', 1, 0, 0, 100),
    });
    // Lowered to P4 after its response breached: the clock, re-timed, stopped within the new target, yet
    // the breach recorded stands.
    expect(row(north, 'P4')).toMatchObject({
      tickets: 1,
      ...clock('response', 0, 1, 0, 0),
      ...clock('resolution', 0, 0, 1, null),
      ...clock('onsite', 0, 0, 0, null),
    });
    expect(body.total).toEqual({
      tickets: 7,
      ...clock('response', 4, 3, 0, 57.1),
      ...clock('resolution', 3, 2, 2, 60),
      ...clock('onsite', 2, 0, 0, 100),
    });
  });

  it('narrows to one organization, one priority or a period of days', async () => {
    const south_ = await report(`/reports/sla-compliance?organization=${encodeURIComponent(south)}`);
    expect(south_.rows.map((r: any) => r.priority)).toEqual(['P1', 'P3']);
    expect(south_.total).toMatchObject({ tickets: 3, ...clock('response', 2, 1, 0, 66.7) });

    const p1 = await report('/reports/sla-compliance?priority=P1');
    expect(p1.total).toMatchObject({ tickets: 3, ...clock('resolution', 2, 1, 0, 66.7) });

    const receivedOn = day(received.A!);
    const byDay = await report(`/reports/sla-compliance?period=day&from=${receivedOn}&to=${receivedOn}`);
    const thatDay = Object.values(received).filter((at) => day(at) === receivedOn);
    expect(byDay.total.tickets).toBe(thatDay.length);
    expect(new Set(byDay.rows.map((r: any) => r.period))).toEqual(new Set([receivedOn]));

    const dayAfter = day(Math.max(...Object.values(received)) + minutes(24 * 60));
    const none = await report(`/reports/sla-compliance?from=${dayAfter}`);
    expect(none).toMatchObject({ rows: [], total: { tickets: 0, ...clock('response', 0, 0, 0, null) } });
  });
});

describe('the list of breaches', () => {
  it('lists every breach recorded, newest first, at the instant its clock ran out', async () => {
    const { rows } = await report('/reports/breaches');
    expect(rows).toEqual([
      {
        breachedAt: iso(received.F! + minutes(240)),
        ticketNumber: numbers.F,
        organization: north,
        priority: 'P1',
        clock: 'resolution',
        targetMinutes: 240,
        stageAtBreach: 'OPEN',
        stage: 'OPEN',
        tier: 'TIER_3',
        assignee: null,
      },
      {
        breachedAt: iso(received.G! + minutes(15)),
        ticketNumber: numbers.G,
        organization: north,
        priority: 'P4',
        clock: 'response',
        targetMinutes: 15,
        stageAtBreach: 'OPEN',
        stage: 'ANALYSIS',
        tier: 'TIER_1',
        assignee: 'eng.maria',
      },
      expect.objectContaining({
        breachedAt: iso(received.F! + minutes(15)),
        ticketNumber: numbers.F,
        clock: 'response',
        targetMinutes: 15,
      }),
      {
        breachedAt: iso(received.B! + minutes(15)),
        ticketNumber: numbers.B,
        organization: south,
        priority: 'P1',
        clock: 'response',
        targetMinutes: 15,
        stageAtBreach: 'OPEN',
        stage: 'SOLUTION',
        tier: 'TIER_1',
        assignee: 'eng.lucia',
      },
    ]);
  });

  it('answers as the API document describes it', async () => {
    const validator = new Validator();
    await validator.validate(structuredClone(openApiDocument()));
    const { paths } = validator.resolveRefs() as any;
    const schema = paths['/reports/breaches'].get.responses[200].content['application/json'].schema;
    const ajv = addFormats(new Ajv2020({ allErrors: true, allowUnionTypes: true }));
    expect(ajv.validate(schema, await report('/reports/breaches')), ajv.errorsText()).toBe(true);
  });

  it('keeps to the period, counted by when each clock ran out, and to the organization', async () => {
    const lastDay = day(received.F! + minutes(240));
    const { rows } = await report(`/reports/breaches?from=${lastDay}&to=${lastDay}`);
    const breachTimes = [
      received.F! + minutes(240),
      received.G! + minutes(15),
      received.F! + minutes(15),
      received.B! + minutes(15),
    ];
    expect(rows.map((r: any) => r.breachedAt)).toEqual(
      breachTimes.filter((at) => day(at) === lastDay).map(iso),
    );
    const south_ = await report(`/reports/breaches?organization=${encodeURIComponent(south)}`);
    expect(south_.rows.map((r: any) => r.ticketNumber)).toEqual([numbers.B]);
  });
});

describe('escalations and backlog with the ladder’s own moves', () => {
  it('counts escalations per rung, telling the ones a running-out time frame made from the ones by hand', async () => {
    const body = await report('/reports/escalations');
    expect(body.rows).toEqual([
      { fromTier: 'TIER_1', toTier: 'TIER_2', escalations: 3, automatic: 1, manual: 2, tickets: 3 },
      { fromTier: 'TIER_2', toTier: 'TIER_3', escalations: 3, automatic: 1, manual: 2, tickets: 3 },
      { fromTier: 'TIER_3', toTier: 'ONSITE', escalations: 2, automatic: 0, manual: 2, tickets: 2 },
      { fromTier: 'ONSITE', toTier: 'MANAGER', escalations: 1, automatic: 0, manual: 1, tickets: 1 },
    ]);
    expect(body.total).toEqual({ escalations: 9, automatic: 2, manual: 7, tickets: 3 });
  });

  it('shows the open tickets by stage and tier with their SLA states', async () => {
    const body = await report('/reports/backlog');
    const cell = { atRisk: 0, breached: 0, waitingOnClient: 0 };
    expect(body.rows).toEqual([
      {
        stage: 'OPEN',
        tier: 'TIER_1',
        tickets: 1,
        ...cell,
        waitingOnClient: 1,
        oldestReceivedAt: iso(received.C!),
      },
      { stage: 'OPEN', tier: 'TIER_3', tickets: 1, ...cell, breached: 1, oldestReceivedAt: iso(received.F!) },
      // Its SLA state is paused: the backlog shows states now, the compliance report the breach it had.
      {
        stage: 'ANALYSIS',
        tier: 'TIER_1',
        tickets: 1,
        ...cell,
        waitingOnClient: 1,
        oldestReceivedAt: iso(received.G!),
      },
      {
        stage: 'SOLUTION',
        tier: 'TIER_1',
        tickets: 1,
        ...cell,
        breached: 1,
        oldestReceivedAt: iso(received.B!),
      },
      { stage: 'SOLUTION', tier: 'ONSITE', tickets: 1, ...cell, oldestReceivedAt: iso(received.D!) },
    ]);
    expect(body.total).toEqual({
      tickets: 5,
      atRisk: 0,
      breached: 2,
      waitingOnClient: 2,
      oldestReceivedAt: iso(received.D!),
    });
  });
});
