import { randomUUID } from 'node:crypto';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, inject } from 'vitest';
import type { MailSettings } from '../../domain/mail-settings';
import { createDb, type Db } from '../../lib/db';
import { createLogger } from '../../lib/logger';
import { startMailCatcher, type MailCatcher } from '../../mail/mail-catcher';
import { startInboundListener } from '../../mail/inbound-listener';
import { startOutboundRelay, type OutboundRelay } from '../../mail/outbound-relay';
import type { SmtpListener } from '../../mail/smtp-listener';

export const testLinkSecret = 'test-link-secret-0123456789abcdefghijklmnop';

/** Letters to the test run's shared catcher, for files that do not read their mail. */
export function testMailSettings(smtpUrl = inject('smtpUrl')): MailSettings {
  return {
    transport: createTransport(smtpUrl),
    from: 'ticketflow service desk <support@ticketflow.test>',
    messageIdDomain: 'ticketflow.test',
    publicBaseUrl: 'http://desk.ticketflow.test',
    linkSecret: testLinkSecret,
    // A bound no loaded machine reaches: whether a letter goes with its change is then the relay's answer alone.
    handoffWaitMs: 60_000,
  };
}

export interface MailDesk {
  /** The recipients' mailboxes. */
  catcher: MailCatcher;
  relay: OutboundRelay;
  /** What a worker needs to send through the relay. */
  settings: MailSettings;
  db: Db;
}

/**
 * A ledger of the file's own: relays sharing one ledger deliver each other's messages, which is what several
 * mail processes of one desk should do, but each test file's relay has its own catcher upstream.
 */
export async function ownRelayLedger(): Promise<{ url: string; drop: () => Promise<void> }> {
  const shared = createDb(inject('databaseUrl'), { max: 1 });
  const schema = `relay_${randomUUID().replaceAll('-', '')}`;
  await shared.raw('CREATE SCHEMA ??', [schema]);
  await shared.raw('CREATE TABLE ??.mail_relay_ledger (LIKE public.mail_relay_ledger INCLUDING ALL)', [
    schema,
  ]);
  const url = new URL(inject('databaseUrl'));
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: () => shared.raw('DROP SCHEMA ?? CASCADE', [schema]).finally(() => shared.destroy()),
  };
}

/** A file's own outbound relay in front of its own catcher, as `npm start` runs them. */
export function useMailDesk(): MailDesk {
  const desk = {} as MailDesk;
  let ledger: Awaited<ReturnType<typeof ownRelayLedger>> | undefined;
  beforeAll(async () => {
    ledger = await ownRelayLedger();
    desk.db = createDb(ledger.url);
    desk.catcher = await startMailCatcher({ host: '127.0.0.1', smtpPort: 0 });
    desk.relay = await startOutboundRelay({
      db: desk.db,
      upstream: createTransport(`smtp://127.0.0.1:${desk.catcher.smtpPort}`),
      host: '127.0.0.1',
      port: 0,
      log: createLogger('relay-test', 'silent'),
    });
    desk.settings = testMailSettings(`smtp://127.0.0.1:${desk.relay.port}`);
  });
  afterAll(async () => {
    await desk.relay?.close();
    await desk.catcher?.close();
    await desk.db?.destroy();
    await ledger?.drop();
  });
  return desk;
}

export interface InboundDesk {
  listener: SmtpListener;
  /** Mails the desk's address through the listener, as the site's mail gateway would. */
  send(mail: SendMailOptions): Promise<unknown>;
}

/** The inbound listener on the file's stack, with a small attachment limit tests can reach. */
export function useInboundListener(
  stack: () => Pick<Parameters<typeof startInboundListener>[0], 'ctx'>,
): InboundDesk {
  const desk = {} as InboundDesk;
  desk.send = (mail) =>
    createTransport(`smtp://127.0.0.1:${desk.listener.port}`).sendMail({
      to: 'support@ticketflow.test',
      ...mail,
    });
  beforeAll(async () => {
    desk.listener = await startInboundListener({
      ctx: stack().ctx,
      log: createLogger('inbound-test', 'silent'),
      host: '127.0.0.1',
      port: 0,
      maxBytes: 5 * 1024 * 1024,
      attachmentMaxBytes: 64 * 1024,
    });
  });
  afterAll(() => desk.listener?.close());
  return desk;
}
