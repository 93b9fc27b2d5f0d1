import { describe, expect, it } from 'vitest';
import { letterKinds, requestIdTag, ticketNumberInSubject } from '../../mail/letters';
import { letterFor, ticket } from './fixtures';

const ticketKinds = letterKinds.filter((kind) => kind !== 'unknown-sender-refusal');

describe('the Request ID in every subject (R7)', () => {
  it.each(ticketKinds)("a %s letter carries its ticket's Request ID in the subject", (kind) => {
    const letter = letterFor(kind);
    expect(letter.subject).toContain('[Request ID:##TF-100123##]');
    expect(ticketNumberInSubject(letter.subject)).toBe('TF-100123');
    expect(letter.text).toContain('TF-100123');
    expect(letter.html).toContain('TF-100123');
  });

  it('a line break in what the requester typed does not break the subject line', () => {
    const letter = letterFor('acknowledgement', {
      ticket: ticket({ affected: 'CRM\r\nBcc: x@evil.example' }),
    });
    expect(letter.subject).toBe('Request received: CRM Bcc: x@evil.example [Request ID:##TF-100123##]');
  });

  it('a letter about a ticket is not composed without its ticket', () => {
    expect(() => letterFor('resolved', { ticket: null })).toThrow('resolved letter is about a ticket');
  });
});

describe('reading the ticket number back from a reply (R7)', () => {
  it('the tag of a letter round-trips to its ticket number', () => {
    for (const number of ['TF-1', 'TF-100001', 'TF-987654321']) {
      expect(ticketNumberInSubject(`Status update: CRM ${requestIdTag(number)}`)).toBe(number);
    }
  });

  it('a reply keeps its ticket through "Re:" and "Fwd:" prefixes, re-spacing and re-casing', () => {
    for (const subject of [
      'Re: Fwd: Printer out of toner [Request ID:##TF-100123##]',
      'RE: Fwd:   Printer out of toner   [Request ID:##TF-100123##]  ',
      'AW: [Request ID: ## TF-100123 ##] Printer',
      're: [request id:##tf-100123##]',
    ]) {
      expect(ticketNumberInSubject(subject), subject).toBe('TF-100123');
    }
  });

  it('a subject without a whole tag names no ticket', () => {
    for (const subject of [
      'Re: Printer out of toner',
      '[Request ID:##TF-##]',
      '[Request ID:####]',
      '[Request ID:##TF-100123]',
      'Request ID:##TF-100123##',
      'Re: TF-100123',
      '[Request ID:##100123##]',
    ]) {
      expect(ticketNumberInSubject(subject), subject).toBeNull();
    }
  });
});
