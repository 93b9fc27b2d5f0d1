import { describe, expect, it } from 'vitest';
import { businessMinutesBetween, isOpen, nextOpening } from '../../domain/calendar';
import { calendar, clock, everyDay, hours } from './helpers';

const berlin = clock('Europe/Berlin');

describe('which holidays close the calendar', () => {
  const everyDayInBavaria = (types?: ('public' | 'bank')[]) =>
    calendar('Europe/Berlin', everyDay(hours('08:00', '18:00')), {
      holidays: { country: 'DE', state: 'BY', types },
    });
  const christmasEve = (cal: ReturnType<typeof everyDayInBavaria>) =>
    businessMinutesBetween(cal, berlin.at('2026-12-24 00:00'), berlin.at('2026-12-25 00:00'));

  it('counts only public holidays by default: Christmas Eve (a bank holiday from 14:00) stays open', () => {
    expect(christmasEve(everyDayInBavaria())).toBe(600);
  });

  it('closes from 14:00 on Christmas Eve when bank holidays are listed', () => {
    const cal = everyDayInBavaria(['public', 'bank']);
    expect(christmasEve(cal)).toBe(360);
    expect(isOpen(cal, berlin.at('2026-12-24 13:59'))).toBe(true);
    expect(isOpen(cal, berlin.at('2026-12-24 14:00'))).toBe(false);
  });

  it('uses the state: Epiphany closes Bavaria but not Berlin', () => {
    const berlinState = calendar('Europe/Berlin', everyDay(hours('08:00', '18:00')), {
      holidays: { country: 'DE', state: 'BE' },
    });
    expect(isOpen(everyDayInBavaria(), berlin.at('2026-01-06 10:00'))).toBe(false);
    expect(isOpen(berlinState, berlin.at('2026-01-06 10:00'))).toBe(true);
  });

  it("closes the holiday's date in the calendar's own time zone", () => {
    const utcWithFestivos = calendar('UTC', everyDay(hours('00:00', '24:00')), {
      holidays: { country: 'CO' },
    });
    const sunToTue = businessMinutesBetween(
      utcWithFestivos,
      new Date('2026-01-11T00:00:00Z'),
      new Date('2026-01-13T00:00:00Z'),
    );
    expect(sunToTue).toBe(24 * 60);
    expect(nextOpening(utcWithFestivos, new Date('2026-01-12T05:00:00Z')).toISOString()).toBe(
      '2026-01-13T00:00:00.000Z',
    );
  });
});
