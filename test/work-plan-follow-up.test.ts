import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { listWorkQueue } from '../desk/tickets/work-queue';
import { ticketQuery } from '../workflows/messages';
import { keepHistory } from './support/histories';
import { bogotaZone, isColombianHoliday } from './support/colombia';
import { act, letters, timeSkippingUnder, withWorker } from './support/time-skipping';

// itbx-bogota: Mon–Fri 08:00–17:00, Sat 09:00–12:00, America/Bogota, Colombian public holidays closed; its
// contract names no notice of its own, so special-hours work needs the procedure's 3 business days (R16).
const zone = bogotaZone;
const isHoliday = isColombianHoliday;

const suite = timeSkippingUnder('itbx-bogota');
const owner = 'luis.gomez@desk.example';
const requester = 'ana.ruiz@acme.example';
const engineer = `eng-${randomUUID()}@desk.example`;

/** The next Thursday 10:00 in Bogota whose Monday after is a public holiday, its other days working days. */
async function thursdayBeforeHolidayMonday(): Promise<DateTime> {
  const now = await suite.ts.env.currentTimeMs();
  let thursday = DateTime.fromMillis(now, { zone })
    .plus({ days: 1 })
    .set({ weekday: 4, hour: 10, minute: 0, second: 0, millisecond: 0 });
  const day = (offset: number) => thursday.plus({ days: offset });
  while (
    thursday.toMillis() <= now ||
    !isHoliday(day(4)) ||
    [0, 1, 2, 5, 6].some((offset) => isHoliday(day(offset)))
  ) {
    thursday = thursday.plus({ weeks: 1 });
  }
  return thursday;
}

const refusal = (error: unknown) =>
  error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure
    ? error.cause
    : error;

describe('a work plan with special-hours work on the ITBX calendar (R8, R16)', () => {
  it('asks 3 business days of notice across a weekend and a holiday, then follows the plan up', async () => {
    const thursday = await thursdayBeforeHolidayMonday();
    await suite.ts.env.sleep(thursday.toMillis() - (await suite.ts.env.currentTimeMs()));
    await withWorker(suite.ts, async (open) => {
      const handle = await open(suite.organization, 'P3');
      await act(handle, 'assign', { engineer });
      await act(handle, 'start-analysis', {});
      const at = (days: number, hour: number) => thursday.plus({ days }).set({ hour }).toISO()!;
      const backup = { title: 'Back up the certificate store', owner, start: at(1, 9), end: at(1, 10) };
      const cutover = (days: number) => ({
        title: 'Switch the SSO certificate',
        owner,
        start: at(days, 19),
        end: at(days, 21),
        onSite: true,
      });

      // Friday, Saturday morning and Tuesday are business days; Sunday and the holiday Monday are not.
      const tooSoon = await act(handle, 'draft-plan', {
        objective: 'Renew the SSO certificate without stopping the warehouse',
        activities: [backup, cutover(5)],
      }).catch(refusal);
      expect(tooSoon).toBeInstanceOf(ApplicationFailure);
      const earliest = thursday.plus({ days: 6 }).startOf('day');
      expect((tooSoon as ApplicationFailure).message).toContain(
        `earliest allowed start is ${earliest.toUTC().toISO()}`,
      );
      expect((tooSoon as ApplicationFailure).details?.[0]).toMatchObject({
        earliestStart: earliest.toUTC().toISO(),
      });
      expect((await handle.query(ticketQuery)).plan).toBeNull();

      const drafted = await act(handle, 'draft-plan', {
        objective: 'Renew the SSO certificate without stopping the warehouse',
        activities: [backup, cutover(6)],
      });
      expect(drafted.plan).toMatchObject({ revision: 1, status: 'awaiting-approval' });
      expect(drafted.plan!.activities.map((a) => a.specialHours)).toEqual([false, true]);
      // The ITBX policy leaves the default: the client's time to decide pauses resolution and tier clocks.
      expect(drafted.sla!.resolution).toMatchObject({ state: 'paused', dueAt: null });
      expect(drafted.sla!.tierFrame).toMatchObject({ state: 'paused' });
      const early = await act(handle, 'start-activity', { activity: 1, note: 'starting' }).catch(refusal);
      expect((early as ApplicationFailure).message).toMatch(/before the client approves the plan/);

      const approved = await act(handle, 'approve-plan', { channel: 'portal' }, requester);
      expect(approved.plan!.answer).toMatchObject({ approved: true, by: requester, via: 'portal' });
      expect(approved.sla!.resolution!.state).toBe('on_track');
      await act(handle, 'start-activity', { activity: 1, note: 'backup running' });

      // Friday 10:00 passes with the backup not completed: its owner is reminded at that very minute.
      const plannedEnd = DateTime.fromISO(backup.end);
      await suite.ts.env.sleep(plannedEnd.toMillis() - (await suite.ts.env.currentTimeMs()) + 1_000);
      const overdue = await handle.query(ticketQuery);
      expect(overdue.plan!.activities[0]).toMatchObject({ status: 'started', overdue: true });
      const [reminder] = await suite.ts
        .db('ticket_events')
        .where({ ticket_number: handle.workflowId, type: 'plan-activity-overdue' });
      expect(new Date(reminder.at).toISOString()).toBe(plannedEnd.toUTC().toISO());
      expect(
        (await letters(suite.ts.db, handle.workflowId, 'activity-overdue')).map((l) => l.recipient),
      ).toEqual([owner]);
      // The ticket climbed to Tier 2 meanwhile, re-queued without an engineer: the engineer takes it again.
      await act(handle, 'assign', { engineer });
      const queue = await listWorkQueue(suite.ts.db, { assignee: engineer, limit: 10, offset: 0 });
      expect(queue.items.find((t) => t.number === handle.workflowId)).toMatchObject({ planOverdue: true });

      const completed = await act(handle, 'complete-activity', { activity: 1, note: 'backup verified' });
      expect(completed.plan!.activities[0]).toMatchObject({
        status: 'completed',
        completed: { note: 'backup verified' },
      });
      await keepHistory(handle, 'work-plan-approved-activity-overdue');
    });
  });
});
