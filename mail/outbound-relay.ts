import type { Transporter } from 'nodemailer';
import type { Db } from '../lib/db';
import type { Logger } from '../lib/logger';
import { messageIdOf } from './message-id';
import { relayLedger } from './relay-ledger';
import { listenSmtp, type ReceivedMail, type SmtpListener } from './smtp-listener';

export interface OutboundRelayOptions {
  db: Db;
  /** The site's mail server (or the dev mail catcher) that takes the mail onward. */
  upstream: Transporter;
  host: string;
  port: number;
  log: Logger;
  maxBytes?: number;
  /** How long an undeliverable message waits before the next attempt, by attempt number. */
  retryDelayMs?: (attempt: number) => number;
}

export interface OutboundRelay extends SmtpListener {
  /** Delivers every message that is due; resolves when the queue holds nothing more that is due. */
  flush(): Promise<void>;
  /** Message-IDs taken upstream (or refused) whose outcome waits for the database to be written. */
  unsettled(): string[];
}

/**
 * Where the worker submits its letters. The ledger, keyed by Message-ID, takes each message once: a letter
 * submitted again because the worker died between sending and recording is answered 250 and dropped.
 * Accepted messages wait in PostgreSQL until the upstream server takes them, so an upstream outage delays
 * mail without losing it.
 */
export async function startOutboundRelay(options: OutboundRelayOptions): Promise<OutboundRelay> {
  const { db, upstream, log } = options;
  const retryDelayMs =
    options.retryDelayMs ?? ((attempt) => Math.min(60_000 * 2 ** (attempt - 1), 3_600_000));
  const ledger = relayLedger(db, log);
  // Requeued once, before the first claim; retried by the next pass if the database was down.
  let interrupted: Promise<string[]> | undefined;
  let flushing: Promise<void> | undefined;
  let again = false;

  async function accept(mail: ReceivedMail): Promise<void> {
    const messageId = messageIdOf(mail.raw);
    if (!messageId) {
      throw Object.assign(new Error('a Message-ID header is required'), { responseCode: 554 });
    }
    const inserted = await db('mail_relay_ledger')
      .insert({
        mail_message_id: messageId,
        envelope_from: mail.envelopeFrom ?? '',
        envelope_to: mail.envelopeTo,
        raw: mail.raw,
      })
      .onConflict('mail_message_id')
      .ignore()
      .returning('mail_message_id');
    if (inserted.length === 0) log.info({ messageId }, 'relay: duplicate submission dropped');
    void flush();
  }

  async function deliverDue(): Promise<void> {
    interrupted ??= ledger.requeueInterrupted();
    await interrupted.catch((error: unknown) => {
      interrupted = undefined;
      throw error;
    });
    for (;;) {
      const due = await ledger.due(20);
      if (due.length === 0) return;
      for (const row of due) {
        const messageId = row.mail_message_id;
        if (!(await ledger.claim(messageId))) continue;
        const attempts = row.attempts + 1;
        try {
          await upstream.sendMail({
            envelope: { from: row.envelope_from, to: row.envelope_to },
            raw: row.raw,
          });
        } catch (error) {
          log.warn({ messageId, attempts, err: error }, 'relay: upstream refused, will retry');
          const retryAt = new Date(Date.now() + retryDelayMs(attempts));
          await ledger.settle(messageId, { attempts, last_error: String(error), next_attempt_at: retryAt });
          continue;
        }
        // Taken upstream (250): from here until this is written is the window in which a crash resends.
        await ledger.settle(messageId, { delivered_at: new Date(), attempts, last_error: null });
      }
    }
  }

  // One delivery pass at a time; a pass asked for while one runs starts right after it.
  function flush(): Promise<void> {
    if (flushing) {
      again = true;
      return flushing;
    }
    flushing = (async () => {
      do {
        again = false;
        await deliverDue();
      } while (again);
    })()
      .catch((error: unknown) => log.error({ err: error }, 'relay: delivery pass failed'))
      .finally(() => (flushing = undefined));
    return flushing;
  }

  const listener = await listenSmtp({
    host: options.host,
    port: options.port,
    maxBytes: options.maxBytes ?? 30 * 1024 * 1024,
    name: 'ticketflow-relay',
    log,
    onMail: accept,
  });
  const timer = setInterval(() => void flush(), 30_000);
  timer.unref();
  void flush();
  return {
    port: listener.port,
    stats: listener.stats,
    flush,
    unsettled: ledger.unsettled,
    async close() {
      clearInterval(timer);
      await listener.close();
      await flushing;
      await ledger.close();
      upstream.close();
    },
  };
}
