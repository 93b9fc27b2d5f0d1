import type { TimelineEntry } from '../domain/ticket-events';
import type { Db } from './db';

/** A ticket's timeline as the projection stored it, in the order it happened. */
export async function readTimeline(db: Db, ticketNumber: string): Promise<TimelineEntry[]> {
  const rows = await db('ticket_events').where({ ticket_number: ticketNumber }).orderBy('seq');
  return rows.map((e) => ({
    seq: e.seq,
    type: e.type,
    stage: e.stage,
    actor: e.actor,
    at: e.at.toISOString(),
    data: e.data,
  }));
}
