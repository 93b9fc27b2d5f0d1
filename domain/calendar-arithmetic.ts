import { addBusinessMinutes, businessMinutesBetween } from './calendar/business-time';
import type { ClockArithmetic } from './sla-clock';

/**
 * Outside a workflow the calendar answers directly. A replay ends at `horizon`, so a deadline past it is
 * never reached: it is answered as just after the horizon instead of being counted out day by day.
 */
export function calendarArithmetic(horizon: string): ClockArithmetic {
  const beyond = new Date(Date.parse(horizon) + 1).toISOString();
  return {
    businessDeadlines: async ({ calendar, from, minutes }) => {
      const reachable = businessMinutesBetween(calendar, new Date(from), new Date(horizon));
      return minutes.map((m) =>
        m > reachable ? beyond : addBusinessMinutes(calendar, new Date(from), m).toISOString(),
      );
    },
    businessMinutesElapsed: async ({ calendar, from, to }) =>
      businessMinutesBetween(calendar, new Date(from), new Date(to)),
  };
}
