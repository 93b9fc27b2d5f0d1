import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createBusinessClockActivities } from '../activities/business-clock';
import { itbxBogota } from '../domain/calendar';
import { itbxBogotaPolicy } from '../domain/sla-seeds';

// The domain tests cover the calendar arithmetic exhaustively; these check what the activities add to it.
const { businessDeadline, businessMinutesElapsed } = createBusinessClockActivities();

describe('business clock activities on the ITBX Bogotá calendar (R16)', () => {
  it("puts a P2 status update asked for on Friday evening on Monday's first business hour", async () => {
    const minutes = itbxBogotaPolicy.targets.P2.statusUpdateMinutes!;
    // Friday 2026-11-20 18:30 in Bogotá (UTC-5): closed; Saturday 09:00–12:00 gives 180 of the 240 minutes.
    const due = await businessDeadline({ calendar: itbxBogota, from: '2026-11-20T23:30:00.000Z', minutes });
    expect(due).toBe('2026-11-23T14:00:00.000Z'); // Monday 09:00 in Bogotá
  });

  it('skips a Colombian Monday holiday', async () => {
    // Monday 2026-11-16 is the (moved) Independence of Cartagena holiday: the hour lands on Tuesday.
    const due = await businessDeadline({
      calendar: itbxBogota,
      from: '2026-11-13T23:30:00.000Z',
      minutes: 240,
    });
    expect(due).toBe('2026-11-17T14:00:00.000Z');
  });

  it('counts the business minutes between two instants across a weekend', async () => {
    // Friday 16:00 → Monday 09:00 in Bogotá: 60 on Friday, 180 on Saturday, 60 on Monday.
    const elapsed = await businessMinutesElapsed({
      calendar: itbxBogota,
      from: '2026-11-20T21:00:00.000Z',
      to: '2026-11-23T14:00:00.000Z',
    });
    expect(elapsed).toBe(300);
  });

  it('fails without retrying on input no retry can fix', async () => {
    const failures = await Promise.all([
      businessDeadline({ calendar: itbxBogota, from: 'last Friday', minutes: 60 }).catch((e) => e),
      businessDeadline({ calendar: itbxBogota, from: '2026-11-20T23:30:00Z', minutes: -5 }).catch((e) => e),
      businessMinutesElapsed({
        calendar: { ...itbxBogota, timeZone: 'Mars/Olympus_Mons' },
        from: '2026-11-20T21:00:00Z',
        to: '2026-11-23T14:00:00Z',
      }).catch((e) => e),
    ]);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ type: 'InvalidBusinessClockRequest', nonRetryable: true });
    }
    expect(failures.map((f) => f.message)).toEqual([
      expect.stringContaining('last Friday'),
      expect.stringContaining('-5'),
      expect.stringContaining('Mars/Olympus_Mons'),
    ]);
  });
});
