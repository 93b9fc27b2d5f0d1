import type { BusinessCalendar } from '../domain/calendar/types';
import {
  applyClockEffects,
  clockEffects,
  type ClockEvent,
  type ClockPolicy,
  type ClockWaits,
  type TicketClocks,
} from '../domain/clock-effects';
import type { Priority } from '../domain/priority';
import * as retiming from '../domain/priority-retiming';
import * as clocks from '../domain/sla-clock';
import type { SlaClock } from '../domain/sla-clock';
import { calendar as businessCalendar } from './activity-proxies';

// The clock rules are the domain's (domain/sla-clock.ts, which event moves which clock in
// domain/clock-effects.ts, what a priority change does in domain/priority-retiming.ts), shared with the what-if report; here their arithmetic runs as local activities,
// so every deadline is in the ticket's history.

export { clockState, worstState, type SlaClock } from '../domain/sla-clock';

export const startClock = (calendar: BusinessCalendar, targetMinutes: number, share: number, at: string) =>
  clocks.startClock(businessCalendar, calendar, targetMinutes, share, at);

export const runClock = (clock: SlaClock, calendar: BusinessCalendar, share: number, at: string) =>
  clocks.runClock(businessCalendar, clock, calendar, share, at);

export const haltClock = (
  clock: SlaClock,
  calendar: BusinessCalendar,
  at: string,
  as: 'paused' | 'stopped',
) => clocks.haltClock(businessCalendar, clock, calendar, at, as);

export const retimeForPriority = (
  sla: retiming.PriorityClocks & { policy: retiming.PriorityTerms },
  priority: Priority,
  partsLeadMinutes: number,
  at: string,
) => retiming.retimeForPriority(businessCalendar, sla, sla.policy, priority, partsLeadMinutes, at);

export const followClockEvent = (
  sla: TicketClocks & { policy: ClockPolicy },
  event: ClockEvent,
  waits: ClockWaits,
  at: string,
) => applyClockEffects(businessCalendar, clockEffects(event, waits), sla, sla.policy, at);
