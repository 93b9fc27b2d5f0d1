import type { Db } from '../lib/db';
import { eventType, type TicketEvent } from '../domain/ticket-events';
import type { TicketSnapshot } from '../domain/ticket-view';
import { lettersFor, messageRow } from './correspondence-rows';
import { writeRepairingDataFaults, type ProjectionFault } from './projection-faults';

export interface TicketChange {
  snapshot: TicketSnapshot;
  events: TicketEvent[];
}

/**
 * Writes what a ticket workflow decided into PostgreSQL. Safe to retry and to run out of order:
 * the row keeps the highest version, events and outbox letters are keyed by the event's sequence number.
 */
export function createTicketProjection(db: Db) {
  async function write({ snapshot, events }: TicketChange): Promise<void> {
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
        .filter((e) => e.type === eventType['reply-received'])
        .map((e) => messageRow(snapshot, e));
      // Any unique key: the same e-mail threaded twice is one message.
      if (messages.length > 0) await trx('ticket_messages').insert(messages).onConflict().ignore();
      const letters = events.flatMap((e) => lettersFor(snapshot, e));
      if (letters.length > 0) await trx('outbox').insert(letters).onConflict('idempotency_key').ignore();
    });
  }

  return {
    /** Data PostgreSQL refuses is stored cleaned or reported (`ProjectionFault`), never retried for ever. */
    recordTicketChange: (change: TicketChange): Promise<ProjectionFault | null> =>
      writeRepairingDataFaults(change, write),
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
    plan: json(s.plan ?? null),
    plan_overdue: (s.plan?.activities ?? []).some((a) => a.overdue && a.status !== 'completed'),
    incident: json(s.incident ?? null),
    incident_number: s.incident?.number ?? null,
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

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}
