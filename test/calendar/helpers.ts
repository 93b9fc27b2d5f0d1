import { DateTime } from 'luxon';
import type { BusinessCalendar, OpeningInterval, Weekday } from '../../domain/calendar';

/** Reads and writes instants as a person in `zone` would: "Fri 2026-02-20 18:30". */
export function clock(zone: string) {
  return {
    at(local: string): Date {
      const dt = ['yyyy-MM-dd HH:mm', 'yyyy-MM-dd HH:mm:ss.SSS']
        .map((format) => DateTime.fromFormat(local, format, { zone }))
        .find((parsed) => parsed.isValid);
      if (!dt) throw new Error(`bad local time in test: ${local}`);
      return dt.toJSDate();
    },
    show(d: Date): string {
      const dt = DateTime.fromJSDate(d, { zone }).setLocale('en-US');
      return dt.toFormat(
        dt.second || dt.millisecond ? 'ccc yyyy-MM-dd HH:mm:ss.SSS' : 'ccc yyyy-MM-dd HH:mm',
      );
    },
  };
}

const CLOSED: Record<Weekday, OpeningInterval[]> = {
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
};

/** A test calendar: closed unless the given weekdays say otherwise. */
export function calendar(
  timeZone: string,
  weekly: Partial<Record<Weekday, OpeningInterval[]>>,
  extra: Partial<BusinessCalendar> = {},
): BusinessCalendar {
  return { id: 'test', name: 'test calendar', timeZone, weekly: { ...CLOSED, ...weekly }, ...extra };
}

export const hours = (from: string, to: string): OpeningInterval[] => [{ from, to }];

export function everyDay(intervals: OpeningInterval[]): Record<Weekday, OpeningInterval[]> {
  return {
    mon: intervals,
    tue: intervals,
    wed: intervals,
    thu: intervals,
    fri: intervals,
    sat: intervals,
    sun: intervals,
  };
}

/** Numerical Recipes LCG: deterministic randomness without a dependency. Returns values in [0, 1). */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
