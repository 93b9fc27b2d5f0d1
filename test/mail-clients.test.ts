import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../lib/db';
import { createLogger } from '../lib/logger';
import { startMailCatcher, type MailCatcher } from '../mail/mail-catcher';
import { startOutboundRelay, type OutboundRelay } from '../mail/outbound-relay';
import { ownRelayLedger } from './support/mail';
import { openSmtpDialogue } from './support/smtp-dialogue';

/**
 * The mail process's relay, as `npm start` runs it, facing clients that misbehave. Any error its SMTP server
 * failed to handle would surface here as an uncaught error and fail the file.
 */
const maxBytes = 1024 * 1024;
let db: Db;
let catcher: MailCatcher;
let relay: OutboundRelay;
let ledger: Awaited<ReturnType<typeof ownRelayLedger>> | undefined;

beforeAll(async () => {
  ledger = await ownRelayLedger();
  db = createDb(ledger.url);
  catcher = await startMailCatcher({ host: '127.0.0.1', smtpPort: 0 });
  relay = await startOutboundRelay({
    db,
    upstream: createTransport(`smtp://127.0.0.1:${catcher.smtpPort}`),
    host: '127.0.0.1',
    port: 0,
    log: createLogger('relay-test', 'silent'),
    maxBytes,
  });
});

afterAll(async () => {
  await relay?.close();
  await catcher?.close();
  await db?.destroy();
  await ledger?.drop();
});

async function relayStillDelivers(subject: string): Promise<void> {
  await createTransport(`smtp://127.0.0.1:${relay.port}`).sendMail({
    from: 'support@ticketflow.test',
    to: 'someone@acme.example',
    subject,
    text: 'still here',
    messageId: `<${subject.replace(/\W+/g, '-')}@ticketflow.test>`,
  });
  await catcher.waitFor((mail) => mail.subject === subject);
}

describe('the mail process facing its clients', () => {
  it('a client that resets its connection in the middle of a transaction costs only its own connection', async () => {
    const errorsBefore = relay.stats.clientErrors;
    const client = await openSmtpDialogue(relay.port);
    expect(await client.reply()).toMatch(/^220 /);
    expect(await client.command('EHLO worker.ticketflow.test')).toMatch(/^250 /m);
    expect(await client.command('MAIL FROM:<support@ticketflow.test>')).toMatch(/^250 /);
    client.socket.resetAndDestroy();

    await expect.poll(() => relay.stats.clientErrors).toBe(errorsBefore + 1);
    await relayStillDelivers('after a reset');
  });

  it('a message sent without SIZE is refused 552 once it passes the limit, and is never held whole', async () => {
    const client = await openSmtpDialogue(relay.port);
    await client.reply();
    await client.command('EHLO gateway.acme.example');
    expect(await client.command('MAIL FROM:<support@ticketflow.test>')).toMatch(/^250 /);
    expect(await client.command('RCPT TO:<someone@acme.example>')).toMatch(/^250 /);
    expect(await client.command('DATA')).toMatch(/^354 /);
    await client.write('Message-ID: <oversized-without-size@ticketflow.test>\r\nSubject: oversized\r\n\r\n');
    const line = `${'x'.repeat(998)}\r\n`;
    const sent = 8 * maxBytes;
    for (let written = 0; written < sent; written += 64 * line.length) await client.write(line.repeat(64));
    await client.write('.\r\n');

    expect(await client.reply()).toMatch(/^552 /);
    expect(relay.stats.oversizedRefused).toBe(1);
    expect(relay.stats.peakBufferedBytes).toBeLessThanOrEqual(maxBytes);
    const stored = await db('mail_relay_ledger').where({
      mail_message_id: '<oversized-without-size@ticketflow.test>',
    });
    expect(stored).toEqual([]);
    // The same connection goes on: the refusal ended the transaction, not the session.
    expect(await client.command('NOOP')).toMatch(/^250 /);
    client.socket.end();
    await relayStillDelivers('after an oversized message');
  });
});
