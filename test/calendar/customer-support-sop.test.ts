import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  customerSupportSop,
  isOpen,
  itbxBogota,
  nextOpening,
  type BusinessCalendar,
} from '../../domain/calendar';
import { clock } from './helpers';

// SOP: Mon–Fri 10:00–17:40, Sat 09:30–13:30, Sunday closed, in Asia/Kolkata. March 2026 starts on a Sunday.
const india = clock('Asia/Kolkata');

describe('customer-support SOP calendar', () => {
  it('closes at 17:40 on weekdays', () => {
    expect(isOpen(customerSupportSop, india.at('2026-03-02 17:39'))).toBe(true);
    expect(isOpen(customerSupportSop, india.at('2026-03-02 17:40'))).toBe(false);
  });

  it('an hour from Monday 17:00 is 40 minutes on Monday and 20 on Tuesday', () => {
    const due = addBusinessMinutes(customerSupportSop, india.at('2026-03-02 17:00'), 60);
    expect(india.show(due)).toBe('Tue 2026-03-03 10:20');
  });

  it('two business days (920 minutes) from Wednesday 15:00 end Friday 15:00', () => {
    // Wed 15:00–17:40 = 160, Thu 460, Fri 10:00 + 300.
    const due = addBusinessMinutes(customerSupportSop, india.at('2026-03-04 15:00'), 920);
    expect(india.show(due)).toBe('Fri 2026-03-06 15:00');
  });

  it('Saturday runs 09:30–13:30 and Sunday is closed', () => {
    expect(india.show(nextOpening(customerSupportSop, india.at('2026-03-07 09:00')))).toBe(
      'Sat 2026-03-07 09:30',
    );
    const due = addBusinessMinutes(customerSupportSop, india.at('2026-03-07 13:00'), 60);
    expect(india.show(due)).toBe('Mon 2026-03-09 10:30');
  });

  it('a ticket received on Sunday waits for Monday 10:00', () => {
    expect(india.show(nextOpening(customerSupportSop, india.at('2026-03-08 11:00')))).toBe(
      'Mon 2026-03-09 10:00',
    );
  });

  it('a week holds 5 × 7h40 + 4h = 2,540 business minutes', () => {
    const week = businessMinutesBetween(
      customerSupportSop,
      india.at('2026-03-02 00:00'),
      india.at('2026-03-09 00:00'),
    );
    expect(week).toBe(2540);
  });

  it('names no holidays, so Republic Day (Monday 2026-01-26) is a working day', () => {
    expect(isOpen(customerSupportSop, india.at('2026-01-26 11:00'))).toBe(true);
  });
});

describe('one-off exceptions', () => {
  const withExceptions = (
    cal: BusinessCalendar,
    exceptions: BusinessCalendar['exceptions'],
  ): BusinessCalendar => ({
    ...cal,
    exceptions,
  });

  it('an exception with no hours closes the whole day', () => {
    const cal = withExceptions(customerSupportSop, [
      { date: '2026-03-04', hours: [], reason: 'office move' },
    ]);
    expect(isOpen(cal, india.at('2026-03-04 12:00'))).toBe(false);
    const due = addBusinessMinutes(cal, india.at('2026-03-03 17:00'), 60);
    expect(india.show(due)).toBe('Thu 2026-03-05 10:20');
  });

  it('an exception can shorten a day', () => {
    const cal = withExceptions(customerSupportSop, [
      { date: '2026-03-04', hours: [{ from: '10:00', to: '13:00' }] },
    ]);
    const due = addBusinessMinutes(cal, india.at('2026-03-04 12:00'), 120);
    expect(india.show(due)).toBe('Thu 2026-03-05 11:00');
  });

  it('an exception can open a Sunday', () => {
    const cal = withExceptions(customerSupportSop, [
      { date: '2026-03-08', hours: [{ from: '10:00', to: '14:00' }] },
    ]);
    const due = addBusinessMinutes(cal, india.at('2026-03-07 13:00'), 60);
    expect(india.show(due)).toBe('Sun 2026-03-08 10:30');
  });

  it('only changes its own date', () => {
    const cal = withExceptions(customerSupportSop, [{ date: '2026-03-04', hours: [] }]);
    expect(isOpen(cal, india.at('2026-03-11 12:00'))).toBe(true);
    expect(isOpen(cal, india.at('2026-03-03 12:00'))).toBe(true);
  });

  it('overrides a public holiday: ITBX working the morning of festivo 2026-01-12', () => {
    const bogota = clock('America/Bogota');
    const cal = withExceptions(itbxBogota, [{ date: '2026-01-12', hours: [{ from: '08:00', to: '12:00' }] }]);
    expect(isOpen(cal, bogota.at('2026-01-12 10:00'))).toBe(true);
    // Fri 16–17 (1h), Sat 09–12 (3h), Mon 08–12 (4h).
    expect(bogota.show(addBusinessMinutes(cal, bogota.at('2026-01-09 16:00'), 480))).toBe(
      'Mon 2026-01-12 12:00',
    );
  });
});
