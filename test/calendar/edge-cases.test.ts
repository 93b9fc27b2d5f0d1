import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isOpen,
  itbxBogota,
  nextOpening,
} from '../../domain/calendar';
import { calendar, clock, hours } from './helpers';

const bogota = clock('America/Bogota');

describe('zero and fractional targets', () => {
  it('a 0-minute target is due at once while open', () => {
    const now = bogota.at('2026-02-20 11:00');
    expect(addBusinessMinutes(itbxBogota, now, 0)).toEqual(now);
  });

  it('a 0-minute target received after hours is due at the next opening', () => {
    expect(bogota.show(addBusinessMinutes(itbxBogota, bogota.at('2026-02-20 18:30'), 0))).toBe(
      'Sat 2026-02-21 09:00',
    );
    expect(bogota.show(addBusinessMinutes(itbxBogota, bogota.at('2026-02-20 17:00'), 0))).toBe(
      'Sat 2026-02-21 09:00',
    );
  });

  it('half a minute straddling Friday close ends 15 seconds into Saturday', () => {
    const due = addBusinessMinutes(itbxBogota, bogota.at('2026-02-20 16:59:45.000'), 0.5);
    expect(bogota.show(due)).toBe('Sat 2026-02-21 09:00:15.000');
    expect(
      businessMinutesBetween(
        itbxBogota,
        bogota.at('2026-02-20 16:59:30.000'),
        bogota.at('2026-02-21 09:00:30.000'),
      ),
    ).toBe(1);
  });

  it('resolves to the millisecond', () => {
    const now = bogota.at('2026-02-20 11:00');
    expect(addBusinessMinutes(itbxBogota, now, 1 / 60_000).getTime() - now.getTime()).toBe(1);
  });
});

describe('invalid input', () => {
  it('rejects negative, NaN and infinite targets', () => {
    const now = bogota.at('2026-02-20 11:00');
    for (const minutes of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessMinutes(itbxBogota, now, minutes)).toThrow(RangeError);
    }
  });

  it('rejects an invalid Date', () => {
    expect(() => isOpen(itbxBogota, new Date('not a date'))).toThrow('invalid Date');
  });

  it('rejects an unvalidated calendar with an unknown time zone, naming it', () => {
    const cal = { ...itbxBogota, timeZone: 'America/Gotham' };
    expect(() => nextOpening(cal, new Date())).toThrow('unknown time zone "America/Gotham"');
  });

  it('counts nothing when the range is empty or reversed', () => {
    const a = bogota.at('2026-02-20 11:00');
    const b = bogota.at('2026-02-20 12:00');
    expect(businessMinutesBetween(itbxBogota, a, a)).toBe(0);
    expect(businessMinutesBetween(itbxBogota, b, a)).toBe(0);
  });
});

describe('calendars without openings', () => {
  const neverOpen = calendar('UTC', {}, { id: 'never' });

  it('gives up after 3 years instead of looping forever', () => {
    expect(() => addBusinessMinutes(neverOpen, new Date('2026-01-01T00:00:00Z'), 60)).toThrow(
      'calendar "never" has no opening hours within 3 years',
    );
    expect(() => nextOpening(neverOpen, new Date('2026-01-01T00:00:00Z'))).toThrow(/within 3 years/);
  });

  it('still answers isOpen and businessMinutesBetween over any range', () => {
    expect(isOpen(neverOpen, new Date('2026-01-01T12:00:00Z'))).toBe(false);
    expect(
      businessMinutesBetween(neverOpen, new Date('2026-01-01T00:00:00Z'), new Date('2031-01-01T00:00:00Z')),
    ).toBe(0);
  });

  it('finds a lone exception two years ahead', () => {
    const cal = calendar('UTC', {}, { exceptions: [{ date: '2028-02-01', hours: hours('09:00', '10:00') }] });
    expect(nextOpening(cal, new Date('2026-03-01T00:00:00Z')).toISOString()).toBe('2028-02-01T09:00:00.000Z');
  });
});

describe('interval shapes', () => {
  it('an interval ending at 24:00 runs straight into one starting at 00:00 the next day', () => {
    const lateShift = calendar('America/Bogota', {
      fri: hours('18:00', '24:00'),
      sat: hours('00:00', '02:00'),
    });
    expect(isOpen(lateShift, bogota.at('2026-02-20 23:59'))).toBe(true);
    expect(isOpen(lateShift, bogota.at('2026-02-21 00:00'))).toBe(true);
    expect(bogota.show(addBusinessMinutes(lateShift, bogota.at('2026-02-20 23:00'), 120))).toBe(
      'Sat 2026-02-21 01:00',
    );
  });

  it('a lunch break splits the day, whatever order the intervals are listed in', () => {
    const cal = calendar('America/Bogota', {
      fri: [
        { from: '13:00', to: '17:00' },
        { from: '08:00', to: '12:00' },
      ],
    });
    expect(isOpen(cal, bogota.at('2026-02-20 12:30'))).toBe(false);
    expect(bogota.show(addBusinessMinutes(cal, bogota.at('2026-02-20 11:30'), 60))).toBe(
      'Fri 2026-02-20 13:30',
    );
  });
});
