import { describe, expect, it } from 'vitest';
import { appointmentBeyondPromiseUpdate, ticketQuery } from '../workflows/messages';
import { letters, timeSkippingUnder, withWorker } from './support/time-skipping';

// brocent-24x7: an untouched ticket reaches Onsite after 60 + 120 + 240 minutes and is dispatched with a
// 120-minute promise; the Onsite frame (240) ends later, so the ticket is still at Onsite when the promise
// has run out.
const minutes = (n: number) => n * 60_000;
const suite = timeSkippingUnder('brocent-24x7');

describe('an appointment booked after the onsite promise ran out (R21)', () => {
  it('keeps the onsite clock breached, records it once, and still tells the Onsite lead', async () => {
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P3');
      await suite.ts.env.sleep(minutes(420 + 120 + 20));
      const breached = await handle.query(ticketQuery);
      expect(breached.tier).toBe('ONSITE');
      expect(breached.sla!.onsite).toMatchObject({ state: 'breached', targetMinutes: 120 });
      const dispatchId = breached.sla!.dispatch!.dispatchId;

      const now = await suite.ts.env.currentTimeMs();
      const appointmentAt = new Date(now + minutes(90)).toISOString();
      const reason = 'the site contact was unreachable until now';
      const booked = await handle.executeUpdate(appointmentBeyondPromiseUpdate, {
        args: [{ actor: 'eng.field', dispatchId, at: appointmentAt, reason }],
      });
      expect(booked.sla!.onsite).toMatchObject({ state: 'breached' });
      expect(booked.sla!.state).toBe('breached');
      const events = () =>
        suite.ts.db('ticket_events').where({ ticket_number: handle.workflowId }).orderBy('seq');
      expect((await events()).at(-1)).toMatchObject({
        type: 'appointment-beyond-promise',
        data: { dispatchId, appointmentAt, reason, onsite: 'breached' },
      });
      const told = await letters(suite.ts.db, handle.workflowId, 'appointment-beyond-promise');
      expect(told.map((letter) => letter.recipient)).toEqual(['onsite-lead@ticketflow.local']);
      const onsiteBreaches = (await events()).filter(
        (e) => e.type === 'sla-breached' && e.data.clock === 'onsite',
      );
      expect(onsiteBreaches).toHaveLength(1);
    });
  });
});
