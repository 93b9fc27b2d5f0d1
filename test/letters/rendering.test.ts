import { describe, expect, it } from 'vitest';
import { formatInstant, letterKinds } from '../../mail/letters';
import { examples, requester } from './examples';
import { expectInOrder, letterFor, ticket } from './fixtures';

describe('how a letter is written', () => {
  it('what a requester typed is escaped in the HTML and kept as typed in the text', () => {
    const description = '<script>alert("x")</script> & <b>more</b>';
    const { text, html } = letterFor('escalation-queued', { ticket: ticket({ description }) });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;');
    expect(text).toContain(description);
    const event = {
      type: 'info-requested',
      actor: 'eng.maria',
      at: '',
      data: { question: 'Is <img src=x> shown?' },
    };
    expect(letterFor('info-requested', { event }).html).toContain('Is &lt;img src=x&gt; shown?');
  });

  it('dates are written in UTC with the zone named, whatever offset they were recorded with', () => {
    expect(formatInstant('2026-11-24T14:30:00.000Z')).toBe('Tue 24 Nov 2026, 14:30 UTC');
    expect(formatInstant('2026-11-24T09:30:00-05:00')).toBe('Tue 24 Nov 2026, 14:30 UTC');
    expect(letterFor('engineer-dispatched').text).toContain('Appointment: Tue 24 Nov 2026, 15:30 UTC');
  });

  it('letters to the requester are addressed by name; letters to the desk are not', () => {
    for (const kind of letterKinds) {
      const { text } = letterFor(kind);
      const toRequester = (examples[kind].recipient ?? requester.email) === requester.email;
      expect(text.startsWith(toRequester ? 'Dear Ana Ruiz,' : 'Hello,'), kind).toBe(true);
    }
    expect(letterFor('acknowledgement', { recipient: 'Ana.Ruiz@ACME.example' }).text).toMatch(
      /^Dear Ana Ruiz,/,
    );
  });

  it('only the requester is offered further help on the ticket; the desk gets the ticket at a glance', () => {
    const staff = letterFor('sla-breached').text;
    expect(staff).not.toContain('further help');
    expect(staff).toContain('The resolution target of ticket TF-100123 has been breached');
    expect(staff).toContain(`Requester: Ana Ruiz <${requester.email}>`);
    expect(letterFor('priority-changed').text).toContain('further help');
  });

  it('the desk signs with its defaults unless told its name and address', () => {
    expect(letterFor('status-update').text).toMatch(
      /Kind regards,\nticketflow service desk\nsupport@ticketflow\.local\n$/,
    );
    const desk = { name: 'BROCENT service desk', address: 'it-service@brocent.example' };
    const { text, html } = letterFor('status-update', { desk });
    expect(text).toMatch(/Kind regards,\nBROCENT service desk\nit-service@brocent\.example\n$/);
    expect(html).toContain('<p>Kind regards,<br>BROCENT service desk<br>it-service@brocent.example</p>');
  });

  it("a requester's reply is acknowledged to them and announced to the desk; the desk's answer reaches them (R7)", () => {
    const toDesk = letterFor('reply-received').text;
    expect(toDesk).toContain(`${requester.email} replied on ticket TF-100123`);
    expect(toDesk).toContain('> Chrome 131 on Windows 11');
    const toRequester = letterFor('reply-received', { recipient: requester.email }).text;
    expect(toRequester).toContain('your reply has been added to your request TF-100123');
    const answer = {
      type: 'reply-received',
      actor: 'eng.maria',
      at: '',
      data: { message: 'Please restart Chrome' },
    };
    const fromDesk = letterFor('reply-received', { recipient: requester.email, event: answer }).text;
    expectInOrder(fromDesk, [
      'Dear Ana Ruiz,',
      'eng.maria has written on your request',
      '> Please restart Chrome',
    ]);
  });

  it('a clarification after closing keeps the ticket closed and its SLA shut (R13)', () => {
    const closed = ticket({ stage: 'CLOSED' });
    expect(letterFor('clarification-requested', { ticket: closed }).text).toContain('stays closed');
    const toDesk = letterFor('clarification-requested', {
      ticket: closed,
      recipient: 'eng.maria@desk.example',
    });
    expect(toDesk.text).toContain('its SLA is not reopened');
    expect(toDesk.text).toContain('> Will the certificate expire again?');
  });
});
