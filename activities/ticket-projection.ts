import type { Db } from '../lib/db';
import { eventType, type TicketEvent } from '../domain/ticket-events';
import type { TicketSnapshot } from '../domain/ticket-view';
import { eventRow, recordedBreaches, ticketRow } from '../lib/ticket-rows';
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
        .insert(events.map((e) => eventRow(snapshot.number, e)))
        .onConflict(['ticket_number', 'seq'])
        .ignore();
      const breaches = recordedBreaches(events);
      if (breaches.length > 0) {
        await trx('tickets')
          .where('number', snapshot.number)
          .update({
            recorded_breaches: trx.raw(
              'ARRAY(SELECT DISTINCT unnest(recorded_breaches || ?::text[]) ORDER BY 1)',
              [breaches],
            ),
          });
      }
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
