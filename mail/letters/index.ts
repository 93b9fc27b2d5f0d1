import { closureLetters } from './closure';
import { conversationLetters } from './conversation';
import { deskLetters } from './desk';
import { intakeLetters } from './intake';
import { renderHtml, renderText, type Layout } from './layout';
import { progressLetters } from './progress';
import { unknownSenderRefusal } from './refusal';
import { workPlanLetters } from './work-plan';
import { requestIdTag } from './request-id';
import type {
  Letter,
  LetterContent,
  LetterContext,
  LetterRequest,
  LetterTemplate,
  TicketLetterKind,
} from './types';

export { letterKinds } from './types';
export type { Letter, LetterKind, LetterRequest, LetterTicket } from './types';
export { requestIdTag, ticketNumberInSubject } from './request-id';
export { formatInstant } from './wording';

const templates: Record<TicketLetterKind, LetterTemplate> = {
  ...intakeLetters,
  ...progressLetters,
  ...closureLetters,
  ...deskLetters,
  ...conversationLetters,
  ...workPlanLetters,
};

const defaultDesk = { name: 'ticketflow service desk', address: 'support@ticketflow.local' };

/** The letter for one notification: pure, so the outbound mail activity can compose it again on a retry. */
export function composeLetter(request: LetterRequest): Letter {
  const desk = request.desk ?? defaultDesk;
  const signature = ['Kind regards,', desk.name, desk.address];
  if (request.kind === 'unknown-sender-refusal') {
    const content = unknownSenderRefusal(request.recipient, request.event, desk);
    return render(content.subject, {
      greeting: 'Hello,',
      ...body(content),
      closing: content.closing ?? [],
      signature,
    });
  }
  const { ticket } = request;
  if (!ticket) throw new Error(`a ${request.kind} letter is about a ticket, and none was given`);
  const context: LetterContext = {
    ticket,
    event: request.event,
    links: request.links ?? {},
    desk,
    toRequester: request.recipient.trim().toLowerCase() === ticket.requester.email.trim().toLowerCase(),
    tag: requestIdTag(ticket.number),
  };
  const content = templates[request.kind](context);
  return render(`${content.subject} ${context.tag}`, {
    greeting: context.toRequester ? `Dear ${ticket.requester.name},` : 'Hello,',
    ...body(content),
    closing: content.closing ?? standardClosing(context),
    signature,
  });
}

/** The SOP's closing for the requester: an offer of further help, then thanks. */
function standardClosing({ toRequester, tag, desk }: LetterContext): string[] {
  if (!toRequester) return [];
  return [
    `If you need any further help, simply reply to this e-mail keeping ${tag} in its subject; we will be glad to help.`,
    `Thank you for contacting ${desk.name}.`,
  ];
}

function body(content: LetterContent) {
  return { intro: content.intro, blocks: content.blocks ?? [] };
}

function render(subject: string, layout: Layout): Letter {
  // Requester text reaches the subject (the affected module); a line break there would break the header.
  return { subject: subject.replace(/\s+/g, ' ').trim(), text: renderText(layout), html: renderHtml(layout) };
}
