import { eventType, type TicketEvent } from '../domain/ticket-events';
import type { TicketSnapshot } from '../domain/ticket-view';

// The rows a ticket is stored as in PostgreSQL. The projection writes them and the bench's history seed
// writes the same, so a seeded desk is read by the queries exactly as a real one.

/** The `tickets` row of a snapshot; `updatedAt` is its newest event's time. */
export function ticketRow(s: TicketSnapshot, updatedAt: string) {
  return {
    number: s.number,
    stage: s.stage,
    priority: s.priority,
    impact: s.intake.impact,
    urgency: s.intake.urgency,
    tier: s.tier,
    assignee: s.assignee,
    organization: s.intake.organization,
    requester_email: s.intake.requester.email,
    channel: s.intake.channel,
    intake: JSON.stringify(s.intake),
    solution: json(s.solution),
    verification: json(s.verification),
    resolution: json(s.resolution),
    stage_entered_at: JSON.stringify(s.stageEnteredAt),
    allowed_actions: JSON.stringify(s.allowedActions),
    sla: json(s.sla),
    held: json(s.held ?? null),
    plan: json(s.plan ?? null),
    plan_overdue: (s.plan?.activities ?? []).some((a) => a.overdue && a.status !== 'completed'),
    incident: json(s.incident ?? null),
    incident_number: s.incident?.number ?? null,
    sla_state: s.sla?.state ?? 'on_track',
    response_due: s.sla?.response?.dueAt ?? null,
    resolution_due: s.sla?.resolution?.dueAt ?? null,
    response_state: s.sla?.response?.state ?? null,
    resolution_state: s.sla?.resolution?.state ?? null,
    onsite_state: s.sla?.onsite?.state ?? null,
    waiting_on_client: s.sla?.waitingOnClient != null,
    version: s.version,
    received_at: s.receivedAt,
    updated_at: updatedAt,
    closed_at: s.stageEnteredAt.CLOSED ?? null,
  };
}
export type TicketRow = ReturnType<typeof ticketRow>;

/** A `ticket_events` row of ticket `ticketNumber`. */
export function eventRow(ticketNumber: string, e: TicketEvent) {
  return {
    ticket_number: ticketNumber,
    seq: e.seq,
    type: e.type,
    stage: e.stage,
    actor: e.actor,
    at: e.at,
    data: JSON.stringify(e.data),
  };
}
export type EventRow = ReturnType<typeof eventRow>;

/**
 * What `events` add to the row's `recorded_breaches`: the clocks they record a breach of, and
 * `closed-unresolved`. Kept apart from the row, whose newest version wins, because a breach stays recorded
 * whichever write comes first: the projection adds them to what the row holds.
 */
export function recordedBreaches(events: readonly TicketEvent[]): string[] {
  const marks = events.flatMap((e) =>
    e.type === eventType['sla-breached']
      ? [String(e.data.clock)]
      : e.type === eventType['closed-unresolved']
        ? [e.type]
        : [],
  );
  return [...new Set(marks)].sort();
}

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}
