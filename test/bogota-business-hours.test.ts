import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ticketQuery } from '../workflows/messages';
import { bogotaZone, isColombianHoliday } from './support/colombia';
import { timeSkippingUnder, withWorker } from './support/time-skipping';

// itbx-bogota: Mon–Fri 08:00–17:00, Sat 09:00–12:00, America/Bogota, Colombian public holidays closed.
// P2: response 120 business minutes; Tier 1 time frame 240 business minutes.
const zone = bogotaZone;
const isHoliday = isColombianHoliday;

const suite = timeSkippingUnder('itbx-bogota');

/** The first Friday 18:30 in Bogota from now whose Saturday is a working day and whose Monday is (or is not) a holiday. */
async function nextFridayEvening(mondayHoliday: boolean): Promise<DateTime> {
  let friday = DateTime.fromMillis(await suite.ts.env.currentTimeMs(), { zone })
    .plus({ days: 1 })
    .set({ weekday: 5, hour: 18, minute: 30, second: 0, millisecond: 0 });
  for (;;) {
    const saturday = friday.plus({ days: 1 });
    const monday = friday.plus({ days: 3 });
    if (
      friday.toMillis() > (await suite.ts.env.currentTimeMs()) &&
      !isHoliday(saturday) &&
      isHoliday(monday) === mondayHoliday &&
      !isHoliday(monday.plus({ days: 1 }))
    )
      return friday;
    friday = friday.plus({ weeks: 1 });
  }
}

async function receiveOnFridayEvening(mondayHoliday: boolean) {
  const friday = await nextFridayEvening(mondayHoliday);
  await suite.ts.env.sleep(friday.toMillis() - (await suite.ts.env.currentTimeMs()));
  return friday;
}

describe('a P2 ticket received on a Friday evening in Bogota (R16)', () => {
  it('starts counting on Saturday morning and escalates at 09:00 on Monday', async () => {
    const friday = await receiveOnFridayEvening(false);
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P2');
      const view = await handle.query(ticketQuery);
      const local = (iso: string | null | undefined) =>
        DateTime.fromISO(iso!, { zone }).toFormat('ccc HH:mm');
      expect(local(view.sla!.response!.dueAt)).toBe('Sat 11:00');
      expect(local(view.sla!.tierFrame!.dueAt)).toBe('Mon 09:00');

      const monday0859 = friday.plus({ days: 3 }).set({ hour: 8, minute: 59 });
      await suite.ts.env.sleep(monday0859.toMillis() - (await suite.ts.env.currentTimeMs()));
      expect((await handle.query(ticketQuery)).tier).toBe('TIER_1');
      await suite.ts.env.sleep(61_000);
      expect((await handle.query(ticketQuery)).tier).toBe('TIER_2');
      const [escalated] = await suite.ts
        .db('ticket_events')
        .where({ ticket_number: handle.workflowId, type: 'escalated' });
      expect(DateTime.fromJSDate(escalated.at, { zone }).toISO()).toBe(
        friday.plus({ days: 3 }).set({ hour: 9, minute: 0 }).toISO(),
      );
    });
  });

  it('skips a Monday public holiday and escalates at 09:00 on Tuesday', async () => {
    const friday = await receiveOnFridayEvening(true);
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P2');
      const view = await handle.query(ticketQuery);
      const due = DateTime.fromISO(view.sla!.tierFrame!.dueAt!, { zone });
      expect(due.toISO()).toBe(friday.plus({ days: 4 }).set({ hour: 9, minute: 0 }).toISO());
      await suite.ts.env.sleep(due.toMillis() - (await suite.ts.env.currentTimeMs()) + 1_000);
      expect((await handle.query(ticketQuery)).tier).toBe('TIER_2');
    });
  });
});
