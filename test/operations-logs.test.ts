import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app';
import { createLogger } from '../lib/logger';
import { apiClient, type ApiClient } from './support/http';
import { validIntake } from './support/intake';
import { memoryLog } from './support/observability';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
const log = memoryLog();
let server: Server;
let api: ApiClient;

// An app of its own, on the stack's Temporal and PostgreSQL, whose log lines this file reads.
beforeAll(async () => {
  server = createApp(suite.stack.ctx, createLogger('api-test', 'info', log.stream)).listen(0, '127.0.0.1');
  await once(server, 'listening');
  api = apiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, suite.people.agent.token);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const requestLines = (ticket: string) =>
  log.lines.filter((line) => line.msg === 'request' && line.ticket === ticket);

describe('API request logs', () => {
  it('write one JSON line per request naming the ticket, the route pattern, the status and the time', async () => {
    const opened = await api.post('/tickets', validIntake());
    expect(opened, JSON.stringify(opened.body)).toMatchObject({ status: 201 });
    const { number } = opened.body;
    expect((await api.get(`/tickets/${number}`)).status).toBe(200);
    expect((await api.act(number, 'escalate', { reason: 'x' })).status).toBe(200);

    await expect.poll(() => requestLines(number).length).toBe(2);
    const [read, action] = requestLines(number);
    expect(read).toMatchObject({
      level: 30,
      name: 'api-test',
      method: 'GET',
      route: '/tickets/:number',
      status: 200,
    });
    expect(read?.durationMs).toBeTypeOf('number');
    expect(action).toMatchObject({ method: 'POST', route: '/tickets/:number/actions/:action', status: 200 });
  });

  it('name the ticket of a request that failed, though Express forgets its parameters on the way out', async () => {
    expect((await api.get('/tickets/TF-999999999')).status).toBe(404);
    expect((await api.act('TF-999999998', 'escalate', {})).status).toBe(400);
    await expect
      .poll(() => requestLines('TF-999999999'))
      .toMatchObject([{ route: '/tickets/:number', status: 404 }]);
    expect(requestLines('TF-999999998')).toMatchObject([{ status: 400 }]);
  });

  it('leave requests about no ticket without one, under a bounded route', async () => {
    expect((await api.get('/no/such/path')).status).toBe(404);
    await expect
      .poll(() => log.lines.find((line) => line.status === 404 && line.route === 'unmatched'))
      .toBeDefined();
    expect(log.lines.find((line) => line.route === 'unmatched')).not.toHaveProperty('ticket');
  });
});
