import { describe, expect, it } from 'vitest';
import { messageIdFor, messageIdOf } from '../mail/message-id';

describe('Message-IDs of letters', () => {
  it('the same notification always gets the same Message-ID, another one another', () => {
    const first = messageIdFor('TF-100001/1/acknowledgement', 'desk.example');
    expect(first).toMatch(/^<[0-9a-f]{40}@desk\.example>$/);
    expect(messageIdFor('TF-100001/1/acknowledgement', 'desk.example')).toBe(first);
    expect(messageIdFor('TF-100001/2/info-requested', 'desk.example')).not.toBe(first);
  });

  it('reads the Message-ID from the header block, folded or not, and never from the body', () => {
    const mail = (header: string, eol = '\r\n') =>
      Buffer.from(`${header.replaceAll('\n', eol)}${eol}${eol}Message-ID: <in-the-body@x>${eol}`);
    expect(messageIdOf(mail('From: a@x\nMessage-ID: <one@x>\nSubject: s'))).toBe('<one@x>');
    expect(messageIdOf(mail('From: a@x\nmessage-id:\n   <folded@x>\nSubject: s'))).toBe('<folded@x>');
    expect(messageIdOf(mail('From: a@x\nMessage-Id: <bare-lf@x>', '\n'))).toBe('<bare-lf@x>');
    expect(messageIdOf(mail('From: a@x\nSubject: none here'))).toBeNull();
  });
});
