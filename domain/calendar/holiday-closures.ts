import Holidays from 'date-holidays';
import type { HolidayRule, HolidayType } from './types';
import type { Span } from './zone-time';

type Closure = { start: number; end: number; type: HolidayType };

// Pure lookups over static data, so module-level caches are safe.
const holidayInstances = new Map<string, Holidays>();
const closuresByYear = new Map<string, Closure[]>();

/** `spans` of a day in `year` minus the holidays of `rule` whose type closes the calendar. */
export function withoutHolidays(spans: Span[], rule: HolidayRule, timeZone: string, year: number): Span[] {
  const types: readonly HolidayType[] = rule.types ?? ['public'];
  // Neighbouring years too: a holiday may begin the evening before New Year or run on past it.
  const closures = [year - 1, year, year + 1]
    .flatMap((y) => closuresIn(rule, timeZone, y))
    .filter((c) => types.includes(c.type))
    .sort((x, y) => x.start - y.start);
  const result: Span[] = [];
  for (const [start, end] of spans) {
    let cursor = start;
    for (const c of closures) {
      if (c.end <= cursor || c.start >= end) continue;
      if (c.start > cursor) result.push([cursor, c.start]);
      cursor = Math.max(cursor, c.end);
    }
    if (cursor < end) result.push([cursor, end]);
  }
  return result;
}

// Computed by date-holidays in the calendar's zone, so partial-day holidays (e.g. 24 Dec from 14:00) and
// holidays starting at the previous sunset close exactly the right instants.
function closuresIn(rule: HolidayRule, timeZone: string, year: number): Closure[] {
  const place = { country: rule.country, state: rule.state, region: rule.region };
  const placeKey = `${place.country}|${place.state ?? ''}|${place.region ?? ''}`;
  const key = `${placeKey}|${timeZone}|${year}`;
  let closures = closuresByYear.get(key);
  if (!closures) {
    let hd = holidayInstances.get(placeKey);
    if (!hd) {
      hd = new Holidays(place);
      holidayInstances.set(placeKey, hd);
    }
    hd.setTimezone(timeZone);
    closures = hd
      .getHolidays(year)
      .map((h) => ({ start: h.start.getTime(), end: h.end.getTime(), type: h.type }));
    closuresByYear.set(key, closures);
  }
  return closures;
}
