import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { listenSmtp, type SmtpListener } from './smtp-listener';
import type { CaughtMail } from './caught-mail';
import { catcherPage } from './mail-catcher-page';

export interface MailCatcher {
  smtpPort: number;
  webPort: number | null;
  messages(): CaughtMail[];
  /** Resolves with the first caught mail that matches, waiting up to `timeoutMs` for it. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

/**
 * The dev and test stand-in for the recipients' mailboxes: a real SMTP server that keeps what it is sent
 * in memory and shows it on a web page. It never folds duplicates: each SMTP transaction is one mail.
 */
export async function startMailCatcher(options: {
  host: string;
  smtpPort: number;
  webPort?: number;
  keep?: number;
}): Promise<MailCatcher> {
  const caught: CaughtMail[] = [];
  const waiters = new Set<() => void>();
  let nextId = 1;
  const smtp: SmtpListener = await listenSmtp({
    host: options.host,
    port: options.smtpPort,
    maxBytes: 50 * 1024 * 1024,
    name: 'ticketflow-mail-catcher',
    async onMail(mail) {
      const parsed = await simpleParser(mail.raw);
      caught.push({
        id: nextId++,
        messageId: parsed.messageId ?? null,
        from: parsed.from?.text ?? mail.envelopeFrom ?? '',
        to: mail.envelopeTo,
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : null,
        receivedAt: new Date().toISOString(),
      });
      if (caught.length > (options.keep ?? 500)) caught.shift();
      for (const wake of waiters) wake();
    },
  });
  let web: Server | undefined;
  if (options.webPort !== undefined) {
    web = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://catcher');
      if (url.pathname === '/messages.json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(caught));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(catcherPage(caught, url));
    }).listen(options.webPort, options.host);
    await once(web, 'listening');
  }
  return {
    smtpPort: smtp.port,
    webPort: web ? (web.address() as AddressInfo).port : null,
    messages: () => [...caught],
    waitFor(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = caught.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching mail within ${timeoutMs} ms; caught: ${caught.map((m) => m.subject).join(' | ')}`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    async close() {
      await smtp.close();
      if (web) await new Promise((resolve) => web.close(resolve));
    },
  };
}
