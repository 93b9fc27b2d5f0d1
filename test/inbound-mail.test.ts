import { createTransport } from 'nodemailer';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from './support/people';
import { useInboundListener, useMailDesk } from './support/mail';
import { useTicketStack } from './support/ticket-stack';

const desk = useMailDesk();
const suite = useTicketStack({ mail: () => desk.settings });
const inbound = useInboundListener(() => suite.stack);
let customer: Customer;

beforeAll(async () => {
  customer = await suite.people.customer('Inbound');
});

const tag = (number: string) => `[Request ID:##${number}##]`;

const sendToDesk = inbound.send;

async function ticketsOf(email: string) {
  return suite.stack.db('tickets').where({ requester_email: email }).orderBy('received_at');
}

describe('inbound mail', () => {
  it("a known reporter's e-mail opens a ticket and is acknowledged with its number", async () => {
    await sendToDesk({
      from: customer.requester.email,
      subject: 'Label printer in dock 4 jams',
      text: 'It jams on every second label.\nSite address: Cra 7 #71-21\nBuilding: Dock\nRoom: 4\nImpact: high\n',
    });
    const [ticket] = await ticketsOf(customer.requester.email);
    expect(ticket).toMatchObject({ channel: 'email', organization: customer.organization.name });
    expect(ticket.intake).toMatchObject({
      affected: 'Label printer in dock 4 jams',
      site: { address: 'Cra 7 #71-21', building: 'Dock', room: '4' },
      missing: ['requester.phone', 'siteContact'],
      impact: 'high',
    });
    const ack = await desk.catcher.waitFor((m) => m.subject.includes(tag(ticket.number)));
    expect(ack.to).toEqual([customer.requester.email]);
  });

  it('an unknown sender gets a polite refusal saying why, and no ticket', async () => {
    await sendToDesk({
      from: 'stranger@unknown.example',
      subject: 'Please fix my laptop',
      text: 'It is slow.',
    });
    const refusal = await desk.catcher.waitFor((m) => m.to.includes('stranger@unknown.example'));
    expect(refusal.subject).toBe('Re: Please fix my laptop');
    expect(refusal.text).toMatch(/not registered/);
    expect(await ticketsOf('stranger@unknown.example')).toHaveLength(0);
    const kept = await suite.stack.db('inbound_mail').where({ envelope_from: 'stranger@unknown.example' });
    expect(kept.map((m) => m.outcome)).toEqual(['refused']);
  });

  it('a reply carrying the Request ID joins its ticket and resumes the paused clocks', async () => {
    const opened = await suite.api.post('/tickets', customer.intake());
    const number = opened.body.number;
    await suite.api.act(number, 'request-info', { question: 'Which firmware does the printer run?' });
    await sendToDesk({
      from: customer.requester.email,
      subject: `RE: More information needed ${tag(number)}`,
      text: 'Firmware 4.2.1',
      messageId: `<firmware-answer-${number}@customer.example>`,
      attachments: [{ filename: 'firmware.txt', content: 'version 4.2.1' }],
    });
    const ticket = await suite.api.get(`/tickets/${number}`);
    expect(ticket.body.waitingOnClient).toBe(false);
    expect(ticket.body.sla.resolution).toMatchObject({ state: 'on_track', dueAt: expect.any(String) });
    expect(ticket.body.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['reply-received', 'info-provided']),
    );
    const messages = await suite.stack.db('ticket_messages').where({ ticket_number: number });
    expect(messages).toMatchObject([{ author_role: 'requester', channel: 'email', body: 'Firmware 4.2.1' }]);
    const files = await suite.stack.db('ticket_attachments').where({ ticket_number: number });
    expect(files).toMatchObject([{ filename: 'firmware.txt', size: 13 }]);
    expect(await ticketsOf(customer.requester.email)).toHaveLength(2);
  });

  it("a reply naming another organization's ticket is refused, saying why, and reaches no ticket", async () => {
    const theirs = await suite.api.post('/tickets', suite.people.globex.intake());
    const number = theirs.body.number;
    await sendToDesk({ from: customer.requester.email, subject: `Re: ${tag(number)}`, text: 'Let me in' });
    const refusal = await desk.catcher.waitFor(
      (m) => m.to.includes(customer.requester.email) && m.subject === `Re: ${tag(number)}`,
    );
    expect(refusal.text).toMatch(/does not name a request of your organization/);
    expect(await suite.stack.db('ticket_messages').where({ ticket_number: number })).toHaveLength(0);
  });

  it('an attachment over the size limit is left out of the ticket, and the mail keeps it', async () => {
    const opened = await suite.api.post('/tickets', customer.intake());
    const number = opened.body.number;
    await sendToDesk({
      from: customer.requester.email,
      subject: `Re: ${tag(number)}`,
      text: 'Logs attached',
      attachments: [
        { filename: 'small.log', content: 'ok' },
        { filename: 'huge.log', content: Buffer.alloc(65 * 1024, 'x') },
      ],
    });
    const listed = await suite.api.get(`/tickets/${number}/attachments`);
    expect(listed.body.items.map((f: { filename: string }) => f.filename)).toEqual(['small.log']);
    const [kept] = await suite.stack.db('inbound_mail').where({ ticket_number: number });
    expect(kept.raw.toString()).toContain('filename=huge.log');
  });

  it('the same e-mail delivered twice is one message on the ticket', async () => {
    const opened = await suite.api.post('/tickets', customer.intake());
    const number = opened.body.number;
    const mail = {
      from: customer.requester.email,
      subject: `Re: ${tag(number)}`,
      text: 'Any news?',
      messageId: `<any-news-${number}@customer.example>`,
    };
    await sendToDesk(mail);
    await sendToDesk(mail);
    const ticket = await suite.api.get(`/tickets/${number}`);
    const replies = ticket.body.timeline.filter((e: { type: string }) => e.type === 'reply-received');
    expect(replies).toHaveLength(1);
    expect(await suite.stack.db('ticket_messages').where({ ticket_number: number })).toHaveLength(1);
  });

  it('mail without a sender is kept and reported, not lost', async () => {
    const raw = 'To: support@ticketflow.test\r\nSubject: no sender\r\n\r\nHello\r\n';
    await createTransport(`smtp://127.0.0.1:${inbound.listener.port}`).sendMail({
      envelope: { from: 'bounce@relay.example', to: ['support@ticketflow.test'] },
      raw,
    });
    const kept = await suite.stack.db('inbound_mail').where({ envelope_from: 'bounce@relay.example' });
    expect(kept).toMatchObject([{ outcome: 'unparseable', detail: 'no From address' }]);
    expect(kept[0].raw.toString()).toContain('Subject: no sender');
  });
});
