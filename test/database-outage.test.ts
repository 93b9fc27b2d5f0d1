import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../dev/support';
import { readBack } from '../desk/tickets/read-back';
import { healthRoutes } from '../api/health-routes';
import { dependencyDown } from '../lib/outages';
import { ticketQuery } from '../workflows/messages';
import { apiClient, type ApiClient } from './support/http';
import { seedDesk, type Desk } from './support/people';
import { startOwnPostgres } from './support/own-postgres';
import { serveRouter } from './support/router-server';
import { startTicketStack, type TicketStack } from './support/ticket-stack';

const postgres = await startOwnPostgres(942_000_000);
let stack: TicketStack;
let people: Desk;
let api: ApiClient;

beforeAll(async () => {
  // A loaded machine must not turn a create into a 202: this file is about PostgreSQL, not slow workers.
  stack = await startTicketStack({ databaseUrl: postgres.url, updateDeadlineMs: 30_000 });
  people = await seedDesk(stack.db);
  api = apiClient(stack.baseUrl, people.agent.token);
});

afterAll(() => stack?.stop());

describe('PostgreSQL down', () => {
  it('is answered 503 with Retry-After, /health names it, and all is 200 again once it is back', async () => {
    const customer = await people.customer('Outage');
    const opened = await api.post('/tickets', customer.intake());
    expect(opened.status).toBe(201);
    const number: string = opened.body.number;
    const health = await api.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.dependencies).toEqual({ PostgreSQL: 'up', Temporal: 'up' });

    await postgres.crash();

    const read = await api.get(`/tickets/${number}`);
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(read.body).toMatchObject({ dependency: 'PostgreSQL', retryable: true });
    const action = await api.act(number, 'assign', { engineer: 'eng.maria' });
    expect(action.status).toBe(503);
    expect(action.headers.get('retry-after')).toMatch(/^\d+$/);
    const down = await api.get('/health');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(down.body).toMatchObject({
      status: 'unavailable',
      down: ['PostgreSQL'],
      dependencies: { PostgreSQL: 'down', Temporal: 'up' },
    });

    await postgres.restart();

    await expect.poll(async () => (await api.get('/health')).status, { timeout: 30_000 }).toBe(200);
    expect((await api.get(`/tickets/${number}`)).status).toBe(200);
    // The refused action changed nothing, so it can be sent again.
    const assigned = await api.act(number, 'assign', { engineer: 'eng.maria' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ number, assignee: 'eng.maria' });
    expect(assigned.body.timeline.map((entry: { type: string }) => entry.type)).toContain('assigned');
  });

  it("answers a change Temporal applied with the workflow's view when the projection cannot be read", async () => {
    const customer = await people.customer('ReadBack');
    const number: string = (await api.post('/tickets', customer.intake())).body.number;
    const view = await stack.client.workflow.getHandle(number).query(ticketQuery);

    await postgres.crash();
    const answer = await readBack(stack.db, number, async () => view);
    await postgres.restart();

    expect(answer).toEqual({ ...view, projectionPending: true });
    await expect
      .poll(async () => 'projectionPending' in (await readBack(stack.db, number, async () => view)), {
        timeout: 30_000,
      })
      .toBe(false);
    expect(await readBack(stack.db, number, async () => view)).toMatchObject({
      number,
      requesterEmail: customer.requester.email,
    });
  });
});

describe('what counts as PostgreSQL down', () => {
  it('a connection the server ended is an outage (503); a bad query is a bug (500)', async () => {
    const victim = new pg.Client({ connectionString: postgres.url });
    victim.on('error', () => {});
    await victim.connect();
    const { rows } = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await stack.db.raw('SELECT pg_terminate_backend(?)', [rows[0]!.pid]);
    const terminated = await victim.query('SELECT 1').catch((error: unknown) => error);
    await victim.end().catch(() => {});
    expect(dependencyDown(terminated)).toBe('PostgreSQL');

    const bug = await stack.db.raw('SELECT no_such_column FROM tickets').catch((error: unknown) => error);
    expect(bug).toMatchObject({ code: '42703' });
    expect(dependencyDown(bug)).toBeUndefined();
  });
});

describe('Temporal down', () => {
  it('/health answers 503 naming Temporal', async () => {
    // Nothing listens on this port: the frontend is as unreachable as a stopped server.
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
    const health = await serveRouter(healthRoutes({ db: stack.db, client: new Client({ connection }) }));
    try {
      const answer = await apiClient(health.baseUrl).get('/health');
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ down: ['Temporal'], dependencies: { PostgreSQL: 'up' } });
    } finally {
      await health.close();
      await connection.close();
    }
  });
});
