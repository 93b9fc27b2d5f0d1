import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isOpen,
  itbxBogota,
  nextOpening,
} from '../../domain/calendar';
import { clock } from './helpers';

// ITBX: Mon–Fri 08:00–17:00, Sat 09:00–12:00 in Bogotá (UTC-5, no DST), Colombian public holidays closed.
const bogota = clock('America/Bogota');
const HOUR = 60;

describe('ITBX Bogotá support calendar', () => {
  it('relies on these 2026 festivos, as date-holidays lists them', () => {
    const festivos = new Holidays('CO')
      .getHolidays(2026)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10));
    expect(festivos).toEqual(expect.arrayContaining(['2026-01-12', '2026-04-02', '2026-04-03']));
    // The ordinary weeks used below are free of festivos.
    expect(festivos.filter((d) => d.startsWith('2026-02'))).toEqual([]);
  });

  it('a P2 ticket received Friday 18:30 starts counting Saturday 09:00', () => {
    const received = bogota.at('2026-02-20 18:30');
    expect(isOpen(itbxBogota, received)).toBe(false);
    expect(bogota.show(nextOpening(itbxBogota, received))).toBe('Sat 2026-02-21 09:00');
    expect(bogota.show(addBusinessMinutes(itbxBogota, received, 1 * HOUR))).toBe('Sat 2026-02-21 10:00');
  });

  it('8 business hours from Friday 16:00 end Monday 12:00 (Fri 1h + Sat 3h + Mon 4h)', () => {
    const due = addBusinessMinutes(itbxBogota, bogota.at('2026-02-20 16:00'), 8 * HOUR);
    expect(bogota.show(due)).toBe('Mon 2026-02-23 12:00');
  });

  it('a target that runs out at closing time is due at closing time, not at the next opening', () => {
    const due = addBusinessMinutes(itbxBogota, bogota.at('2026-02-20 16:00'), 1 * HOUR);
    expect(bogota.show(due)).toBe('Fri 2026-02-20 17:00');
    expect(isOpen(itbxBogota, due)).toBe(false);
    expect(isOpen(itbxBogota, bogota.at('2026-02-20 16:59'))).toBe(true);
  });

  it('Saturday closes at noon and Sunday stays closed', () => {
    const due = addBusinessMinutes(itbxBogota, bogota.at('2026-02-21 11:00'), 2 * HOUR);
    expect(bogota.show(due)).toBe('Mon 2026-02-23 09:00');
    expect(isOpen(itbxBogota, bogota.at('2026-02-22 10:00'))).toBe(false);
  });

  it('a ticket received on Sunday starts counting Monday 08:00', () => {
    const due = addBusinessMinutes(itbxBogota, bogota.at('2026-02-22 10:00'), 30);
    expect(bogota.show(due)).toBe('Mon 2026-02-23 08:30');
  });

  it('skips the Monday festivo of Epiphany (Reyes Magos, moved to 2026-01-12)', () => {
    expect(isOpen(itbxBogota, bogota.at('2026-01-12 10:00'))).toBe(false);
    const due = addBusinessMinutes(itbxBogota, bogota.at('2026-01-09 16:00'), 8 * HOUR);
    expect(bogota.show(due)).toBe('Tue 2026-01-13 12:00');
  });

  it('skips Holy Thursday and Good Friday: 10h from Wednesday 16:00 end Monday 14:00', () => {
    // Wed 16–17 (1h), Thu and Fri festivos, Sat 09–12 (3h), Sunday closed, Mon 08:00 + 6h.
    const due = addBusinessMinutes(itbxBogota, bogota.at('2026-04-01 16:00'), 10 * HOUR);
    expect(bogota.show(due)).toBe('Mon 2026-04-06 14:00');
  });

  it('a ticket received on a festivo starts counting at the next business opening', () => {
    expect(bogota.show(nextOpening(itbxBogota, bogota.at('2026-04-02 10:00')))).toBe('Sat 2026-04-04 09:00');
  });

  it('counts 48 business hours in an ordinary week and 39 in the week of a Monday festivo', () => {
    expect(
      businessMinutesBetween(itbxBogota, bogota.at('2026-02-02 00:00'), bogota.at('2026-02-09 00:00')),
    ).toBe(5 * 9 * HOUR + 3 * HOUR);
    expect(
      businessMinutesBetween(itbxBogota, bogota.at('2026-01-12 00:00'), bogota.at('2026-01-19 00:00')),
    ).toBe(4 * 9 * HOUR + 3 * HOUR);
  });

  it('measures only the open part of a partly open range', () => {
    // Fri 16:30–17:00 and Sat 09:00–10:15.
    const minutes = businessMinutesBetween(
      itbxBogota,
      bogota.at('2026-02-20 16:30'),
      bogota.at('2026-02-21 10:15'),
    );
    expect(minutes).toBe(30 + 75);
  });

  it('10,000 business minutes from Monday 2026-02-02 08:00 end Wednesday 2026-02-25 12:40', () => {
    // Three full weeks are 3 × 2,880 = 8,640; the remaining 1,360 are Mon 540 + Tue 540 + Wed 08:00 + 280.
    const start = bogota.at('2026-02-02 08:00');
    const due = addBusinessMinutes(itbxBogota, start, 10_000);
    expect(bogota.show(due)).toBe('Wed 2026-02-25 12:40');
    expect(businessMinutesBetween(itbxBogota, start, due)).toBe(10_000);
  });
});
