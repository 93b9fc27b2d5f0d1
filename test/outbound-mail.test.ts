import type { Transporter } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { createLetterDeliveryActivities } from '../activities/letter-delivery';
import { useMailDesk } from './support/mail';
import { useTicketStack } from './support/ticket-stack';

const desk = useMailDesk();
let submissions = 0;
let crashAfterSending: string | undefined;
let refuseOnce: string | undefined;

/**
 * The worker dying after the relay took a letter and before the outbox recorded it, without killing this
 * test process: the send goes through, then the attempt fails as a dead worker's would (its retry runs the
 * same code). Or the relay refusing a connection once, as one that is restarting does. Nothing else about the
 * transport is changed.
 */
function dyingAfterSend(transport: Transporter): Transporter {
  return new Proxy(transport, {
    get(target, property, receiver) {
      if (property !== 'sendMail') return Reflect.get(target, property, receiver);
      return async (message: { subject?: string }) => {
        if (refuseOnce && message.subject?.includes(refuseOnce)) {
          refuseOnce = undefined;
          throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        }
        submissions += 1;
        const info = await target.sendMail(message);
        if (crashAfterSending && message.subject?.includes(crashAfterSending)) {
          crashAfterSending = undefined;
          throw new Error('worker died between sending and recording');
        }
        return info;
      };
    },
  });
}

const suite = useTicketStack({
  mail: () => ({ ...desk.settings, transport: dyingAfterSend(desk.settings.transport) }),
});

const tag = (number: string) => `[Request ID:##${number}##]`;
const activitiesOf = async (number: string) =>
  ((await suite.stack.client.workflow.getHandle(number).fetchHistory()).events ?? []).flatMap(
    (e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? [],
  );
const ticketLetters = (number: string, where: Record<string, string>) =>
  suite.stack.db('outbox').where({ ticket_number: number, ...where });

async function mailboxSettles() {
  await desk.relay.flush();
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('outbound mail', () => {
  it('a new ticket is acknowledged by exactly one e-mail carrying its Request ID', async () => {
    const customer = await suite.people.customer('Outbound');
    const opened = await suite.api.post('/tickets', customer.intake());
    expect(opened.status).toBe(201);
    const number = opened.body.number;
    const letter = await desk.catcher.waitFor((m) => m.subject.includes(tag(number)));
    expect(letter.to).toEqual([customer.requester.email]);
    expect(letter.text).toContain(number);
    await mailboxSettles();
    expect(desk.catcher.messages().filter((m) => m.subject.includes(tag(number)))).toHaveLength(1);
    const row = await suite.stack
      .db('outbox')
      .where({ ticket_number: number, kind: 'acknowledgement' })
      .first();
    expect(row.sent_at).not.toBeNull();
    expect(row.message_id).toBe(letter.messageId);
    // Sent by the change that queued it: no courier was needed.
    expect(await activitiesOf(number)).toEqual(['recordTicketChange']);
  });

  it('a worker that dies between sending and recording sends no second e-mail', async () => {
    crashAfterSending = 'Request ID:##';
    const before = submissions;
    const customer = await suite.people.customer('Crash');
    const opened = await suite.api.post('/tickets', customer.intake());
    const number = opened.body.number;
    await expect
      .poll(async () => (await suite.stack.db('outbox').where({ ticket_number: number }).first())?.sent_at, {
        timeout: 30_000,
        interval: 250,
      })
      .not.toBeNull();
    await mailboxSettles();
    expect(submissions - before).toBe(2);
    expect(desk.catcher.messages().filter((m) => m.subject.includes(tag(number)))).toHaveLength(1);
    const ledger = await desk.db('mail_relay_ledger').where('raw', 'like', `%${number}%`);
    expect(ledger).toHaveLength(1);
    // The change's own attempt died; the courier sent the letter again.
    expect(await activitiesOf(number)).toEqual(['recordTicketChange', 'deliverLetters']);
  });

  it('a letter the relay refuses with the change is left to the courier, which sends it once', async () => {
    refuseOnce = 'Request ID:##';
    const customer = await suite.people.customer('Refused');
    const opened = await suite.api.post('/tickets', customer.intake());
    expect(opened.status).toBe(201);
    const number = opened.body.number;
    await desk.catcher.waitFor((m) => m.subject.includes(tag(number)));
    await mailboxSettles();
    expect(desk.catcher.messages().filter((m) => m.subject.includes(tag(number)))).toHaveLength(1);
    expect(await activitiesOf(number)).toEqual(['recordTicketChange', 'deliverLetters']);
  });

  it("a letter to someone without an e-mail address is set aside, and the ticket's other letters still go", async () => {
    const customer = await suite.people.customer('Undeliverable');
    const number = (await suite.api.post('/tickets', customer.intake())).body.number;
    await expect
      .poll(() => ticketLetters(number, { kind: 'acknowledgement' }).then((r) => r[0]?.sent_at))
      .not.toBeNull();
    const payload = (await ticketLetters(number, { kind: 'acknowledgement' }))[0].payload;
    const queued = (key: string, recipient: string) => ({
      idempotency_key: `${number}/${key}`,
      ticket_number: number,
      kind: 'status-update',
      recipient,
      payload,
    });
    await suite.stack
      .db('outbox')
      .insert([queued('by-name', 'eng.maria'), queued('by-address', customer.requester.email)]);

    const { deliverLetters } = createLetterDeliveryActivities(suite.stack.db, desk.settings);
    expect(await deliverLetters({ ticketNumber: number })).toBe(2);
    const [byName] = await ticketLetters(number, { idempotency_key: `${number}/by-name` });
    expect(byName).toMatchObject({ sent_at: null, undeliverable: 'the recipient is not an e-mail address' });
    const [byAddress] = await ticketLetters(number, { idempotency_key: `${number}/by-address` });
    await desk.catcher.waitFor((m) => m.messageId === byAddress.message_id);
    expect(await deliverLetters({ ticketNumber: number })).toBe(0);
  });

  it('the relay answers a repeated Message-ID without passing the mail on again', async () => {
    const message = {
      from: 'support@ticketflow.test',
      to: 'someone@acme.example',
      subject: 'relay duplicate check',
      text: 'once',
      messageId: '<relay-duplicate-check@ticketflow.test>',
    };
    await desk.settings.transport.sendMail(message);
    await desk.settings.transport.sendMail(message);
    await mailboxSettles();
    expect(desk.catcher.messages().filter((m) => m.subject === 'relay duplicate check')).toHaveLength(1);
  });
});
