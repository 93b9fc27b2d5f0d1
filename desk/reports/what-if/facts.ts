import type { Priority } from '../../../domain/priority';
import type { TicketFacts } from '../../../domain/sla-replay';
import { eventType, type TimelineEntry } from '../../../domain/ticket-events';
import type { Db } from '../../../lib/db';
import type { WhatIfRequest } from './request';

export interface ReceivedTicket extends TicketFacts {
  organization: string;
  /** The priority it has now, as the other reports group by. */
  currentPriority: Priority;
  policyId: string;
  calendarId: string;
  closed: boolean;
}

/** The tickets received in the period, with their timelines as the projection holds them. */
export async function ticketsReceived(db: Db, request: WhatIfRequest): Promise<ReceivedTicket[]> {
  const next = new Date(`${request.to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const query = db('tickets')
    .select('number', 'organization', 'priority', 'received_at', 'closed_at', 'sla', 'intake')
    .where('received_at', '>=', `${request.from}T00:00:00Z`)
    .where('received_at', '<', next.toISOString())
    .whereNotNull('sla')
    .orderBy('received_at')
    .orderBy('number');
  if (request.organization !== undefined) query.where('organization', request.organization);
  const tickets = await query;
  const events: (TimelineEntry & { ticket_number: string })[] = await db('ticket_events')
    .select('ticket_number', 'seq', 'type', 'stage', 'actor', 'at', 'data')
    .whereIn(
      'ticket_number',
      tickets.map((t) => t.number),
    )
    .orderBy(['ticket_number', 'seq']);
  const timelines = new Map<string, TimelineEntry[]>();
  for (const { ticket_number, ...event } of events) {
    const at = (event.at as unknown as Date).toISOString();
    timelines.set(ticket_number, [...(timelines.get(ticket_number) ?? []), { ...event, at }]);
  }
  return tickets.map((t) => {
    const timeline = timelines.get(t.number) ?? [];
    const changed = timeline.find((e) => e.type === eventType['priority-changed']);
    const opened = timeline.find((e) => e.type === eventType.opened);
    const parts = (opened?.data.parts ?? []) as { leadMinutes: number }[];
    const dispatched = timeline.find((e) => e.type === eventType['engineer-dispatched']);
    return {
      number: t.number,
      organization: t.organization,
      receivedAt: t.received_at.toISOString(),
      priority: (changed?.data.from ?? t.priority) as Priority,
      currentPriority: t.priority,
      partsLeadMinutes: Math.max(0, ...parts.map((part) => part.leadMinutes)),
      fieldWork: t.intake.fieldWork ?? null,
      onsitePromiseMinutes: (dispatched?.data.promiseMinutes as number | undefined) ?? null,
      events: timeline,
      policyId: t.sla.policyId,
      calendarId: t.sla.calendarId,
      closed: t.closed_at !== null,
    };
  });
}
