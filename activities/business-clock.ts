import { ApplicationFailure } from '@temporalio/activity';
import {
  addBusinessMinutes,
  afterBusinessDays,
  businessMinutesBetween,
  withinHours,
  type BusinessCalendar,
} from '../domain/calendar';

export interface BusinessDeadlineRequest {
  calendar: BusinessCalendar;
  /** ISO 8601 instant the clock starts counting from. */
  from: string;
  minutes: number;
}

export interface BusinessDeadlinesRequest {
  calendar: BusinessCalendar;
  from: string;
  minutes: number[];
}

export interface SpecialHoursRequest {
  calendar: BusinessCalendar;
  /** When the work is asked for: the notice counts from this instant's day. */
  requestedAt: string;
  noticeDays: number;
  windows: { start: string; end: string }[];
}

export interface BusinessElapsedRequest {
  calendar: BusinessCalendar;
  from: string;
  to: string;
}

/**
 * The calendar arithmetic of SLA clocks, for workflows to run as local activities: the answer is recorded in
 * history, so a replay never depends on the time-zone or holiday data installed on the day it replays.
 */
export function createBusinessClockActivities() {
  return {
    async businessDeadline({ calendar, from, minutes }: BusinessDeadlineRequest): Promise<string> {
      return deterministic(() => addBusinessMinutes(calendar, instant(from), minutes).toISOString());
    },
    /** Several deadlines from one start, in one call: a clock needs its due time and its at-risk time. */
    async businessDeadlines({ calendar, from, minutes }: BusinessDeadlinesRequest): Promise<string[]> {
      return deterministic(() =>
        minutes.map((m) => addBusinessMinutes(calendar, instant(from), m).toISOString()),
      );
    },
    /** R16: which windows fall outside the calendar's hours, and the first instant such work may start. */
    async specialHoursCheck({ calendar, requestedAt, noticeDays, windows }: SpecialHoursRequest) {
      return deterministic(() => ({
        outsideHours: windows.map((w) => !withinHours(calendar, instant(w.start), instant(w.end))),
        earliestStart: afterBusinessDays(calendar, instant(requestedAt), noticeDays).toISOString(),
      }));
    },
    async businessMinutesElapsed({ calendar, from, to }: BusinessElapsedRequest): Promise<number> {
      return deterministic(() => businessMinutesBetween(calendar, instant(from), instant(to)));
    },
  };
}

function instant(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO 8601 instant: "${iso}"`);
  return date;
}

/**
 * The same input fails the same way every time, and local activities retry until the workflow gives up:
 * fail at once instead, naming the problem.
 */
function deterministic<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    throw ApplicationFailure.create({
      message: cause.message,
      type: 'InvalidBusinessClockRequest',
      nonRetryable: true,
      cause,
    });
  }
}
