import { describe, expect, it } from 'vitest';
import { ticketQuery } from '../workflows/messages';
import { keepHistory } from './support/histories';
import { act, letters, timeSkippingUnder, withWorker, type TicketHandle } from './support/time-skipping';

// brocent-24x7: Tier 1 60 min, Tier 2 120, Tier 3 240, Onsite 240; manager reminders every 60;
// P1: response 15, resolution 240, a status update every 60.
const minutes = (n: number) => n * 60_000;
const suite = timeSkippingUnder('brocent-24x7');

async function timeline(handle: TicketHandle, type: string) {
  const events = await suite.ts
    .db('ticket_events')
    .where({ ticket_number: handle.workflowId, type })
    .orderBy('seq');
  return events.map((e) => ({ at: e.at.getTime() as number, data: e.data }));
}

describe('time that passed unseen', () => {
  it('a walk-in entered five days late records every rung and breach at its time, but sends each repeating notice once', async () => {
    await withWorker(suite.ts, async (open) => {
      const fiveDaysAgo = (await suite.ts.env.currentTimeMs()) - minutes(5 * 24 * 60);
      const receivedAt = new Date(fiveDaysAgo).toISOString();
      const handle = await open(suite.organization, 'P1', { channel: 'walk-in', receivedAt });
      // A command sent at once lands after everything missed: no rung five days old undoes it.
      const assigned = await act(handle, 'assign', { engineer: 'eng.maria' });
      expect(assigned).toMatchObject({ tier: 'MANAGER', assignee: 'eng.maria' });
      await suite.ts.env.sleep(minutes(1));

      const received = Date.parse((await handle.query(ticketQuery)).receivedAt);
      expect(received).toBe(fiveDaysAgo);
      expect((await timeline(handle, 'escalated')).map((e) => [e.data.to, e.at])).toEqual([
        ['TIER_2', received + minutes(60)],
        ['TIER_3', received + minutes(180)],
        ['ONSITE', received + minutes(420)],
        ['MANAGER', received + minutes(660)],
      ]);
      const breaches = await timeline(handle, 'sla-breached');
      expect(breaches.map((e) => [e.data.clock, e.at])).toEqual([
        ['response', received + minutes(15)],
        ['resolution', received + minutes(240)],
        ['onsite', Date.parse(breaches[2]!.data.dueAt)],
      ]);

      // The requester hears of the climb in one letter; only the manager's queue is told it waits there.
      const told = await letters(suite.ts.db, handle.workflowId, 'escalated');
      expect(told).toHaveLength(1);
      expect(told[0].payload.event.data).toMatchObject({
        from: 'ONSITE',
        to: 'MANAGER',
        climbedFrom: 'TIER_1',
      });
      expect(await letters(suite.ts.db, handle.workflowId, 'escalation-queued')).toHaveLength(1);

      const [reminded, ...moreReminders] = await timeline(handle, 'manager-reminded');
      expect(moreReminders).toEqual([]);
      expect(await letters(suite.ts.db, handle.workflowId, 'manager-reminder')).toHaveLength(1);
      expect(await timeline(handle, 'status-update-sent')).toHaveLength(1);
      expect(await letters(suite.ts.db, handle.workflowId, 'status-update')).toHaveLength(1);

      // The intervals resume from the waking, not from the instants missed.
      const view = await handle.query(ticketQuery);
      expect(Date.parse(view.sla!.manager!.nextReminderAt)).toBe(reminded!.at + minutes(60));
      expect(Date.parse(view.sla!.nextStatusUpdateAt!)).toBe(reminded!.at + minutes(60));
      await suite.ts.env.sleep(minutes(60));
      expect((await timeline(handle, 'manager-reminded')).map((e) => e.at)).toEqual([
        reminded!.at,
        reminded!.at + minutes(60),
      ]);
      expect(await letters(suite.ts.db, handle.workflowId, 'status-update')).toHaveLength(2);
      await keepHistory(handle, 'walk-in-entered-five-days-late');
    });
  });

  it('a ticket that waited three silent hours at the manager decision point sends one reminder on waking', async () => {
    await withWorker(suite.ts, async (open) => {
      // The same waking as after a worker or Temporal outage: the time test server stalls without a worker.
      const received = (await suite.ts.env.currentTimeMs()) - minutes(660 + 180);
      const receivedAt = new Date(received).toISOString();
      const handle = await open(suite.organization, 'P3', { channel: 'phone', receivedAt });
      await suite.ts.env.sleep(minutes(1));

      const atManager = (await timeline(handle, 'escalated')).at(-1)!;
      expect(atManager).toMatchObject({ at: received + minutes(660), data: { to: 'MANAGER' } });
      const [reminded, ...more] = await timeline(handle, 'manager-reminded');
      expect(more).toEqual([]);
      expect(reminded!.at).toBeGreaterThanOrEqual(atManager.at + minutes(180));
      expect(await letters(suite.ts.db, handle.workflowId, 'manager-reminder')).toHaveLength(1);
      const view = await handle.query(ticketQuery);
      expect(Date.parse(view.sla!.manager!.nextReminderAt)).toBe(reminded!.at + minutes(60));
    });
  });
});
