import { calendar } from './activity-proxies';
import type { TicketSla } from './ticket-state';

/** The instant `minutes` business minutes after `from` on the ticket's contract calendar. */
export function deadline(sla: TicketSla, from: string, minutes: number): Promise<string> {
  return calendar.businessDeadline({ calendar: sla.policy.calendar, from, minutes });
}
