import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  raw: Buffer;
  envelopeFrom: string | null;
  envelopeTo: string[];
}

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

export interface SmtpListenerOptions {
  host: string;
  port: number;
  /** Larger messages are refused with 552 before they are stored. */
  maxBytes: number;
  /** Resolves once the message is safely kept; a rejection answers the client with a temporary failure. */
  onMail: (mail: ReceivedMail) => Promise<void>;
  name?: string;
}

/**
 * A plain SMTP listener on loopback or a private network: no AUTH and no TLS, because it sits behind the
 * site's mail gateway (inbound) or beside the worker (relay). A client hears 250 only after `onMail` kept it.
 */
export async function listenSmtp(options: SmtpListenerOptions): Promise<SmtpListener> {
  const server = new SMTPServer({
    name: options.name ?? 'ticketflow',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxBytes,
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(
            Object.assign(new Error(`message larger than ${options.maxBytes} bytes`), { responseCode: 552 }),
          );
          return;
        }
        const mail: ReceivedMail = {
          raw: Buffer.concat(chunks),
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
        };
        options.onMail(mail).then(
          () => callback(),
          (error: Error) => callback(Object.assign(error, { responseCode: 451 })),
        );
      });
    },
  });
  server.listen(options.port, options.host);
  await once(server.server, 'listening');
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
