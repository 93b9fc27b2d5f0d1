import { describe, expect, it } from 'vitest';
import { keepHistory } from './support/histories';
import { ticketQuery } from '../workflows/messages';
import { act, letters, timeSkippingUnder, withWorker } from './support/time-skipping';

// brocent-24x7, P3: response 120, resolution 1440, the Tier 1 frame 60 minutes.
const minutes = (n: number) => n * 60_000;
const suite = timeSkippingUnder('brocent-24x7');
const requester = 'ana.ruiz@acme.example';

async function eventsOf(ticketNumber: string, type: string): Promise<{ at: Date }[]> {
  return suite.ts.db('ticket_events').where({ ticket_number: ticketNumber, type }).orderBy('seq');
}
const at = async (ticketNumber: string, type: string) =>
  (await eventsOf(ticketNumber, type))[0]!.at.getTime();

describe('held service and the SLA clocks (R5)', () => {
  it('a reply while held moves no clock; release resumes each with the minutes used before the hold', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P3');
      const number = handle.workflowId;
      const received = Date.parse((await handle.query(ticketQuery)).receivedAt);
      await suite.ts.env.sleep(minutes(20));
      await act(handle, 'hold', { reason: 'not-justified', detail: 'A password reset is self-service' });
      const used = ((await at(number, 'held')) - received) / minutes(1);
      const paused = (target: number) => ({
        state: 'paused',
        dueAt: null,
        targetMinutes: target,
        usedMinutes: used,
      });
      const stillPaused = { response: paused(120), resolution: paused(1440), tierFrame: paused(60) };

      // The requester justifies the request: the desk may answer it, but its clocks stay where the hold left them.
      const replied = await act(handle, 'reply', { message: 'The portal locks me out too' }, requester);
      expect(replied.sla).toMatchObject(stillPaused);
      await suite.ts.env.sleep(minutes(180));
      const whileHeld = await handle.query(ticketQuery);
      expect(whileHeld.tier).toBe('TIER_1');
      expect(whileHeld.sla).toMatchObject({ ...stillPaused, escalations: 0 });
      expect(await eventsOf(number, 'escalated')).toEqual([]);
      expect(await letters(suite.ts.db, number, 'sla-breached')).toEqual([]);

      const released = await act(handle, 'release', { note: 'The portal is down for this user' });
      const resumed = await at(number, 'released');
      expect(released.sla).toMatchObject({
        response: { state: 'on_track', usedMinutes: used },
        resolution: { state: 'on_track', usedMinutes: used },
        tierFrame: { usedMinutes: used },
      });
      expect(Date.parse(released.sla!.response!.dueAt!)).toBe(resumed + Math.round(minutes(120 - used)));
      expect(Date.parse(released.sla!.resolution!.dueAt!)).toBe(resumed + Math.round(minutes(1440 - used)));
      expect(Date.parse(released.sla!.tierFrame!.dueAt!)).toBe(resumed + Math.round(minutes(60 - used)));
      // The frame runs again from where it stood: what it had left, and the ticket climbs.
      await suite.ts.env.sleep(minutes(61 - used));
      expect((await handle.query(ticketQuery)).tier).toBe('TIER_2');
      await keepHistory(handle, 'reply-while-held-keeps-the-clocks-paused');
    });
  });
});
