import type { LetterContext, LetterTemplate, TicketLetterKind } from './types';
import { deskFacts, stageLabel, textOf } from './wording';

// Messages on a ticket's conversation (R7, R13): the event's actor wrote `event.data.message`, as the
// workflow records a reply.

function message({ event }: LetterContext) {
  const text = textOf(event.data, 'message');
  return text ? [{ paragraph: 'The message:' }, { quote: text }] : [];
}

/**
 * R7: a message on the ticket's conversation. The requester's own reply gets a receipt and the desk the
 * news; the desk's answer reaches the requester with its text.
 */
const replyReceived: LetterTemplate = (context) => {
  const { ticket, event, toRequester } = context;
  const byRequester = event.actor.trim().toLowerCase() === ticket.requester.email.trim().toLowerCase();
  if (toRequester && byRequester)
    return {
      subject: `We have received your reply: ${ticket.affected}`,
      intro:
        `Thank you: your reply has been added to your request ${ticket.number}, ` +
        `which is ${stageLabel(ticket.stage)}. The engineer working on it has been told.`,
      blocks: message(context),
    };
  if (toRequester)
    return {
      subject: `New message on your request: ${ticket.affected}`,
      intro: `${event.actor} has written on your request ${ticket.number}.`,
      blocks: message(context),
    };
  return {
    subject: `New message from ${event.actor}: ${ticket.affected}`,
    intro: `${event.actor} replied on ticket ${ticket.number}; the reply is on the ticket's conversation.`,
    blocks: [...message(context), { facts: deskFacts(ticket) }],
  };
};

/** R13: after closing the requester may still ask for clarification; the ticket and its SLA stay closed. */
const clarificationRequested: LetterTemplate = (context) => {
  const { ticket, toRequester } = context;
  if (toRequester)
    return {
      subject: `We have received your question: ${ticket.affected}`,
      intro:
        `Thank you: we have received your question about your closed request ${ticket.number} ` +
        'and will answer it by e-mail. The request itself stays closed.',
      blocks: message(context),
    };
  return {
    subject: `Clarification requested after closing: ${ticket.affected}`,
    intro:
      `${context.event.actor} asks for clarification on closed ticket ${ticket.number}. ` +
      'The ticket stays closed and its SLA is not reopened; please answer by replying to the requester.',
    blocks: [...message(context), { facts: deskFacts(ticket) }],
  };
};

export const conversationLetters = {
  'reply-received': replyReceived,
  'clarification-requested': clarificationRequested,
} satisfies Partial<Record<TicketLetterKind, LetterTemplate>>;
