// Plain JSON on purpose: calendars are stored in PostgreSQL and travel through Temporal activity payloads.
// Workflow code may import these types; keep this file free of runtime dependencies.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Wall-clock time 'HH:mm' in the calendar's zone; '24:00' is allowed as an interval end (end of day). */
export type WallTime = string;

/** Half-open opening interval [from, to) on one local date. */
export type OpeningInterval = { from: WallTime; to: WallTime };

/** Holiday types as classified by date-holidays. */
export const HOLIDAY_TYPES = ['public', 'bank', 'optional', 'school', 'observance'] as const;
export type HolidayType = (typeof HOLIDAY_TYPES)[number];

export type HolidayRule = {
  /** ISO 3166-1 alpha-2 code as known to date-holidays, e.g. 'CO'. */
  country: string;
  state?: string;
  region?: string;
  /** Holiday types that close the calendar; default ['public']. */
  types?: HolidayType[];
};

export type CalendarException = {
  /** Local date 'YYYY-MM-DD' in the calendar's zone. */
  date: string;
  /** Replaces the weekly hours (and any holiday) for that date; empty = closed all day. */
  hours: OpeningInterval[];
  reason?: string;
};

export type BusinessCalendar = {
  id: string;
  name: string;
  /** IANA zone, e.g. 'America/Bogota'. */
  timeZone: string;
  weekly: Record<Weekday, OpeningInterval[]>;
  holidays?: HolidayRule;
  exceptions?: CalendarException[];
};
