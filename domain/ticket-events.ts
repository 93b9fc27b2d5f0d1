import type { Stage } from './ticket';

/**
 * Every kind of event a ticket workflow records. The projection stores them in `ticket_events.type` and the
 * reports count them there, so both name them from this list and the compiler catches a misspelt one.
 */
export const ticketEventTypes = [
  'opened',
  'assigned',
  'analysis-started',
  'solution-proposed',
  'testing-started',
  'accepted',
  'rejected',
  'closed',
  'closed-unresolved',
  'info-requested',
  'info-provided',
  'details-completed',
  'reply-received',
  'priority-changed',
  'escalated',
  'queued-at-tier',
  'sla-at-risk',
  'sla-breached',
  'status-update-sent',
  'sla-retimed',
  'engineer-dispatched',
  'dispatch-assigned',
  'dispatch-failed',
  'appointment-beyond-promise',
  'engineer-on-site',
  'manager-decision-requested',
  'manager-reminded',
  'manager-decided',
  'vendor-follow-up-due',
  'held',
  'released',
  'csat-requested',
  'projection-failed',
  'plan-proposed',
  'plan-approved',
  'plan-declined',
  'plan-activity-started',
  'plan-activity-completed',
  'plan-activity-overdue',
  'incident-linked',
  'incident-unlinked',
] as const;
export type TicketEventType = (typeof ticketEventTypes)[number];

/** The event type names as constants, for SQL: `eventType['sla-breached']` fails to compile if misspelt. */
export const eventType = Object.fromEntries(ticketEventTypes.map((type) => [type, type])) as {
  readonly [T in TicketEventType]: T;
};

/** Letters a ticket's events queue in the outbox; `deliverLetters` sends them. */
export const notificationKinds = [
  'acknowledgement',
  'testing-requested',
  'resolved',
  'info-requested',
  'priority-changed',
  'escalated',
  'escalation-queued',
  'status-update',
  'sla-at-risk',
  'sla-breached',
  'engineer-dispatched',
  'dispatch-assigned',
  'dispatch-failed',
  'appointment-beyond-promise',
  'manager-decision-requested',
  'manager-reminder',
  'manager-decided',
  'vendor-follow-up',
  'closed-unresolved',
  'csat-survey',
  'ticket-held',
  'plan-proposed',
  'activity-overdue',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** One thing that happened to a ticket, as the workflow records it and the projection stores it. */
export interface TicketEvent {
  seq: number;
  type: TicketEventType;
  stage: Stage;
  actor: string;
  at: string;
  data: Record<string, unknown>;
  notify?: NotificationKind;
  /** Recipients when not the requester. */
  notifyTo?: string[];
}

/**
 * One event as the timeline shows it, read back from PostgreSQL: its type and stage are the stored text,
 * which may name events of older code.
 */
export interface TimelineEntry {
  seq: number;
  type: string;
  stage: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
}
