import type { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import type { Db } from '../lib/db';

/** One automatic escalation of one ticket: when it was due, and when the desk acted on it. */
export interface EscalationTiming {
  ticket: string;
  from: string;
  to: string;
  dueAt: number;
  /** The workflow task that climbed the ladder completed (server time, from the ticket's history). */
  decidedAt?: number;
  /** The projection wrote the escalation's letter to the outbox (PostgreSQL time). */
  letterWrittenAt?: number;
  /** The relay took the letter (PostgreSQL time). */
  letterSentAt?: number;
}

interface EscalatedRow {
  ticket_number: string;
  seq: number;
  at: Date;
  data: { from: string; to: string; automatic: boolean };
}

/**
 * A ticket records an escalation at the instant it was due (its SLA times are exact), so lateness is read from
 * what happened after that instant: the first timer fired at or after it and the workflow task that followed,
 * in the ticket's history; the letter's outbox row, keyed by the event's sequence number.
 */
export async function escalationTimings(
  db: Db,
  client: Client,
  tickets: string[],
): Promise<EscalationTiming[]> {
  const escalated: EscalatedRow[] = await db('ticket_events')
    .whereIn('ticket_number', tickets)
    .where({ type: 'escalated' })
    .orderBy(['ticket_number', 'seq']);
  const letters: { idempotency_key: string; created_at: Date; sent_at: Date | null }[] = await db('outbox')
    .whereIn('ticket_number', tickets)
    .where({ kind: 'escalated' })
    .select('idempotency_key', 'created_at', 'sent_at');
  const letterOf = new Map<string, { created_at: Date; sent_at: Date | null }>();
  for (const letter of letters) {
    const [number, seq] = letter.idempotency_key.split('/');
    const key = `${number}/${seq}`;
    // Several recipients: the letter counts as written and sent when the last of them was.
    const known = letterOf.get(key);
    if (!known || letter.created_at > known.created_at) letterOf.set(key, letter);
  }
  const decisions = new Map<string, { firedAt: number; completedAt: number }[]>();
  for (const ticket of tickets) decisions.set(ticket, await timerDecisions(client, ticket));
  return escalated
    .filter((row) => row.data.automatic)
    .map((row) => {
      const dueAt = row.at.getTime();
      const decision = decisions.get(row.ticket_number)?.find((d) => d.firedAt >= dueAt);
      const letter = letterOf.get(`${row.ticket_number}/${row.seq}`);
      return {
        ticket: row.ticket_number,
        from: row.data.from,
        to: row.data.to,
        dueAt,
        decidedAt: decision?.completedAt,
        letterWrittenAt: letter?.created_at.getTime(),
        letterSentAt: letter?.sent_at?.getTime(),
      };
    });
}

/** Each timer that fired in the ticket's history, with the completion of the workflow task that handled it. */
async function timerDecisions(client: Client, ticket: string) {
  const events = (await client.workflow.getHandle(ticket).fetchHistory()).events ?? [];
  const decisions: { firedAt: number; completedAt: number }[] = [];
  events.forEach((event, i) => {
    if (!event.timerFiredEventAttributes) return;
    const completed = events.slice(i).find((later) => later.workflowTaskCompletedEventAttributes);
    if (completed)
      decisions.push({ firedAt: tsToMs(event.eventTime), completedAt: tsToMs(completed.eventTime) });
  });
  return decisions;
}
