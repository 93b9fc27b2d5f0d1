import { describe, expect, it } from 'vitest';
import { ticketNumberInSubject } from '../../mail/letters';
import { examples, requester } from './examples';
import { csatLink, expectInOrder, letterFor, ticket } from './fixtures';

const closed = ticket({
  stage: 'CLOSED',
  solution: { text: 'Renewed the SSO certificate', by: 'eng.maria', at: '2026-11-24T16:00:00.000Z' },
  resolution: { text: 'Renewed the SSO certificate', by: 'eng.maria', at: '2026-11-24T18:00:00.000Z' },
});

describe('the letters the Customer Support SOP prescribes', () => {
  it('the resolution letter introduces itself, informs, says how it was resolved, offers help and thanks (R12)', () => {
    const { text, html } = letterFor('resolved', { ticket: closed });
    const parts = [
      'Dear Ana Ruiz,',
      'your request TF-100123 has been resolved',
      'Ticket number',
      'CRM web client: Agents cannot log in',
      'How it was resolved:',
      'Renewed the SSO certificate',
      'further help, simply reply to this e-mail keeping [Request ID:##TF-100123##]',
      'Thank you for contacting ticketflow service desk.',
      'Kind regards,',
    ];
    expectInOrder(text, parts);
    expectInOrder(html, parts);
    expect(text).not.toContain('ERR_SSO_TIMEOUT');
  });

  it('a resolution the client accepted by silence says so (R9)', () => {
    const data = { resolution: 'Renewed the SSO certificate', verification: { method: 'silence' } };
    const { text } = letterFor('resolved', {
      ticket: closed,
      event: { type: 'closed', actor: 'system', at: '', data },
    });
    expect(text).toContain('we have taken the solution as accepted');
  });

  it('the acknowledgement gives the ticket number and what happens next (R1)', () => {
    const { subject, text } = letterFor('acknowledgement');
    expect(subject).toBe('Request received: CRM web client [Request ID:##TF-100123##]');
    expectInOrder(text, [
      'registered as ticket TF-100123',
      'Priority: P2 (high)',
      'First response due by: Tue 24 Nov 2026, 14:30 UTC',
      'What happens next: an engineer reviews your request and contacts you by Tue 24 Nov 2026, 14:30 UTC',
      'Follow your request online: https://desk.example/portal/tickets/TF-100123',
    ]);
    const withoutSla = letterFor('acknowledgement', { ticket: ticket({ sla: null }), links: {} }).text;
    expect(withoutSla).toContain('contacts you within the first-response time of its priority, P2 (high).');
    expect(withoutSla).not.toContain('due by');
  });

  it('the acknowledgement of an e-mail request asks for the R2 details it lacked, one labelled line each', () => {
    const data = { channel: 'email', missing: ['requester.phone', 'siteContact'] };
    const { text } = letterFor('acknowledgement', {
      event: { type: 'opened', actor: requester.email, at: '', data },
    });
    expectInOrder(text, [
      'please reply with one line each, e.g. "Room: 402"',
      'Phone: a number where we can reach you',
      'Site contact, Site contact phone: who receives our engineer',
    ]);
    expect(text).not.toContain('Site address');
    expect(letterFor('acknowledgement').text).not.toContain('we still need');
  });

  it('the request to verify quotes the solution and says when silence counts as acceptance (R9)', () => {
    const testing = ticket({ stage: 'CUSTOMER_TESTING', solution: closed.solution });
    const { text } = letterFor('testing-requested', { ticket: testing });
    expectInOrder(text, [
      '> Renewed the SSO certificate',
      '> Log in from a Torre B desk',
      'If we have not heard from you by Sun 29 Nov 2026, 14:00 UTC, we will take it as accepted',
    ]);
  });

  it('the request for information quotes the question and says the clock waits for the reply (R11)', () => {
    const { subject, text } = letterFor('info-requested');
    expect(subject).toContain('We need more information');
    expectInOrder(text, [
      '> Which browser do the agents use?',
      'replying to this e-mail, keeping [Request ID:##TF-100123##]',
      'clocks of your request are paused',
    ]);
  });

  it('a priority change tells the old and the new priority and why (R15)', () => {
    const { subject, text } = letterFor('priority-changed');
    expectInOrder(subject, ['P3', 'P1']);
    expectInOrder(text, ['changed from P3 (medium) to P1 (critical)', 'The whole call centre is down']);
    expect(text).toContain('a solution is due by Tue 24 Nov 2026, 22:00 UTC');
  });

  it('an escalation tells the requester the new tier and why (R19)', () => {
    const byHand = letterFor('escalated');
    expect(byHand.subject).toContain('escalated to Tier 2');
    expectInOrder(byHand.text, [
      'escalated from Tier 1 to Tier 2',
      'Why: needs SSO expertise.',
      'senior engineers',
    ]);
    const data = { ...examples.escalated.data, to: 'ONSITE', from: 'TIER_3', automatic: true };
    const automatic = letterFor('escalated', { event: { type: 'escalated', actor: 'system', at: '', data } });
    expectInOrder(automatic.text, [
      'from Tier 3 to onsite support',
      'time frame of Tier 3 ran out',
      'visit your site',
    ]);
  });

  it('rungs climbed while the desk was unreachable come as one letter naming every time frame (R19)', () => {
    const data = { from: 'ONSITE', to: 'MANAGER', automatic: true, climbedFrom: 'TIER_1', rungs: 4 };
    const climbed = letterFor('escalated', { event: { type: 'escalated', actor: 'system', at: '', data } });
    expect(climbed.subject).toContain('escalated to the IT manager');
    expectInOrder(climbed.text, [
      'escalated from Tier 1 to the IT manager',
      'time frames of Tier 1, Tier 2, Tier 3 and onsite support ran out one after another',
      'IT manager now reviews',
    ]);
  });

  it('a status update tells the stage, who works on it and when a solution is due (R17)', () => {
    const { subject, text } = letterFor('status-update');
    expect(subject).toContain('Status update');
    expectInOrder(text, [
      'Status: under analysis',
      'Handled by: Tier 2',
      'Engineer: eng.maria',
      'Solution due by: Tue 24 Nov 2026, 22:00 UTC',
    ]);
  });

  it('a major incident’s update reaches each of its tickets in that ticket’s own thread, quoting it (R17)', () => {
    const message = 'The database failed over; next update within the hour.';
    const event = {
      type: 'status-update-sent',
      actor: 'eng.maria',
      at: '2026-11-24T14:05:00.000Z',
      data: { ...examples['status-update'].data, incident: 'INC-7', message },
    };
    const { subject, text } = letterFor('status-update', { event });
    expect(ticketNumberInSubject(subject)).toBe('TF-100123');
    expectInOrder(text, [
      'request TF-100123 is part of a wider incident (INC-7)',
      message,
      'Status: under analysis',
    ]);
  });

  it('the CSAT survey offers five one-click scores on the signed link and invites a comment (R13)', () => {
    const { text, html } = letterFor('csat-survey', { ticket: closed });
    for (const score of [1, 2, 3, 4, 5]) {
      expect(text).toContain(`${score} - `);
      expect(text).toContain(`${csatLink}&score=${score}`);
      expect(html).toContain(`href="${csatLink}&amp;score=${score}"`);
    }
    expect(text).toContain('add a comment');
    const bare = 'https://desk.example/csat/TF-100123.c2lnbmVk';
    expect(letterFor('csat-survey', { links: { csat: bare } }).text).toContain(`${bare}?score=4`);
    expect(() => letterFor('csat-survey', { links: {} })).toThrow('signed link');
  });

  it('an unknown sender is answered on their own subject, told why and how to get registered (R4)', () => {
    const { subject, text } = letterFor('unknown-sender-refusal');
    expect(subject).toBe('Re: Printer broken');
    expect(ticketNumberInSubject(subject)).toBeNull();
    expectInOrder(text, [
      'Hello,',
      'cannot open a support request',
      'Why: we accept requests only from the company e-mail address of a registered reporter',
      'someone@gmail.example is not registered',
      "How to get registered: ask your organization's administrator or your account manager",
    ]);
    const event = { type: 'mail-refused', actor: 'system', at: '', data: { subject: 'RE: Printer' } };
    expect(letterFor('unknown-sender-refusal', { event }).subject).toBe('RE: Printer');
  });
});

describe('the held ticket letter (R5)', () => {
  it('tells the requester by name why service is held and what resumes it', () => {
    const { subject, text } = letterFor('ticket-held');
    expect(subject).toContain('on hold');
    expectInOrder(text, [
      'Dear Ana Ruiz,',
      'on hold, because the service contract of ACME Logistics is out of date',
      'The support contract ended on 31 Oct 2026.',
      'resumes as soon as the contract is renewed',
    ]);
  });

  it('reads sensibly for the account manager, who is not addressed as the requester', () => {
    const data = { reason: 'not-justified', detail: 'No business case for a second licence.' };
    const event = { type: 'ticket-held', actor: 'system', at: '', data };
    const { text } = letterFor('ticket-held', { recipient: 'accounts@desk.example', event });
    expect(text).not.toContain('Dear');
    expectInOrder(text, [
      'Hello,',
      `reported by Ana Ruiz <${requester.email}> of ACME Logistics, is on hold`,
      'not fully justified',
      'No business case for a second licence.',
      'resumes as soon as the request is justified',
    ]);
  });
});

describe('the escalation letter to whoever leads the next rung (R19, R20)', () => {
  it('asks a tier lead to take the ticket from the queue, and the IT manager to decide', () => {
    const lead = letterFor('escalation-queued');
    expect(lead.subject).toContain('waiting for an engineer');
    const data = { from: 'ONSITE', to: 'MANAGER', reason: 'no fix on site', automatic: false };
    const manager = letterFor('escalation-queued', {
      recipient: 'it.manager@desk.example',
      event: { type: 'queued-at-tier', actor: 'eng.maria', at: '2026-11-24T14:05:00.000Z', data },
    });
    expect(manager.subject).toMatch(/^Escalated to you, your decision is needed: CRM web client/);
    expect(manager.text).not.toContain('waiting for an engineer');
    expectInOrder(manager.text, [
      'waits for your decision',
      'Why: no fix on site.',
      'continue at a tier with a new time frame, engage the vendor, or close it unresolved',
    ]);
  });
});
