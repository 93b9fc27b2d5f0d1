import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApiDocument } from '../api/openapi';
import { reports } from '../api/reports';
import { dropDatabase, ensureDatabase } from '../dev/databases';
import { migrate } from '../dev/migrate';
import type { Impact, Urgency } from '../domain/priority';
import type { ApiClient } from './support/http';
import { seedDesk, type Customer, type Desk } from './support/people';
import { useTicketStack } from './support/ticket-stack';

// The reports count every ticket in the database: a database of this file's own keeps other files'
// tickets, created in parallel, out of the figures checked here.
const serverUrl = inject('databaseUrl');
const database = `ticketflow_reports_${process.pid}`;
const databaseUrl = await ensureDatabase(serverUrl, database);
await migrate(databaseUrl);
afterAll(() => dropDatabase(serverUrl, database));

const suite = useTicketStack({ databaseUrl });
let desk: Desk;
let north: Customer;
let south: Customer;
let agent: ApiClient;
let manager: ApiClient;
const numbers: Record<string, string> = {};
const as = (token: string) => suite.api.as(token);

async function open(name: string, customer: Customer, impact: Impact, urgency: Urgency) {
  const opened = await as(customer.requester.token).post('/tickets', customer.intake({ impact, urgency }));
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  numbers[name] = opened.body.number;
}

async function act(name: string, action: string, body: unknown = {}, by = agent) {
  const answer = await by.act(numbers[name]!, action, body);
  expect(answer.status, `${name} ${action}: ${JSON.stringify(answer.body)}`).toBe(200);
}

async function toTesting(name: string) {
  await act(name, 'assign', { engineer: desk.agent.email });
  await act(name, 'start-analysis');
  await act(name, 'propose-solution', { solution: 'Renewed the certificate' });
  await act(name, 'start-testing');
}

async function climb(name: string, rungs: number) {
  for (let rung = 0; rung < rungs; rung++) await act(name, 'escalate', { reason: 'needs the next rung' });
}

/**
 * Known paths; each name says where its ticket ends. North: N1, N2 closed P1 (accepted / confirmed by
 * phone), N3, N4 open P3, N5 P2 escalated once and in analysis. South: S1 P3 escalated twice, S2 P4 with
 * a solution, S3 P2 escalated once and closed, S4 P3 up the whole ladder and closed unresolved.
 */
async function drivePaths(): Promise<void> {
  await open('N1', north, 'high', 'high');
  await toTesting('N1');
  await act('N1', 'accept', {}, as(north.requester.token));
  await act('N1', 'close', { resolution: 'Certificate renewed' });
  await open('N2', north, 'high', 'high');
  await toTesting('N2');
  await act('N2', 'close', { resolution: 'Certificate renewed', verification: { method: 'phone' } });
  await open('N3', north, 'medium', 'medium');
  await open('N4', north, 'medium', 'medium');
  await open('N5', north, 'high', 'medium');
  await climb('N5', 1);
  await act('N5', 'assign', { engineer: desk.agent.email });
  await act('N5', 'start-analysis');

  await open('S1', south, 'medium', 'medium');
  await climb('S1', 2);
  await open('S2', south, 'low', 'low');
  await act('S2', 'assign', { engineer: desk.agent.email });
  await act('S2', 'start-analysis');
  await act('S2', 'propose-solution', { solution: 'Replaced the cable' });
  await open('S3', south, 'high', 'medium');
  await climb('S3', 1);
  await toTesting('S3');
  await act('S3', 'accept', {}, as(south.requester.token));
  await act('S3', 'close', { resolution: 'Certificate renewed' });
  await open('S4', south, 'medium', 'medium');
  await climb('S4', 4);
  await act('S4', 'decide', { decision: 'close-unresolved', reason: 'End of life' }, manager);
}

beforeAll(async () => {
  // Ticket numbers are workflow ids on the Temporal server all files share: this database's must not
  // repeat the numbers other databases hand out.
  await suite.stack.db.raw(`SELECT setval('ticket_number_seq', 930000000)`);
  desk = await seedDesk(suite.stack.db);
  north = await desk.customer('North, "Main" Office');
  south = await desk.customer('South');
  agent = as(desk.agent.token);
  manager = as(desk.manager.token);
  await drivePaths();
  // The survey link of the closing letter is the mail engineer's route: the answers it stores are written
  // here as it writes them, one per closed ticket.
  await suite.stack.db('csat_responses').insert([
    { ticket_number: numbers.N1, score: 5, comment: 'Quick and kind' },
    { ticket_number: numbers.N2, score: 4, comment: null },
    { ticket_number: numbers.S3, score: 2, comment: 'Took a second try' },
  ]);
});

async function report(path: string, by = manager) {
  const answer = await by.get(path);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

const today = () => new Date().toISOString().slice(0, 10);

describe('the backlog report', () => {
  it('counts the open tickets by stage and tier, in procedure and ladder order', async () => {
    const body = await report('/reports/backlog');
    const counts = body.rows.map((r: any) => [r.stage, r.tier, r.tickets]);
    expect(counts).toEqual([
      ['OPEN', 'TIER_1', 2],
      ['OPEN', 'TIER_3', 1],
      ['ANALYSIS', 'TIER_2', 1],
      ['SOLUTION', 'TIER_1', 1],
    ]);
    const n3 = (await manager.get(`/tickets/${numbers.N3}`)).body;
    expect(body.rows[0]).toEqual({
      stage: 'OPEN',
      tier: 'TIER_1',
      tickets: 2,
      atRisk: 0,
      breached: 0,
      waitingOnClient: 0,
      oldestReceivedAt: n3.receivedAt,
    });
    expect(body.total).toMatchObject({ tickets: 5, oldestReceivedAt: n3.receivedAt });
  });

  it('keeps to one organization or one priority', async () => {
    const northOnly = await report(
      `/reports/backlog?organization=${encodeURIComponent(north.organization.name)}`,
    );
    expect(northOnly.rows.map((r: any) => [r.stage, r.tier, r.tickets])).toEqual([
      ['OPEN', 'TIER_1', 2],
      ['ANALYSIS', 'TIER_2', 1],
    ]);
    const p3 = await report('/reports/backlog?priority=P3');
    expect(p3.rows.map((r: any) => [r.stage, r.tier, r.tickets])).toEqual([
      ['OPEN', 'TIER_1', 2],
      ['OPEN', 'TIER_3', 1],
    ]);
    expect(p3.filters).toEqual({ priority: 'P3' });
  });
});

describe('the escalations report', () => {
  it('counts the escalations by hand per rung of the ladder, and the tickets escalated', async () => {
    const body = await report('/reports/escalations');
    expect(body.rows).toEqual([
      { fromTier: 'TIER_1', toTier: 'TIER_2', escalations: 4, automatic: 0, manual: 4, tickets: 4 },
      { fromTier: 'TIER_2', toTier: 'TIER_3', escalations: 2, automatic: 0, manual: 2, tickets: 2 },
      { fromTier: 'TIER_3', toTier: 'ONSITE', escalations: 1, automatic: 0, manual: 1, tickets: 1 },
      { fromTier: 'ONSITE', toTier: 'MANAGER', escalations: 1, automatic: 0, manual: 1, tickets: 1 },
    ]);
    expect(body.total).toEqual({ escalations: 8, automatic: 0, manual: 8, tickets: 4 });
    const northOnly = await report(
      `/reports/escalations?organization=${encodeURIComponent(north.organization.name)}`,
    );
    expect(northOnly.total).toEqual({ escalations: 1, automatic: 0, manual: 1, tickets: 1 });
  });
});

describe('the mean time to resolve', () => {
  it('averages received-to-closed over the tickets resolved, and counts the ones closed unresolved apart', async () => {
    const minutesOf = async (name: string) => {
      const ticket = (await manager.get(`/tickets/${numbers[name]}`)).body;
      return (Date.parse(ticket.closedAt) - Date.parse(ticket.receivedAt)) / 60_000;
    };
    const [n1, n2, s3] = [await minutesOf('N1'), await minutesOf('N2'), await minutesOf('S3')];
    const body = await report('/reports/resolution-time');
    expect(body.rows.map((r: any) => [r.priority, r.resolved, r.closedUnresolved])).toEqual([
      ['P1', 2, 0],
      ['P2', 1, 0],
      ['P3', 0, 1],
    ]);
    // Rounded to two decimals by the report.
    const expectMean = (reported: number, exact: number) =>
      expect(Math.abs(reported - exact)).toBeLessThanOrEqual(0.005);
    expectMean(body.rows[0].meanMinutesToResolve, (n1 + n2) / 2);
    expectMean(body.rows[1].meanMinutesToResolve, s3);
    expect(body.rows[2].meanMinutesToResolve).toBeNull();
    expect(body.total).toMatchObject({ resolved: 3, closedUnresolved: 1 });
    expectMean(body.total.meanMinutesToResolve, (n1 + n2 + s3) / 3);
  });

  it('counts the tickets by the day they closed', async () => {
    const closedAt = async (name: string) => (await manager.get(`/tickets/${numbers[name]}`)).body.closedAt;
    const closedDays = [await closedAt('N1'), await closedAt('N2'), await closedAt('S3')].map((at) =>
      at.slice(0, 10),
    );
    const day = closedDays[0]!;
    const thatDay = await report(`/reports/resolution-time?from=${day}&to=${day}`);
    expect(thatDay.total.resolved).toBe(closedDays.filter((closed) => closed === day).length);
    const before = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
    const none = await report(`/reports/resolution-time?to=${before}`);
    expect(none).toMatchObject({
      rows: [],
      total: { resolved: 0, meanMinutesToResolve: null, closedUnresolved: 0 },
    });
  });
});

describe('the CSAT report', () => {
  it('averages the scores per organization and over all answers', async () => {
    const body = await report('/reports/csat');
    expect(body.rows).toEqual([
      { organization: north.organization.name, responses: 2, averageScore: 4.5, satisfiedPct: 100 },
      { organization: south.organization.name, responses: 1, averageScore: 2, satisfiedPct: 0 },
    ]);
    expect(body.total).toEqual({ responses: 3, averageScore: 3.67, satisfiedPct: 66.7 });
  });
});

async function download(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${suite.stack.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${desk.manager.token}`, ...headers },
  });
  expect(response.status).toBe(200);
  return {
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    text: await response.text(),
  };
}

describe('reports as CSV', () => {
  it('downloads the same rows and the total for ?format=csv, quoting what needs quoting', async () => {
    const csv = await download('/reports/csat?format=csv');
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe('attachment; filename=csat.csv');
    const northName = north.organization.name.replaceAll('"', '""');
    expect(csv.text).toBe(
      'organization,responses,averageScore,satisfiedPct\r\n' +
        `"${northName}",2,4.5,100\r\n` +
        `${south.organization.name},1,2,0\r\n` +
        'total,3,3.67,66.7\r\n',
    );
  });

  it('answers CSV to a client that accepts text/csv, named for the period', async () => {
    const csv = await download(`/reports/escalations?from=2026-01-01&to=${today()}`, { accept: 'text/csv' });
    expect(csv.disposition).toBe(`attachment; filename=escalations_from-2026-01-01_to-${today()}.csv`);
    expect(csv.text.split('\r\n')).toEqual([
      'fromTier,toTier,escalations,automatic,manual,tickets',
      'TIER_1,TIER_2,4,0,4,4',
      'TIER_2,TIER_3,2,0,2,2',
      'TIER_3,ONSITE,1,0,1,1',
      'ONSITE,MANAGER,1,0,1,1',
      'total,,8,0,8,4',
      '',
    ]);
    const json = await download('/reports/escalations', { accept: 'application/json, text/csv;q=0.5' });
    expect(json.type).toMatch(/^application\/json/);
  });
});

describe('the reports’ documentation', () => {
  it('describes every report’s JSON answer as it is served', async () => {
    const validator = new Validator();
    await validator.validate(structuredClone(openApiDocument()));
    const { paths } = validator.resolveRefs() as any;
    const ajv = addFormats(new Ajv2020({ allErrors: true, allowUnionTypes: true }));
    // No clock breaches in the seconds these tickets live: test/reports-sla.test.ts checks that list's shape.
    for (const { name } of reports.filter((report) => report.name !== 'breaches')) {
      const schema = paths[`/reports/${name}`].get.responses[200].content['application/json'].schema;
      const body = await report(`/reports/${name}`);
      expect(ajv.validate(schema, body), `${name}: ${ajv.errorsText()}`).toBe(true);
      expect(body.rows.length, name).toBeGreaterThan(0);
    }
  });
});

describe('report filters', () => {
  it('refuses bad dates, an unknown priority, format or filter with 400 naming each field', async () => {
    const refused = await manager.get(
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

  it('refuses a period that ends before it starts', async () => {
    const refused = await manager.get('/reports/backlog?from=2026-03-02&to=2026-03-01');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'to', message: 'on or after from' }]);
  });
});

describe('who may read reports', () => {
  it('is managers and admins; anybody else is refused', async () => {
    expect((await as(desk.admin.token).get('/reports/breaches')).status).toBe(200);
    expect((await agent.get('/reports/breaches')).status).toBe(403);
    expect((await as(north.requester.token).get('/reports/csat')).status).toBe(403);
    const anonymous = await fetch(`${suite.stack.baseUrl}/reports/csat`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});
