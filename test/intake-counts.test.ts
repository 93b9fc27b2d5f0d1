import type { temporal } from '@temporalio/proto';
import { expect, it } from 'vitest';
import { validIntake } from './support/intake';
import { fieldServiceScene, fieldWork } from './support/onsite';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** A fresh ticket's history up to the completion of the update that created it: what a creation costs. */
async function creationEvents(number: string): Promise<HistoryEvent[]> {
  const events = (await suite.stack.client.workflow.getHandle(number).fetchHistory()).events ?? [];
  const answered = events.findIndex((e) => e.workflowExecutionUpdateCompletedEventAttributes);
  expect(answered).toBeGreaterThan(0);
  return events.slice(0, answered + 1);
}

const markers = (events: HistoryEvent[], name: string) =>
  events.filter((e) => e.markerRecordedEventAttributes?.markerName === name).length;

function countsOf(events: HistoryEvent[]) {
  return {
    events: events.length,
    workflowTasks: events.filter((e) => e.workflowTaskCompletedEventAttributes).length,
    localActivities: markers(events, 'core_local_activity'),
    upserts: events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes).length,
    patchMarkers: markers(events, 'core_patch'),
    activities: events.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []),
  };
}

it('a ticket is created with one local activity, one upsert, no patch marker and two workflow tasks', async () => {
  const created = await suite.api.post('/tickets', validIntake());
  expect(created.status).toBe(201);
  const events = await creationEvents(created.body.number);

  // A regression here costs every creation: a second local activity or upsert is a round of work in the
  // worker and an event in the store, a patch marker is a branch no running ticket needs.
  expect(countsOf(events)).toEqual({
    events: 15,
    workflowTasks: 2,
    localActivities: 1,
    upserts: 1,
    patchMarkers: 0,
    // The projection, scheduled with the change, which hands the acknowledgement to the relay as well.
    activities: ['recordTicketChange'],
  });
  const upsert = events.find((e) => e.upsertWorkflowSearchAttributesEventAttributes)!;
  expect(
    Object.keys(upsert.upsertWorkflowSearchAttributesEventAttributes!.searchAttributes!.indexedFields!),
  ).toEqual(expect.arrayContaining(['TicketStage', 'SlaState', 'SlaPolicy', 'SlaCalendarRevision']));
});

it('a request for field work is dispatched at intake on the same one local activity', async () => {
  const { customer, requester } = await fieldServiceScene(suite, 'Intake counts');
  const created = await requester.post('/tickets', customer.intake({ fieldWork }));
  expect([created.status, created.body.tier]).toEqual([201, 'ONSITE']);
  // The promise, the Onsite frame and the onsite clock come with the opening terms; the dispatch is the
  // field team's activity, before the change is recorded.
  expect(countsOf(await creationEvents(created.body.number))).toEqual({
    events: 21,
    workflowTasks: 3,
    localActivities: 1,
    upserts: 1,
    patchMarkers: 0,
    activities: ['dispatchFieldEngineer', 'recordTicketChange'],
  });
});

it('the acknowledgement leaves with the change that queued it: no courier and no third workflow task', async () => {
  const created = await suite.api.post('/tickets', validIntake());
  const number = created.body.number;
  await expect
    .poll(() => suite.stack.db('outbox').where({ ticket_number: number, kind: 'acknowledgement' }).first())
    .toMatchObject({ sent_at: expect.any(Date) });
  const history = await suite.stack.client.workflow.getHandle(number).fetchHistory();
  const { workflowTasks, activities } = countsOf(history.events ?? []);
  expect({ workflowTasks, activities }).toEqual({ workflowTasks: 2, activities: ['recordTicketChange'] });
});

it('a ticket read right after its 201 is found', async () => {
  const created = await Promise.all(
    Array.from({ length: 5 }, () => suite.api.post('/tickets', validIntake())),
  );
  const read = await Promise.all(created.map(({ body }) => suite.api.get(`/tickets/${body.number}`)));
  expect(created.map((c) => c.status)).toEqual([201, 201, 201, 201, 201]);
  expect(read.map((r) => [r.status, r.body.number, r.body.timeline?.[0]?.type])).toEqual(
    created.map((c) => [200, c.body.number, 'opened']),
  );
});

it('an action on a ticket is two workflow tasks around its projection, with one upsert', async () => {
  const { number } = (await suite.api.post('/tickets', validIntake())).body as { number: string };
  const handle = suite.stack.client.workflow.getHandle(number);
  const before = (await handle.fetchHistory()).events?.length ?? 0;
  expect((await suite.api.act(number, 'assign', { engineer: 'eng.maria' })).status).toBe(200);
  const events = ((await handle.fetchHistory()).events ?? []).slice(before);
  const answered = events.findIndex((e) => e.workflowExecutionUpdateCompletedEventAttributes);
  expect(answered).toBeGreaterThan(0);
  const { workflowTasks, localActivities, upserts, patchMarkers, activities } = countsOf(
    events.slice(0, answered + 1),
  );
  // The change's task schedules the projection; the next one, on its result, answers the action.
  expect({ workflowTasks, localActivities, upserts, patchMarkers, activities }).toEqual({
    workflowTasks: 2,
    localActivities: 0,
    upserts: 1,
    patchMarkers: 0,
    activities: ['recordTicketChange'],
  });
});
