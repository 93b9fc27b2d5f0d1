import { proxyLocalActivities } from '@temporalio/workflow';
import type { TicketActivities } from '../activities';
import type { TicketSla } from './ticket-state';

const { businessDeadline } = proxyLocalActivities<TicketActivities>({ startToCloseTimeout: '30 seconds' });

/** The instant `minutes` business minutes after `from` on the ticket's contract calendar. */
export function deadline(sla: TicketSla, from: string, minutes: number): Promise<string> {
  return businessDeadline({ calendar: sla.policy.calendar, from, minutes });
}
