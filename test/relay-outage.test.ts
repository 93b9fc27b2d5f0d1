import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../lib/db';
import { createLogger } from '../lib/logger';
import { messageIdOf } from '../mail/message-id';
import { startOutboundRelay, type OutboundRelay } from '../mail/outbound-relay';
import { listenSmtp, type ReceivedMail, type SmtpListener } from '../mail/smtp-listener';
import { startOwnPostgres } from './support/own-postgres';

/**
 * The relay's database dies for real at the worst moment SMTP allows: while the upstream server takes a
 * message, before the relay can record that it did.
 */
const postgres = await startOwnPostgres(941_000_000);
let db: Db;
let upstream: SmtpListener;
let relay: OutboundRelay;
const received: ReceivedMail[] = [];
let crashDatabaseWhileTaking: string | undefined;

const startRelay = () =>
  startOutboundRelay({
    db,
    upstream: createTransport(`smtp://127.0.0.1:${upstream.port}`),
    host: '127.0.0.1',
    port: 0,
    log: createLogger('relay-test', 'silent'),
  });

beforeAll(async () => {
  db = createDb(postgres.url);
  upstream = await listenSmtp({
    host: '127.0.0.1',
    port: 0,
    maxBytes: 1024 * 1024,
    name: 'upstream',
    async onMail(mail) {
      received.push(mail);
      if (crashDatabaseWhileTaking && messageIdOf(mail.raw) === crashDatabaseWhileTaking) {
        crashDatabaseWhileTaking = undefined;
        await postgres.crash();
      }
    },
  });
  relay = await startRelay();
});

afterAll(async () => {
  await relay?.close();
  await upstream?.close();
  await db?.destroy();
});

const copiesOf = (messageId: string) => received.filter((mail) => messageIdOf(mail.raw) === messageId);
const ledgerRow = (messageId: string) =>
  db('mail_relay_ledger').where({ mail_message_id: messageId }).first();

function submit(messageId: string): Promise<unknown> {
  return createTransport(`smtp://127.0.0.1:${relay.port}`).sendMail({
    from: 'support@ticketflow.test',
    to: 'someone@acme.example',
    subject: messageId,
    text: 'one copy only',
    messageId,
  });
}

describe('the outbound relay when its database dies', () => {
  it('keeps the outcome it could not record, never resends meanwhile, and records it once the database is back', async () => {
    const messageId = '<acknowledgement-during-outage@ticketflow.test>';
    crashDatabaseWhileTaking = messageId;
    await submit(messageId);

    await expect.poll(() => relay.unsettled()).toEqual([messageId]);
    await relay.flush();
    expect(copiesOf(messageId)).toHaveLength(1);

    await postgres.restart();
    // A pass with the database back, whether or not the kept outcome has landed yet, sends nothing again.
    await relay.flush();
    expect(copiesOf(messageId)).toHaveLength(1);

    await expect.poll(() => relay.unsettled(), { timeout: 30_000 }).toEqual([]);
    await relay.flush();
    expect(copiesOf(messageId)).toHaveLength(1);
    expect(await ledgerRow(messageId)).toMatchObject({ attempts: 1, sending_since: null, last_error: null });
    expect((await ledgerRow(messageId)).delivered_at).not.toBeNull();
  });

  it('sends again, once, a message a relay that died mid-send left marked as sending', async () => {
    const messageId = '<interrupted-by-a-crash@ticketflow.test>';
    await relay.close();
    // What a relay killed between its `sending` mark and the upstream's answer leaves in the ledger.
    await db('mail_relay_ledger').insert({
      mail_message_id: messageId,
      envelope_from: 'support@ticketflow.test',
      envelope_to: ['someone@acme.example'],
      raw: Buffer.from(`Message-ID: ${messageId}\r\nSubject: interrupted\r\n\r\nbody\r\n`),
      sending_since: db.fn.now(),
    });

    relay = await startRelay();
    await relay.flush();
    await relay.flush();

    expect(copiesOf(messageId)).toHaveLength(1);
    const row = await ledgerRow(messageId);
    expect(row).toMatchObject({ attempts: 1, sending_since: null, last_error: null });
    expect(row.delivered_at).not.toBeNull();
  });
});
