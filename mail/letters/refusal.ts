import type { LetterContent, LetterEvent } from './types';
import { textOf } from './wording';

/**
 * R4: mail from an address that is not a registered reporter opens no ticket; the sender is told why and how
 * to get registered. It answers their mail, so its subject is theirs with "Re:" and carries no Request ID.
 */
export function unknownSenderRefusal(
  recipient: string,
  event: LetterEvent,
  desk: { name: string },
): LetterContent {
  const original = textOf(event.data, 'subject')?.trim();
  const reason = textOf(event.data, 'reason');
  const subject = !original ? 'Re: your e-mail' : /^re:/i.test(original) ? original : `Re: ${original}`;
  if (reason === 'unknown-ticket' || reason === 'not-a-reporter') {
    return {
      subject,
      intro: `Thank you for your e-mail to ${desk.name}. We could not add it to a request.`,
      blocks: [
        {
          paragraph:
            reason === 'unknown-ticket'
              ? 'Why: the Request ID in its subject does not name a request of your organization. Please reply ' +
                'to a letter about the request, keeping its subject, or write without a Request ID to open a new one.'
              : 'Why: new requests are opened by the reporters of our customer organizations. Please open it in ' +
                'the portal on the customer’s behalf, or reply to a letter about an existing request.',
        },
      ],
      closing: ['Thank you for your understanding.'],
    };
  }
  return {
    subject,
    intro: `Thank you for your e-mail to ${desk.name}. We are sorry, but we cannot open a support request for it.`,
    blocks: [
      {
        paragraph:
          'Why: we accept requests only from the company e-mail address of a registered reporter of one of our ' +
          `customer organizations, so that we know who you are and which contract covers your request. ${recipient} ` +
          'is not registered with us as a reporter.',
      },
      {
        paragraph:
          "How to get registered: ask your organization's administrator or your account manager to register " +
          `${recipient} as a reporter. Then send your request again from that address; you will receive a ticket ` +
          'number by return.',
      },
    ],
    closing: ['Thank you for your understanding.'],
  };
}
