import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isOpen,
  nextOpening,
  seedCalendars,
  type BusinessCalendar,
} from '../../domain/calendar';
import { calendar, everyDay, hours, lcg } from './helpers';

// Seeds plus calendars that stress DST (an overnight shift in New York) and partial-day holidays in Bavaria.
const calendars: BusinessCalendar[] = [
  ...seedCalendars,
  calendar('America/New_York', everyDay(hours('01:00', '04:00')), { id: 'ny-night-shift' }),
  calendar(
    'Europe/Berlin',
    { mon: [...hours('08:00', '12:00'), ...hours('13:00', '17:30')], fri: hours('08:00', '14:00') },
    { id: 'bavaria-office', holidays: { country: 'DE', state: 'BY', types: ['public', 'bank'] } },
  ),
];

const FROM = Date.parse('2025-01-01T00:00:00Z');
const SPAN = Date.parse('2028-01-01T00:00:00Z') - FROM;
const CASES = 150;
const MS = 60_000;

/** Random instants over 2025–2027 and random targets up to ~14 days, some fractional to the millisecond. */
function* randomCases(seed: number) {
  const random = lcg(seed);
  for (let i = 0; i < CASES; i++) {
    const start = new Date(FROM + Math.floor(random() * SPAN));
    const whole = random() < 0.5;
    const minutes = whole ? Math.floor(random() * 20_000) : Math.floor(random() * 20_000 * MS) / MS;
    yield {
      start,
      minutes,
      other: new Date(start.getTime() + Math.floor((random() - 0.2) * 20 * 24 * 60 * MS)),
    };
  }
}

describe.each(calendars.map((cal) => [cal.id, cal] as const))(
  '%s: addBusinessMinutes and businessMinutesBetween agree',
  (_id, cal) => {
    it('counting the business minutes up to the due time gives back the target', () => {
      for (const { start, minutes } of randomCases(7)) {
        const due = addBusinessMinutes(cal, start, minutes);
        expect(Math.round(businessMinutesBetween(cal, start, due) * MS)).toBe(Math.round(minutes * MS));
      }
    });

    it('a due time is never in the past, and the moment before it is open', () => {
      for (const { start, minutes } of randomCases(11)) {
        const due = addBusinessMinutes(cal, start, minutes);
        expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
        if (minutes > 0) expect(isOpen(cal, new Date(due.getTime() - 1))).toBe(true);
      }
    });

    it('a larger target is never due earlier', () => {
      for (const { start, minutes } of randomCases(13)) {
        const sooner = addBusinessMinutes(cal, start, minutes);
        const later = addBusinessMinutes(cal, start, minutes + 0.25);
        expect(later.getTime()).toBeGreaterThan(sooner.getTime());
      }
    });

    it('adding back the business time elapsed up to an instant reaches it, or the last close before it', () => {
      for (const { start, other } of randomCases(17)) {
        const elapsed = businessMinutesBetween(cal, start, other);
        // With nothing elapsed, the clock has not started: that is the 0-minute case, checked elsewhere.
        if (elapsed === 0) continue;
        const reached = addBusinessMinutes(cal, start, elapsed);
        if (isOpen(cal, other)) expect(reached).toEqual(other);
        expect(reached.getTime()).toBeLessThanOrEqual(other.getTime());
        expect(businessMinutesBetween(cal, reached, other)).toBe(0);
      }
    });

    it('business time is additive over a split range', () => {
      for (const { start, other } of randomCases(23)) {
        const [a, c] = start < other ? [start, other] : [other, start];
        const b = new Date(Math.floor((a.getTime() + c.getTime()) / 2));
        const whole = businessMinutesBetween(cal, a, c) * MS;
        const parts = (businessMinutesBetween(cal, a, b) + businessMinutesBetween(cal, b, c)) * MS;
        expect(Math.round(parts)).toBe(Math.round(whole));
      }
    });

    it('the next opening is open and no business time passes before it', () => {
      for (const { start } of randomCases(19)) {
        const opening = nextOpening(cal, start);
        expect(isOpen(cal, opening)).toBe(true);
        expect(businessMinutesBetween(cal, start, opening)).toBe(0);
        expect(opening.getTime() === start.getTime()).toBe(isOpen(cal, start));
      }
    });
  },
);
