import { DateTime, IANAZone } from 'luxon';

// Time is handled in epoch milliseconds. A local date is the epoch ms of its UTC midnight, so that day
// arithmetic is plain addition; its opening hours become absolute [start, end) spans.
export type Span = [start: number, end: number];

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

/**
 * Maps a minute of local date `day` (1440 = next midnight) to the instant the zone's clock first shows it.
 * Assumes at most one offset change from the day before to the day after, which holds for every real zone.
 */
export function wallClock(zone: IANAZone, day: number): (minuteOfDay: number) => number {
  // Luxon offset lookups cost microseconds each, and most days have no transition: check once per day.
  const before = zone.offset(day - MS_PER_DAY);
  const after = zone.offset(day + 2 * MS_PER_DAY);
  return (minuteOfDay) => {
    const wall = day + minuteOfDay * MS_PER_MINUTE;
    if (before === after) return wall - before * MS_PER_MINUTE;
    const candidates = [before, after]
      .map((offset) => wall - offset * MS_PER_MINUTE)
      .filter((t) => wall - zone.offset(t) * MS_PER_MINUTE === t);
    // Shown twice on a fall-back day: opening hours mean the first time.
    if (candidates.length > 0) return Math.min(...candidates);
    // Skipped by a spring-forward gap: the clock passes that time at the jump itself, so find the jump.
    let lo = wall - after * MS_PER_MINUTE;
    let hi = wall - before * MS_PER_MINUTE;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offset(mid) === after) hi = mid;
      else lo = mid;
    }
    return hi;
  };
}

/** The local date of instant `t` in `zone`. */
export function localDate(zone: IANAZone, t: number): number {
  const local = DateTime.fromMillis(t, { zone });
  return Date.UTC(local.year, local.month - 1, local.day);
}

export function zoneNamed(timeZone: string, calendarId: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`calendar "${calendarId}" has an unknown time zone "${timeZone}"`);
  return zone;
}
