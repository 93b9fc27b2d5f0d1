import type { TicketEvent } from '../domain/ticket-events';
import type { LetterTicket, TicketSnapshot } from '../domain/ticket-view';

// What the projection writes besides the ticket row and its timeline: the conversation and the outbox.

/** A reply the workflow recorded, as a message of the ticket's conversation (R7). */
export function messageRow(s: TicketSnapshot, e: TicketEvent) {
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
export function lettersFor(s: TicketSnapshot, e: TicketEvent) {
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
function letterTicket(s: TicketSnapshot): LetterTicket {
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
