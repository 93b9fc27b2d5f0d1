import type { Db } from '../lib/db';
import type { Logger } from '../lib/logger';

export interface LedgerMessage {
  mail_message_id: string;
  envelope_from: string;
  envelope_to: string[];
  raw: Buffer;
  attempts: number;
}

/** What one upstream attempt came to, written when the attempt ends. */
export type AttemptOutcome =
  | { delivered_at: Date; attempts: number; last_error: null }
  | { attempts: number; last_error: string; next_attempt_at: Date };

export interface RelayLedger {
  /** Queued messages whose time has come: neither delivered nor being sent. */
  due(limit: number): Promise<LedgerMessage[]>;
  /** Marks a message `sending`, committed before the upstream transaction opens; false if it was not queued. */
  claim(messageId: string): Promise<boolean>;
  /** Records an attempt's outcome; if the database is down, keeps it in memory and retries until it lands. */
  settle(messageId: string, outcome: AttemptOutcome): Promise<void>;
  /** At start, before any claim: requeues what a relay that died mid-send left `sending`. */
  requeueInterrupted(): Promise<string[]>;
  /** Outcomes not yet recorded. */
  unsettled(): string[];
  /** One last try at recording what is pending. */
  close(): Promise<void>;
}

const table = 'mail_relay_ledger';

/**
 * The relay's ledger rows and their states: queued, `sending` (sending_since set) and delivered. A message
 * whose outcome is not recorded stays `sending`, so no delivery pass takes it again: an outcome that could not
 * be written is never turned into a second e-mail while this process lives.
 */
export function relayLedger(
  db: Db,
  log: Logger,
  retryDelayMs = (n: number) => Math.min(500 * 2 ** n, 30_000),
) {
  const pending = new Map<string, AttemptOutcome>();
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;

  const write = (messageId: string, outcome: AttemptOutcome) =>
    db(table)
      .where({ mail_message_id: messageId })
      .update({ ...outcome, sending_since: null });

  async function writePending(): Promise<void> {
    for (const [messageId, outcome] of pending) {
      await write(messageId, outcome);
      pending.delete(messageId);
      log.info({ messageId }, 'relay: outcome recorded once the database answered again');
    }
  }

  function retryLater(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      writePending().then(
        () => (failures = 0),
        () => {
          failures += 1;
          retryLater();
        },
      );
    }, retryDelayMs(failures));
  }

  const ledger: RelayLedger = {
    due: (limit) =>
      db(table)
        .whereNull('delivered_at')
        .whereNull('sending_since')
        .andWhere('next_attempt_at', '<=', db.fn.now())
        .orderBy('accepted_at')
        .limit(limit),
    async claim(messageId) {
      const claimed = await db(table)
        .where({ mail_message_id: messageId })
        .whereNull('delivered_at')
        .whereNull('sending_since')
        .update({ sending_since: db.fn.now() });
      return claimed === 1;
    },
    async settle(messageId, outcome) {
      try {
        await write(messageId, outcome);
      } catch (error) {
        pending.set(messageId, outcome);
        log.error({ messageId, err: error }, 'relay: outcome not recorded; kept and retried, never resent');
        retryLater();
      }
    },
    async requeueInterrupted() {
      const rows: { mail_message_id: string }[] = await db(table)
        .whereNotNull('sending_since')
        .whereNull('delivered_at')
        .update({ sending_since: null, last_error: 'interrupted while sending; sent again' })
        .returning('mail_message_id');
      for (const { mail_message_id: messageId } of rows) {
        log.warn({ messageId }, 'relay: a send was interrupted by a crash; sending again (may arrive twice)');
      }
      return rows.map((row) => row.mail_message_id);
    },
    unsettled: () => [...pending.keys()],
    async close() {
      clearTimeout(timer);
      await writePending().catch((error: unknown) =>
        log.error(
          { messageIds: [...pending.keys()], err: error },
          'relay: stopping with outcomes unrecorded; these are sent again at the next start',
        ),
      );
    },
  };
  return ledger;
}
