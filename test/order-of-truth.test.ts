import { defaultPayloadConverter } from '@temporalio/common';
import { expect, it } from 'vitest';
import type { TicketChange } from '../activities/ticket-projection';
import { validIntake } from './support/intake';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();

/** The projection writes the history recorded when it scheduled them, in the order it scheduled them. */
async function scheduledProjections(number: string): Promise<TicketChange[]> {
  const history = await suite.stack.client.workflow.getHandle(number).fetchHistory();
  return (history.events ?? []).flatMap((event) => {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name !== 'recordTicketChange') return [];
    return [defaultPayloadConverter.fromPayload<TicketChange>(scheduled.input!.payloads![0]!)];
  });
}

it('every change PostgreSQL shows was scheduled from the ticket’s history before it was written', async () => {
  const number = (await suite.api.post('/tickets', validIntake())).body.number;
  await suite.api.act(number, 'assign', { engineer: 'eng.maria' });
  await suite.api.act(number, 'start-analysis', {});
  await suite.api.act(number, 'propose-solution', { solution: 'Renewed the certificate' });
  const shown = (await suite.api.get(`/tickets/${number}`)).body;

  const changes = await scheduledProjections(number);
  const recorded = changes.flatMap((change) => change.events.map((e) => [e.seq, e.type]));
  expect(shown.timeline.map((e: { seq: number; type: string }) => [e.seq, e.type])).toEqual(recorded);
  const last = changes.at(-1)!.snapshot;
  expect({ stage: shown.stage, solution: shown.solution }).toEqual({
    stage: last.stage,
    solution: last.solution,
  });
  const row = await suite.stack.db('tickets').where({ number }).first('version');
  expect(row.version).toBe(last.version);
});

it('a projection no history holds is never written: a refused action schedules nothing', async () => {
  const number = (await suite.api.post('/tickets', validIntake())).body.number;
  const before = (await scheduledProjections(number)).length;
  expect((await suite.api.act(number, 'propose-solution', { solution: 'too early' })).status).toBe(409);
  expect(await scheduledProjections(number)).toHaveLength(before);
  expect((await suite.api.get(`/tickets/${number}`)).body.stage).toBe('OPEN');
});
