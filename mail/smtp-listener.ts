import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Logger } from '../lib/logger';

export interface ReceivedMail {
  raw: Buffer;
  envelopeFrom: string | null;
  envelopeTo: string[];
}

/** What clients did to the listener since it started; the mail process logs them, tests read them. */
export interface SmtpListenerStats {
  /** Resets, timeouts and protocol errors of clients: logged, never fatal. */
  clientErrors: number;
  /** Messages refused 552 because they grew past the limit while arriving. */
  oversizedRefused: number;
  /** The most bytes of one message ever held in memory at once. */
  peakBufferedBytes: number;
}

export interface SmtpListener {
  port: number;
  stats: SmtpListenerStats;
  close(): Promise<void>;
}

export interface SmtpListenerOptions {
  host: string;
  port: number;
  /** Larger messages are refused with 552 as soon as they pass it, and never held whole. */
  maxBytes: number;
  /** Resolves once the message is safely kept; a rejection answers the client with a temporary failure. */
  onMail: (mail: ReceivedMail) => Promise<void>;
  name?: string;
  log?: Logger;
}

function tooLarge(maxBytes: number): Error {
  return Object.assign(new Error(`message larger than ${maxBytes} bytes`), { responseCode: 552 });
}

/**
 * A plain SMTP listener on loopback or a private network: no AUTH and no TLS, because it sits behind the
 * site's mail gateway (inbound) or beside the worker (relay). A client hears 250 only after `onMail` kept it.
 * Whatever a client does (reset mid-transaction, go silent, send too much) costs it its own connection only.
 */
export async function listenSmtp(options: SmtpListenerOptions): Promise<SmtpListener> {
  const { maxBytes, log } = options;
  const stats: SmtpListenerStats = { clientErrors: 0, oversizedRefused: 0, peakBufferedBytes: 0 };
  const server = new SMTPServer({
    name: options.name ?? 'ticketflow',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      // A client need not announce SIZE, so the limit is enforced on the bytes as they come in.
      let chunks: Buffer[] = [];
      let buffered = 0;
      let refused = false;
      stream.on('data', (chunk: Buffer) => {
        if (refused) return;
        buffered += chunk.length;
        if (buffered > maxBytes) {
          refused = true;
          chunks = [];
          stats.oversizedRefused += 1;
          log?.warn({ listener: options.name, maxBytes }, 'smtp: message over the size limit refused');
          // smtp-server drains the rest of the message and answers 552 once the client has sent it.
          callback(tooLarge(maxBytes));
          return;
        }
        chunks.push(chunk);
        stats.peakBufferedBytes = Math.max(stats.peakBufferedBytes, buffered);
      });
      stream.on('end', () => {
        if (refused) return;
        if (stream.sizeExceeded) {
          callback(tooLarge(maxBytes));
          return;
        }
        const mail: ReceivedMail = {
          raw: Buffer.concat(chunks),
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
        };
        chunks = [];
        options.onMail(mail).then(
          () => callback(),
          (error: Error) => callback(Object.assign(error, { responseCode: 451 })),
        );
      });
    },
  });
  // Without a listener an 'error' event kills the process: one client's TCP reset would stop the desk's mail.
  server.on('error', (error: NodeJS.ErrnoException) => {
    stats.clientErrors += 1;
    log?.warn({ listener: options.name, err: error, code: error.code }, 'smtp: client connection failed');
  });
  server.listen(options.port, options.host);
  await once(server.server, 'listening');
  return {
    port: (server.server.address() as AddressInfo).port,
    stats,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
