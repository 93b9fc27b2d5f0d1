import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  brocent24x7,
  businessMinutesBetween,
  isOpen,
  nextOpening,
} from '../../domain/calendar';
import { calendar, clock, everyDay, hours } from './helpers';

// 2026 transitions: New York springs forward Sun 03-08 02:00→03:00 and falls back Sun 11-01 02:00→01:00;
// Berlin springs forward Sun 03-29 02:00→03:00 and falls back Sun 10-25 03:00→02:00.
const NY = 'America/New_York';
const newYork = clock(NY);
const berlin = clock('Europe/Berlin');
const iso = (d: Date) => d.toISOString();
const dayLength = (cal: Parameters<typeof businessMinutesBetween>[0], from: string, to: string) =>
  businessMinutesBetween(cal, newYork.at(from), newYork.at(to));

describe('opening hours are wall-clock times across DST changes', () => {
  const nightShift = calendar(NY, everyDay(hours('01:00', '04:00')));

  it('a 01:00–04:00 shift lasts 3h normally, 2h on spring-forward day and 4h on fall-back day', () => {
    expect(dayLength(nightShift, '2026-03-07 00:00', '2026-03-08 00:00')).toBe(180);
    expect(dayLength(nightShift, '2026-03-08 00:00', '2026-03-09 00:00')).toBe(120);
    expect(dayLength(nightShift, '2026-11-01 00:00', '2026-11-02 00:00')).toBe(240);
  });

  it('a 02:00–03:00 interval does not exist on spring-forward day, so it is empty', () => {
    const skipped = calendar(NY, { sun: hours('02:00', '03:00') });
    expect(dayLength(skipped, '2026-03-08 00:00', '2026-03-09 00:00')).toBe(0);
    expect(isOpen(skipped, new Date('2026-03-08T03:00:00-04:00'))).toBe(false);
    expect(iso(nextOpening(skipped, newYork.at('2026-03-07 12:00')))).toBe(
      iso(new Date('2026-03-15T02:00:00-04:00')),
    );
  });

  it('an opening time inside the skipped hour opens when the clocks jump', () => {
    const cal = calendar(NY, { sun: hours('02:30', '05:00') });
    expect(iso(nextOpening(cal, newYork.at('2026-03-08 00:00')))).toBe(
      iso(new Date('2026-03-08T03:00:00-04:00')),
    );
    expect(dayLength(cal, '2026-03-08 00:00', '2026-03-09 00:00')).toBe(120);
  });

  it('a 01:00–02:00 interval on fall-back day lasts two real hours, through both 01:30s', () => {
    const cal = calendar(NY, { sun: hours('01:00', '02:00') });
    expect(dayLength(cal, '2026-11-01 00:00', '2026-11-02 00:00')).toBe(120);
    const due = addBusinessMinutes(cal, newYork.at('2026-10-31 12:00'), 90);
    expect(iso(due)).toBe(iso(new Date('2026-11-01T01:30:00-05:00')));
  });

  it('a Berlin office still opens at 09:00 local after spring forward and after fall back', () => {
    const office = calendar('Europe/Berlin', {
      mon: hours('09:00', '17:00'),
      tue: hours('09:00', '17:00'),
      wed: hours('09:00', '17:00'),
      thu: hours('09:00', '17:00'),
      fri: hours('09:00', '17:00'),
    });
    const afterSpring = addBusinessMinutes(office, berlin.at('2026-03-27 16:00'), 120);
    expect(berlin.show(afterSpring)).toBe('Mon 2026-03-30 10:00');
    expect(iso(afterSpring)).toBe('2026-03-30T08:00:00.000Z');
    const afterFall = addBusinessMinutes(office, berlin.at('2026-10-23 16:00'), 120);
    expect(berlin.show(afterFall)).toBe('Mon 2026-10-26 10:00');
    expect(iso(afterFall)).toBe('2026-10-26T09:00:00.000Z');
  });
});

describe('24x7 calendars count real elapsed time', () => {
  const berlin24x7 = calendar('Europe/Berlin', everyDay(hours('00:00', '24:00')));

  it('noon to noon over spring forward is 23 hours, over fall back 25 hours', () => {
    expect(
      businessMinutesBetween(berlin24x7, berlin.at('2026-03-28 12:00'), berlin.at('2026-03-29 12:00')),
    ).toBe(23 * 60);
    expect(
      businessMinutesBetween(berlin24x7, berlin.at('2026-10-24 12:00'), berlin.at('2026-10-25 12:00')),
    ).toBe(25 * 60);
  });

  it('24 business hours after Saturday noon are 24 real hours later, whatever the wall clock says', () => {
    const spring = addBusinessMinutes(berlin24x7, berlin.at('2026-03-28 12:00'), 24 * 60);
    expect(berlin.show(spring)).toBe('Sun 2026-03-29 13:00');
    const fall = addBusinessMinutes(berlin24x7, berlin.at('2026-10-24 12:00'), 24 * 60);
    expect(berlin.show(fall)).toBe('Sun 2026-10-25 11:00');
  });

  it('BROCENT field service is always open and 10,000 minutes are 10,000 real minutes', () => {
    const start = new Date('2026-03-07T21:17:05.250Z');
    expect(isOpen(brocent24x7, start)).toBe(true);
    expect(isOpen(brocent24x7, new Date('2026-03-08T00:00:00Z'))).toBe(true);
    expect(nextOpening(brocent24x7, start)).toEqual(start);
    const due = addBusinessMinutes(brocent24x7, start, 10_000);
    expect(due.getTime() - start.getTime()).toBe(10_000 * 60_000);
    expect(businessMinutesBetween(brocent24x7, start, due)).toBe(10_000);
  });
});
