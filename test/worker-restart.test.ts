import { expect, it, vi } from 'vitest';
import { ticketIntakeSchema } from '../api/tickets/intake-schema';
import { recordIntake, resumePendingIntakes } from '../desk/tickets/start';
import { priorityOf } from '../domain/priority';
import { createLogger } from '../lib/logger';
import { validIntake } from './support/intake';
import { fullProcedureTimeline } from './support/procedure';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack({ updateDeadlineMs: 2_000 });
const untilAnswered = { timeout: 30_000, interval: 250 };

it('an action no worker confirms answers 202; its result tells when the returning worker applied it', async () => {
  const number = (await suite.api.post('/tickets', validIntake())).body.number;
  await suite.api.act(number, 'assign', { engineer: 'eng.maria' });
  await suite.api.act(number, 'start-analysis', {});

  await suite.stack.worker.stop();
  const unanswered = await suite.api.act(number, 'propose-solution', { solution: 'Renewed the certificate' });
  expect(unanswered.status).toBe(202);
  expect(unanswered.body).toMatchObject({ status: 'pending', number, action: 'propose-solution' });
  expect(unanswered.headers.get('location')).toBe(unanswered.body.location);
  expect((await suite.api.get(unanswered.body.location)).body.status).toBe('pending');
  const whileDown = await suite.api.get(`/tickets/${number}`);
  expect(whileDown.body).toMatchObject({ stage: 'ANALYSIS', assignee: 'eng.maria' });

  await suite.stack.restartWorker();
  const result = await vi.waitFor(async () => {
    const answer = await suite.api.get(unanswered.body.location);
    expect(answer.status).toBe(200);
    return answer.body;
  }, untilAnswered);
  expect(result).toMatchObject({ status: 'applied', ticket: { stage: 'SOLUTION' } });
  await suite.api.act(number, 'start-testing', {});
  await suite.api.act(number, 'accept', {}, suite.people.acme.requester.token);
  const closed = await suite.api.act(number, 'close', { resolution: 'Renewed the certificate' });
  expect(closed.body.stage).toBe('CLOSED');
  const types = closed.body.timeline.map((e: { type: string }) => e.type);
  expect(types).toEqual(fullProcedureTimeline);
  expect(closed.body.timeline.map((e: { seq: number }) => e.seq)).toEqual(
    fullProcedureTimeline.map((_, i) => i + 1),
  );
});

it('the same action sent again with its Idempotency-Key joins the first instead of acting twice', async () => {
  const number = (await suite.api.post('/tickets', validIntake())).body.number;
  const key = { 'Idempotency-Key': `assign-${number}` };
  const assign = (engineer: string) => suite.api.post(`/tickets/${number}/actions/assign`, { engineer }, key);
  expect((await assign('eng.maria')).body.assignee).toBe('eng.maria');
  const again = await assign('eng.maria');
  expect(again.status).toBe(200);
  expect(again.body.timeline.filter((e: { type: string }) => e.type === 'assigned')).toHaveLength(1);
});

it('an action id no ticket received answers 404: it can simply be sent again', async () => {
  const number = (await suite.api.post('/tickets', validIntake())).body.number;
  const lost = await suite.api.get(`/tickets/${number}/action-results/never-sent`);
  expect(lost.status).toBe(404);
  expect(lost.body.error).toMatch(/send it again/);
});

it('a create no worker confirms answers 202 with its number; the ticket registers when a worker returns', async () => {
  await suite.stack.worker.stop();
  const created = await suite.api.post('/tickets', validIntake());
  expect(created.status).toBe(202);
  const { number } = created.body;
  expect(created.body).toEqual({ number, status: 'pending', location: `/tickets/${number}` });
  expect(created.headers.get('location')).toBe(`/tickets/${number}`);
  expect((await suite.api.get(`/tickets/${number}`)).status).toBe(202);
  expect(await suite.stack.db('tickets').where({ number }).first()).toBeUndefined();
  const tooEarly = await suite.api.act(number, 'assign', { engineer: 'eng.maria' });
  expect(tooEarly.status).toBe(503);
  expect(tooEarly.body).toMatchObject({ retryable: true });
  expect(tooEarly.headers.get('retry-after')).toBeTruthy();

  await suite.stack.restartWorker();
  const ticket = await vi.waitFor(async () => {
    const answer = await suite.api.get(`/tickets/${number}`);
    expect(answer.status).toBe(200);
    return answer.body;
  }, untilAnswered);
  expect(ticket).toMatchObject({ number, stage: 'OPEN' });
  expect(ticket.timeline.map((e: { type: string }) => e.type)).toEqual(['opened']);
  const assigned = await suite.api.act(number, 'assign', { engineer: 'eng.maria' });
  expect(assigned.body).toMatchObject({ stage: 'OPEN', assignee: 'eng.maria' });
});

it('an accepted intake that Temporal never recorded is started by the API’s ledger check', async () => {
  const intake = ticketIntakeSchema.parse(validIntake());
  const { rows } = await suite.stack.db.raw(`SELECT 'TF-' || nextval('ticket_number_seq') AS number`);
  const number: string = rows[0].number;
  // What the API writes before it asks Temporal; here Temporal is never asked, as when it died first.
  await recordIntake(suite.stack.ctx, {
    number,
    intake,
    priority: priorityOf(intake.impact, intake.urgency),
    receivedAt: new Date().toISOString(),
  });
  expect(await suite.stack.db('tickets').where({ number }).first()).toBeUndefined();

  await resumePendingIntakes(suite.stack.ctx, createLogger('test', 'silent'));
  const row = await suite.stack.db('tickets').where({ number }).first('stage', 'organization');
  expect(row).toEqual({ stage: 'OPEN', organization: 'ACME Logistics' });
});
