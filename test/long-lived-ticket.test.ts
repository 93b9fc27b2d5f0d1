import { expect, it } from 'vitest';
import { ticketQuery } from '../workflows/messages';
import { keepHistory } from './support/histories';
import { letters, timeSkippingUnder, withWorker } from './support/time-skipping';

const suite = timeSkippingUnder('brocent-24x7');

it('a ticket that lives for days keeps its history bounded by continuing as new, carrying its whole state', async () => {
  await withWorker(suite.ts, async (open) => {
    const handle = await open(suite.organization, 'P1', {}, 300);
    const firstRun = (await handle.describe()).runId;
    await suite.ts.env.sleep(3 * 24 * 60 * 60_000 + 1_000);

    const latest = suite.ts.env.client.workflow.getHandle(handle.workflowId);
    const described = await latest.describe();
    expect(described.runId).not.toBe(firstRun);
    expect(described.historyLength).toBeLessThan(300 + 50);

    // An hourly status update for three days, the whole ladder and the manager's reminders, across runs.
    const view = await latest.query(ticketQuery);
    expect(view.sla!.statusUpdatesSent).toBe(72);
    expect(await letters(suite.ts.db, handle.workflowId, 'status-update')).toHaveLength(72);
    expect(view).toMatchObject({
      tier: 'MANAGER',
      stage: 'OPEN',
      sla: { escalations: 4, manager: { filed: true } },
    });
    const events = await suite.ts
      .db('ticket_events')
      .where({ ticket_number: handle.workflowId })
      .orderBy('seq')
      .pluck('seq');
    expect(events).toEqual(events.map((_, i) => i + 1));
    const client = suite.ts.env.client.workflow;
    await keepHistory(client.getHandle(handle.workflowId, firstRun), 'long-lived-first-run-continued-as-new');
    await keepHistory(latest, 'long-lived-resumed-run');
  });
});
