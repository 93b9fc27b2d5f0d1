import { randomUUID } from 'node:crypto';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger';
import { createImapPoller, type ImapPoller } from '../mail/imap-poller';
import { createInboundMailbox } from '../mail/inbound-mailbox';
import { startDovecot, type Dovecot } from './support/dovecot';
import { useMailDesk } from './support/mail';
import type { Customer } from './support/people';
import { useTicketStack } from './support/ticket-stack';

const desk = useMailDesk();
const suite = useTicketStack({ mail: () => desk.settings });
let dovecot: Dovecot;
let imap: ImapFlow;
let customer: Customer;
const logLines: string[] = [];
const log = createLogger('imap-test', 'info', { write: (line: string) => void logLines.push(line) });
const pollers: ImapPoller[] = [];

/** A poller on the test's mailbox handing mail to the desk as mail/main.ts wires it. */
function pollerFor(ctx = suite.stack.ctx, intervalMs = 60 * 60_000): ImapPoller {
  const mailbox = createInboundMailbox({ ctx, log, attachmentMaxBytes: 64 * 1024 });
  const poller = createImapPoller({ url: dovecot.url, intervalMs, receive: mailbox.receive, log });
  pollers.push(poller);
  return poller;
}

beforeAll(async () => {
  dovecot = await startDovecot();
  imap = await dovecot.connect();
  customer = await suite.people.customer('Imap');
});

afterAll(async () => {
  try {
    await Promise.all(pollers.map((poller) => poller.stop()));
    await imap?.logout();
  } finally {
    await dovecot?.close();
  }
});

/** Puts a mail from the customer's requester in the mailbox, as the site's mail server delivers it. */
async function deliver(subject: string): Promise<{ uid: number; messageId: string }> {
  const messageId = `<${randomUUID()}@customer.example>`;
  const raw = [
    `From: ${customer.requester.name} <${customer.requester.email}>`,
    'To: support@ticketflow.test',
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    `Date: ${new Date().toUTCString()}`,
    '',
    'It stopped printing this morning.',
    '',
  ].join('\r\n');
  const appended = await imap.append('INBOX', raw);
  if (!appended || appended.uid === undefined) throw new Error('the IMAP server did not take the message');
  return { uid: appended.uid, messageId };
}

async function isSeen(uid: number): Promise<boolean> {
  const lock = await imap.getMailboxLock('INBOX');
  try {
    const message = await imap.fetchOne(String(uid), { flags: true }, { uid: true });
    if (!message) throw new Error(`message ${uid} is not in the mailbox`);
    return message.flags?.has('\\Seen') ?? false;
  } finally {
    lock.release();
  }
}

const ticketsTitled = (subject: string) =>
  suite.stack
    .db('tickets')
    .where({ requester_email: customer.requester.email })
    .whereRaw("intake->>'affected' = ?", [subject]);

describe('IMAP polling', () => {
  it("a known reporter's mail opens a ticket, is marked seen, and the next round handles nothing", async () => {
    const poller = pollerFor();
    const { uid, messageId } = await deliver('Badge reader at gate 2 is dead');
    expect(await isSeen(uid)).toBe(false);

    expect(await poller.poll()).toEqual({ handled: 1, failed: 0 });
    const [ticket] = await ticketsTitled('Badge reader at gate 2 is dead');
    expect(ticket).toMatchObject({ channel: 'email', organization: customer.organization.name });
    const kept = await suite.stack.db('inbound_mail').where({ mail_message_id: messageId });
    expect(kept).toMatchObject([{ outcome: 'opened', ticket_number: ticket.number }]);
    await desk.catcher.waitFor((m) => m.subject.includes(`[Request ID:##${ticket.number}##]`));
    expect(await isSeen(uid)).toBe(true);

    expect(await poller.poll()).toEqual({ handled: 0, failed: 0 });
    expect(await ticketsTitled('Badge reader at gate 2 is dead')).toHaveLength(1);
  });

  it('mail that fails while the worker is down stays unseen, is logged, and is handled once it is back', async () => {
    await suite.stack.worker.stop();
    const { uid, messageId } = await deliver('Scanner in the archive room is offline');
    const impatient = pollerFor({ ...suite.stack.ctx, updateDeadlineMs: 2_000 });

    expect(await impatient.poll()).toEqual({ handled: 0, failed: 1 });
    expect(await isSeen(uid)).toBe(false);
    expect(logLines.some((line) => line.includes(`"uid":${uid}`) && line.includes('left unseen'))).toBe(true);
    const failed = await suite.stack.db('inbound_mail').where({ mail_message_id: messageId });
    expect(failed.map((row) => row.outcome)).toEqual(['failed']);

    await suite.stack.restartWorker();
    expect(await pollerFor().poll()).toEqual({ handled: 1, failed: 0 });
    expect(await isSeen(uid)).toBe(true);
    expect(await ticketsTitled('Scanner in the archive room is offline')).toHaveLength(1);
  });

  it('after the IMAP server went away and came back, the next round reconnects', async () => {
    const poller = pollerFor();
    // A first round, so the poller holds a connection for the restart to cut.
    expect(await poller.poll()).toEqual({ handled: 0, failed: 0 });
    await dovecot.stop();
    await expect(poller.poll()).rejects.toThrow();
    await dovecot.start();
    imap = await dovecot.connect();
    const { uid } = await deliver('Wall display in lobby shows no signal');
    expect(await poller.poll()).toEqual({ handled: 1, failed: 0 });
    expect(await isSeen(uid)).toBe(true);
  });

  it('started, it polls every interval by itself until stopped', async () => {
    const poller = pollerFor(suite.stack.ctx, 200);
    poller.start();
    const { uid } = await deliver('Conference phone in room 5 hisses');
    await expect.poll(() => isSeen(uid), { timeout: 30_000 }).toBe(true);
    expect(await ticketsTitled('Conference phone in room 5 hisses')).toHaveLength(1);
    await poller.stop();
    await expect(poller.poll()).rejects.toThrow(/stopped/);
  });
});
