import { expect, it } from 'vitest';
import { validIntake } from './support/intake';
import { fullProcedureTimeline } from './support/procedure';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack({ updateDeadlineMs: 2_000 });

it('a worker stopped and restarted mid-ticket loses nothing', async () => {
  const number = (await suite.api.post('/tickets', validIntake())).body.number;
  await suite.api.act(number, 'assign', { engineer: 'eng.maria' });
  await suite.api.act(number, 'start-analysis', {});

  await suite.stack.worker.stop();
  const unanswered = await suite.api.act(number, 'propose-solution', { solution: 'Renewed the certificate' });
  expect(unanswered.status).toBe(503);
  expect(unanswered.body.retryable).toBe(true);
  const whileDown = await suite.api.get(`/tickets/${number}`);
  expect(whileDown.body).toMatchObject({ stage: 'ANALYSIS', assignee: 'eng.maria' });

  await suite.stack.restartWorker();
  // The update sent while no worker ran may still be delivered to the new worker: a retry then finds the
  // ticket already in SOLUTION (409); otherwise the retry applies it. Both leave the ticket in SOLUTION.
  const retried = await suite.api.act(number, 'propose-solution', { solution: 'Renewed the certificate' });
  expect([200, 409]).toContain(retried.status);
  expect(retried.body.stage).toBe('SOLUTION');
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
