import type { Db } from '../lib/db';
import { eventType, type TicketEvent } from '../domain/ticket-events';
import type { TicketSnapshot } from '../domain/ticket-view';
import { eventRow, recordedBreaches, ticketRow } from '../lib/ticket-rows';
import { log } from '@temporalio/activity';
import type { MailSettings } from '../domain/mail-settings';
import { lettersFor, messageRow } from './correspondence-rows';
import { sendUnsentLetters } from './letter-delivery';
import { writeRepairingDataFaults, type ProjectionFault } from './projection-faults';

export interface TicketChange {
  snapshot: TicketSnapshot;
  events: TicketEvent[];
  /**
   * Hand the letters the change queues to the relay right after the commit, so that no courier activity and
   * no workflow task follow it. Only a workflow that reads `ProjectionOutcome` asks; without it the answer is
   * the fault alone, as a run recorded before this option reads it.
   */
  sendLetters?: boolean;
}

/** The answer to a change that asked to send its letters. */
export interface ProjectionOutcome {
  fault: ProjectionFault | null;
  /** The letters the change queued, and any of the ticket's still unsent, reached the relay in time. */
  lettersSent: boolean;
}

/**
 * Writes what a ticket workflow decided into PostgreSQL. Safe to retry and to run out of order:
 * the row keeps the highest version, events and outbox letters are keyed by the event's sequence number.
 */
export function createTicketProjection(db: Db, mail: MailSettings) {
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

  /**
   * True when nothing of the ticket is left in the outbox. The relay is local and answers in milliseconds; one
   * that is down refuses at once, one that hangs is the courier's once `handoffWaitMs` is over. A send left
   * running past it is harmless: the relay drops a letter it already holds by its Message-ID.
   */
  async function sendWithTheChange(ticketNumber: string): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, mail.handoffWaitMs, false)));
    const sent = sendUnsentLetters(db, mail, { ticketNumber }).then(
      () => true,
      (error: unknown) => {
        log.warn('letters left to the courier: the relay did not take them', { ticketNumber, error });
        return false;
      },
    );
    try {
      return await Promise.race([sent, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    /** Data PostgreSQL refuses is stored cleaned or reported (`ProjectionFault`), never retried for ever. */
    async recordTicketChange(change: TicketChange): Promise<ProjectionFault | null | ProjectionOutcome> {
      const fault = await writeRepairingDataFaults(change, write);
      if (!change.sendLetters) return fault;
      const queued = change.events.some((event) => lettersFor(change.snapshot, event).length > 0);
      return { fault, lettersSent: queued ? await sendWithTheChange(change.snapshot.number) : true };
    },
  };
}
