import { withoutHolidays } from './holiday-closures';
import { WEEKDAYS, type BusinessCalendar } from './types';
import { MS_PER_DAY, MS_PER_MINUTE, localDate, wallClock, zoneNamed, type Span } from './zone-time';

// A calendar with no opening for this long is misconfigured; stop instead of looping forever.
const MAX_CLOSED_DAYS = 3 * 366;

/** Business minutes elapsed in [a, b); 0 if b <= a. */
export function businessMinutesBetween(cal: BusinessCalendar, a: Date, b: Date): number {
  const from = instant(a);
  const until = instant(b);
  let total = 0;
  for (const [start, end] of openSpansFrom(cal, from, until)) {
    if (start >= until) break;
    total += Math.min(end, until) - start;
  }
  return total / MS_PER_MINUTE;
}

/**
 * The instant at which `minutes` business minutes have elapsed since `start`; counting begins at the next
 * opening if `start` is closed. Resolution is 1 ms. A target that runs out exactly at closing time is due at
 * closing time, and a 0-minute target is due at nextOpening(start), so the result never lies in closed time
 * before the clock starts.
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`business minutes must be a finite number >= 0, got ${minutes}`);
  }
  let remaining = Math.round(minutes * MS_PER_MINUTE);
  for (const [open, close] of openSpansFrom(cal, instant(start))) {
    if (remaining <= close - open) return new Date(open + remaining);
    remaining -= close - open;
  }
  throw new Error('unreachable: openSpansFrom without a bound never ends');
}

/** Whether the calendar is open at `at` (intervals are half-open, so closing time itself is closed). */
export function isOpen(cal: BusinessCalendar, at: Date): boolean {
  const t = instant(at);
  const zone = zoneNamed(cal.timeZone, cal.id);
  const day = localDate(zone, t);
  return spansOn(cal, day, wallClock(zone, day)).some(([start, end]) => start <= t && t < end);
}

/** `at` itself when open, otherwise the start of the next opening interval. */
export function nextOpening(cal: BusinessCalendar, at: Date): Date {
  return addBusinessMinutes(cal, at, 0);
}

/** Open spans from `from` on (none starting before it), day by day, until the day that starts at or after `until`. */
function* openSpansFrom(cal: BusinessCalendar, from: number, until = Infinity): Generator<Span> {
  const zone = zoneNamed(cal.timeZone, cal.id);
  let closedDays = 0;
  for (let day = localDate(zone, from); ; day += MS_PER_DAY) {
    const toInstant = wallClock(zone, day);
    if (toInstant(0) >= until) return;
    const spans = spansOn(cal, day, toInstant).filter(([, end]) => end > from);
    closedDays = spans.length > 0 ? 0 : closedDays + 1;
    if (closedDays > MAX_CLOSED_DAYS && until === Infinity) {
      throw new Error(
        `calendar "${cal.id}" has no opening hours within 3 years after ${new Date(from).toISOString()}`,
      );
    }
    for (const [start, end] of spans) yield [Math.max(start, from), end];
  }
}

/** Absolute open spans of one local date, sorted: an exception replaces the day, else weekly hours minus holidays. */
function spansOn(cal: BusinessCalendar, day: number, toInstant: (minuteOfDay: number) => number): Span[] {
  const date = new Date(day);
  const isoDate = date.toISOString().slice(0, 10);
  const exception = cal.exceptions?.find((e) => e.date === isoDate);
  const hours = exception ? exception.hours : cal.weekly[WEEKDAYS[(date.getUTCDay() + 6) % 7]!];
  const spans = hours
    .map(({ from, to }): Span => [toInstant(toMinutes(from)), toInstant(toMinutes(to))])
    .filter(([start, end]) => start < end)
    .sort((x, y) => x[0] - y[0]);
  if (exception || !cal.holidays || spans.length === 0) return spans;
  return withoutHolidays(spans, cal.holidays, cal.timeZone, date.getUTCFullYear());
}

function toMinutes(wall: string): number {
  const [h, m] = wall.split(':');
  return Number(h) * 60 + Number(m);
}

function instant(d: Date): number {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return t;
}

/**
 * Special-hours work (R16) asked for at `requestedAt` may start once `days` whole business days have passed:
 * at the local midnight after the `days`-th day, after the request's own, on which the calendar opens at all.
 * Closed days (a Sunday, a holiday) do not count; a day with any opening (a Saturday morning) does.
 */
export function afterBusinessDays(cal: BusinessCalendar, requestedAt: Date, days: number): Date {
  const zone = zoneNamed(cal.timeZone, cal.id);
  let day = localDate(zone, instant(requestedAt));
  for (let counted = 0, closed = 0; counted < days;) {
    day += MS_PER_DAY;
    const open = spansOn(cal, day, wallClock(zone, day)).length > 0;
    counted += open ? 1 : 0;
    closed = open ? 0 : closed + 1;
    if (closed > MAX_CLOSED_DAYS) throw new Error(`calendar "${cal.id}" has no opening hours for 3 years`);
  }
  return new Date(wallClock(zone, day + MS_PER_DAY)(0));
}

/** Whether [start, end) lies wholly within the calendar's opening hours. */
export function withinHours(cal: BusinessCalendar, start: Date, end: Date): boolean {
  return (
    Math.round(businessMinutesBetween(cal, start, end) * MS_PER_MINUTE) === instant(end) - instant(start)
  );
}
