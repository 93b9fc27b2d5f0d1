import type { Db } from '../lib/db';
import type { Priority } from '../domain/priority';
import type { Signed, Stage, TicketIntake, Tier, Verification } from '../domain/ticket';
import type { SlaView } from '../workflows/sla-view';

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
  'manager-decision-requested',
  'manager-reminder',
  'manager-decided',
  'vendor-follow-up',
  'closed-unresolved',
  'csat-survey',
  'ticket-held',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface TicketEvent {
  seq: number;
  type: string;
  stage: Stage;
  actor: string;
  at: string;
  data: Record<string, unknown>;
  notify?: NotificationKind;
  /** Recipients when not the requester. */
  notifyTo?: string[];
}

export interface TicketSnapshot {
  number: string;
  stage: Stage;
  priority: Priority;
  tier: Tier;
  assignee: string | null;
  intake: TicketIntake;
  solution: (Signed & { text: string }) | null;
  verification: Verification | null;
  resolution: (Signed & { text: string }) | null;
  stageEnteredAt: Partial<Record<Stage, string>>;
  receivedAt: string;
  allowedActions: string[];
  sla: SlaView | null;
  held: { reason: string; detail: string; since: string } | null;
  version: number;
}

export interface TicketChange {
  snapshot: TicketSnapshot;
  events: TicketEvent[];
}

/**
 * Writes what a ticket workflow decided into PostgreSQL. Safe to retry and to run out of order:
 * the row keeps the highest version, events and outbox letters are keyed by the event's sequence number.
 */
export function createTicketProjection(db: Db) {
  return {
    async recordTicketChange({ snapshot, events }: TicketChange): Promise<void> {
      const updatedAt = events.at(-1)?.at ?? snapshot.receivedAt;
      await db.transaction(async (trx) => {
        await trx('tickets')
          .insert(ticketRow(snapshot, updatedAt))
          .onConflict('number')
          .merge()
          .where('tickets.version', '<', snapshot.version);
        if (events.length === 0) return;
        await trx('ticket_events')
          .insert(events.map((e) => ({ ticket_number: snapshot.number, ...eventColumns(e) })))
          .onConflict(['ticket_number', 'seq'])
          .ignore();
        const messages = events
          .filter((e) => e.type === 'reply-received')
          .map((e) => messageRow(snapshot, e));
        // Any unique key: the same e-mail threaded twice is one message.
        if (messages.length > 0) await trx('ticket_messages').insert(messages).onConflict().ignore();
        const letters = events.flatMap((e) => lettersFor(snapshot, e));
        if (letters.length > 0) await trx('outbox').insert(letters).onConflict('idempotency_key').ignore();
      });
    },
  };
}

function ticketRow(s: TicketSnapshot, updatedAt: string) {
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
    sla_state: s.sla?.state ?? 'on_track',
    response_due: s.sla?.response?.dueAt ?? null,
    resolution_due: s.sla?.resolution?.dueAt ?? null,
    waiting_on_client: s.sla?.waitingOnClient != null,
    version: s.version,
    received_at: s.receivedAt,
    updated_at: updatedAt,
    closed_at: s.stageEnteredAt.CLOSED ?? null,
  };
}

function eventColumns(e: TicketEvent) {
  return { seq: e.seq, type: e.type, stage: e.stage, actor: e.actor, at: e.at, data: JSON.stringify(e.data) };
}

/** A reply the workflow recorded, as a message of the ticket's conversation (R7). */
function messageRow(s: TicketSnapshot, e: TicketEvent) {
  const data = e.data as { message: string; channel: string; subject?: string; mailMessageId?: string };
  const fromRequester = e.actor.toLowerCase() === s.intake.requester.email.toLowerCase();
  return {
    ticket_number: s.number,
    author: e.actor,
    author_role: fromRequester ? 'requester' : 'agent',
    channel: data.channel,
    subject: data.subject ?? null,
    body: data.message,
    mail_message_id: data.mailMessageId ?? null,
    event_seq: e.seq,
    created_at: e.at,
  };
}

/** One letter per recipient, keyed so that a retried projection never queues it twice. */
function lettersFor(s: TicketSnapshot, e: TicketEvent) {
  if (!e.notify) return [];
  const payload = JSON.stringify({
    event: { type: e.type, actor: e.actor, at: e.at, data: e.data, seq: e.seq },
    ticket: letterTicket(s),
  });
  const base = { ticket_number: s.number, kind: e.notify, payload };
  if (!e.notifyTo)
    return [
      { ...base, idempotency_key: `${s.number}/${e.seq}/${e.notify}`, recipient: s.intake.requester.email },
    ];
  return [...new Set(e.notifyTo)].map((recipient) => ({
    ...base,
    idempotency_key: `${s.number}/${e.seq}/${e.notify}/${recipient}`,
    recipient,
  }));
}

/** What a letter may quote, as the ticket stood when the letter was queued. */
function letterTicket(s: TicketSnapshot) {
  return {
    number: s.number,
    stage: s.stage,
    priority: s.priority,
    tier: s.tier,
    requester: { name: s.intake.requester.name, email: s.intake.requester.email },
    organization: s.intake.organization,
    affected: s.intake.affected,
    description: s.intake.description,
    solution: s.solution,
    resolution: s.resolution,
    sla: s.sla,
  };
}

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}
