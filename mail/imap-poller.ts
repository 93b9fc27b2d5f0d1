import { ImapFlow } from 'imapflow';
import type { Logger } from '../lib/logger';
import type { ReceivedMail } from './smtp-listener';

export interface ImapPollerOptions {
  /** `imap://user:password@host:143/INBOX` or `imaps://…`; the mailbox defaults to INBOX. */
  url: string;
  intervalMs: number;
  /** Resolves once the message is kept and handled; a rejection leaves it unseen for the next round. */
  receive: (mail: ReceivedMail) => Promise<unknown>;
  log: Logger;
}

export interface PollRound {
  handled: number;
  failed: number;
}

export interface ImapPoller {
  /** One round now, or the round already running: never two at once. */
  poll(): Promise<PollRound>;
  /** A round now and then one `intervalMs` after each round ends. */
  start(): void;
  /** Lets a running round finish, then logs out. */
  stop(): Promise<void>;
}

/**
 * For sites whose mail lands in a mailbox rather than being forwarded over SMTP. The mailbox's unseen
 * messages are the queue: a message is marked \Seen only after the desk kept and handled it, so a failure or
 * a crash in between leaves it for the next round, and the Message-ID check in the mailbox folds repeats.
 */
export function createImapPoller({ url, intervalMs, receive, log }: ImapPollerOptions): ImapPoller {
  const target = imapTarget(url);
  const where = { host: target.host, port: target.port, user: target.auth.user, mailbox: target.mailbox };
  let client: ImapFlow | undefined;
  let running: Promise<PollRound> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  // A connection the server closed is replaced at the next round rather than retried in a loop.
  async function connected(): Promise<ImapFlow> {
    if (client?.usable) return client;
    client?.close();
    client = undefined;
    const fresh = new ImapFlow({ ...target, logger: false });
    fresh.on('error', (error: Error) => log.warn({ err: error, ...where }, 'IMAP connection failed'));
    await fresh.connect();
    client = fresh;
    return fresh;
  }

  async function round(): Promise<PollRound> {
    const imap = await connected();
    const lock = await imap.getMailboxLock(target.mailbox);
    const result = { handled: 0, failed: 0 };
    try {
      // imapflow answers a search the connection lost with `false`, which must not read as an empty mailbox.
      const unseen = await imap.search({ seen: false }, { uid: true });
      if (!Array.isArray(unseen)) throw new Error(`IMAP search of ${target.mailbox} failed`);
      for (const uid of unseen) {
        if (stopped) break;
        const message = await imap.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        try {
          await receive({ raw: message.source, envelopeFrom: null, envelopeTo: [] });
        } catch (error) {
          result.failed += 1;
          log.error(
            { err: error, uid, ...where },
            'IMAP message not handled; left unseen for the next round',
          );
          continue;
        }
        await imap.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        result.handled += 1;
      }
    } finally {
      lock.release();
    }
    if (result.handled || result.failed) log.info({ ...result, ...where }, 'IMAP mailbox polled');
    return result;
  }

  function poll(): Promise<PollRound> {
    if (stopped) return Promise.reject(new Error('the IMAP poller is stopped'));
    running ??= round().finally(() => (running = undefined));
    return running;
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      void poll()
        .catch((error: unknown) =>
          log.error({ err: error, ...where }, 'IMAP round failed; retried next round'),
        )
        .finally(() => stopped || schedule(intervalMs));
    }, delayMs);
  }

  return {
    poll,
    start() {
      log.info({ ...where, intervalMs }, 'polling IMAP mailbox');
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
      await client?.logout().catch(() => client?.close());
      client = undefined;
    },
  };
}

function imapTarget(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
    mailbox: decodeURIComponent(parsed.pathname.slice(1)) || 'INBOX',
  };
}
