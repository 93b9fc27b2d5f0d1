import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../dev/support';
import { createLogger } from '../lib/logger';
import { installWorkerRuntime } from '../worker/runtime';
import type { Customer } from './support/people';
import { memoryLog, metricSum } from './support/observability';
import { useOwnDatabase } from './support/own-database';
import { useTicketStack } from './support/ticket-stack';

// The gauges count every ticket in the database: a database of this file's own keeps other files'
// tickets, created in parallel, out of the differences asserted here.
const databaseUrl = await useOwnDatabase('metrics');

// Installed as worker/main.ts installs it, before the stack's worker connects and fixes the runtime.
const workerMetrics = `http://127.0.0.1:${await freePort()}/metrics`;
const workerLog = memoryLog();
installWorkerRuntime(createLogger('worker-test', 'debug', workerLog.stream), new URL(workerMetrics).host);

const suite = useTicketStack({ databaseUrl });
// Ticket numbers are workflow ids on the Temporal server all files share: this database's must not
// repeat the numbers the shared database hands out from 100001.
beforeAll(() => suite.stack.db.raw(`SELECT setval('ticket_number_seq', 900000000)`));
const scrape = async () => {
  const response = await fetch(`${suite.stack.baseUrl}/metrics`);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
};
let customer: Customer;
beforeAll(async () => {
  customer = await suite.people.customer('Metrics');
});
async function openTicket(): Promise<string> {
  const opened = await suite.api.post('/tickets', customer.intake());
  expect(opened, JSON.stringify(opened.body)).toMatchObject({ status: 201 });
  return opened.body.number;
}

describe('Prometheus metrics', () => {
  it('counts tickets by stage and escalations from the record, and times requests by route', async () => {
    const before = await scrape();
    const number = await openTicket();
    await openTicket();
    await openTicket();
    const escalated = await suite.api.act(number, 'escalate', { reason: 'x' });
    expect(escalated.status).toBe(200);

    const escalations = (text: string) =>
      metricSum(text, 'ticketflow_escalations_total', { to: 'TIER_2', automatic: 'false' });
    // The timeline is written by an activity after the update answers.
    await expect
      .poll(async () => escalations(await scrape()), { timeout: 15_000 })
      .toBe(escalations(before) + 1);
    const after = await scrape();
    const open = (text: string) => metricSum(text, 'ticketflow_tickets', { stage: 'OPEN' });
    expect(open(after)).toBe(open(before) + 3);
    expect(metricSum(after, 'ticketflow_tickets', { stage: 'OPEN', tier: 'TIER_2' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(metricSum(after, 'ticketflow_tickets_sla')).toBe(metricSum(before, 'ticketflow_tickets_sla') + 3);

    const actionRequests = {
      method: 'POST',
      route: '/tickets/:number/actions/:action',
      status: '200',
    };
    expect(metricSum(after, 'ticketflow_http_request_duration_seconds_count', actionRequests)).toBe(1);
    expect(after).not.toMatch(/route="[^"]*TF-/);
    expect(after).toContain('process_cpu_user_seconds_total');
  });

  it('counts SLA breaches on the timeline by clock', async () => {
    const number = await openTicket();
    const breaches = (text: string) =>
      metricSum(text, 'ticketflow_sla_breaches_total', { clock: 'response' });
    const before = breaches(await scrape());
    // A real breach takes business minutes to come due; the gauge only reads the timeline row it leaves.
    await suite.stack.db('ticket_events').insert({
      ticket_number: number,
      seq: 1_000_000,
      type: 'sla-breached',
      stage: 'OPEN',
      actor: 'system',
      at: new Date(),
      data: { clock: 'response' },
    });
    expect(breaches(await scrape())).toBe(before + 1);
  });

  it('reports mail that could not be handled, so it is looked at rather than lost', async () => {
    const unparseable = (text: string) =>
      metricSum(text, 'ticketflow_inbound_mail_total', { outcome: 'unparseable' });
    const before = unparseable(await scrape());
    await suite.stack.db('inbound_mail').insert({ raw: Buffer.from('garbage'), outcome: 'unparseable' });
    expect(unparseable(await scrape())).toBe(before + 1);
  });

  it("the worker's SDK exporter reports activity latency, and its logs name the ticket", async () => {
    const number = await openTicket();
    // The ticket's projection and clock arithmetic run as local activities, which have their own series.
    const latency = new RegExp(
      `^temporal_local_activity_execution_latency_count\\{[^}]*task_queue="${suite.stack.taskQueue}"`,
      'm',
    );
    await expect.poll(async () => (await fetch(workerMetrics)).text(), { timeout: 15_000 }).toMatch(latency);
    await expect
      .poll(() => workerLog.lines.filter((line) => line.ticket === number).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(workerLog.lines.find((line) => line.ticket === number)).toMatchObject({ name: 'worker-test' });
  });
});
