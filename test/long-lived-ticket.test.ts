import { afterAll, beforeAll, expect, it } from 'vitest';
import { ticketQuery } from '../workflows/messages';
import {
  letters,
  organizationUnder,
  startTimeSkipping,
  withWorker,
  type TimeSkipping,
} from './support/time-skipping';

let ts: TimeSkipping;
let organization: string;

beforeAll(async () => {
  ts = await startTimeSkipping();
  organization = await organizationUnder(ts.db, 'brocent-24x7');
});
afterAll(() => ts?.teardown());

it('a ticket that lives for days keeps its history bounded by continuing as new, carrying its whole state', async () => {
  await withWorker(ts, async (open) => {
    const handle = await open(organization, 'P1', {}, 300);
    const firstRun = (await handle.describe()).runId;
    await ts.env.sleep(3 * 24 * 60 * 60_000 + 1_000);

    const latest = ts.env.client.workflow.getHandle(handle.workflowId);
    const described = await latest.describe();
    expect(described.runId).not.toBe(firstRun);
    expect(described.historyLength).toBeLessThan(300 + 50);

    // An hourly status update for three days, the whole ladder and the manager's reminders, across runs.
    const view = await latest.query(ticketQuery);
    expect(view.sla!.statusUpdatesSent).toBe(72);
    expect(await letters(ts.db, handle.workflowId, 'status-update')).toHaveLength(72);
    expect(view).toMatchObject({
      tier: 'MANAGER',
      stage: 'OPEN',
      sla: { escalations: 4, manager: { filed: true } },
    });
    const events = await ts
      .db('ticket_events')
      .where({ ticket_number: handle.workflowId })
      .orderBy('seq')
      .pluck('seq');
    expect(events).toEqual(events.map((_, i) => i + 1));
  });
});
