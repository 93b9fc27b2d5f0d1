import type { LetterTemplate, TicketLetterKind } from './types';
import { formatInstant, recordOf, reported, textOf } from './wording';

/** R9: the client is asked to verify the solution; silence until the deadline counts as acceptance. */
const testingRequested: LetterTemplate = ({ ticket, event }) => {
  const instructions = textOf(event.data, 'instructions');
  const deadline = ticket.sla?.testingDeadline;
  return {
    subject: `Please verify the solution: ${ticket.affected}`,
    intro: `We have a solution for your request ${ticket.number} and ask you to verify that it works for you.`,
    blocks: [
      ...(ticket.solution ? [{ paragraph: 'The solution:' }, { quote: ticket.solution.text }] : []),
      ...(instructions ? [{ paragraph: 'How to verify it:' }, { quote: instructions }] : []),
      {
        paragraph:
          'Please reply to this e-mail to tell us whether the solution works.' +
          (deadline
            ? ` If we have not heard from you by ${formatInstant(deadline)}, we will take it as accepted and close the request.`
            : ''),
      },
    ],
  };
};

/**
 * R12: a polite introduction, the information the customer needs, how it was resolved; the layout's standard
 * closing adds the offer of further help and the thanks.
 */
const resolved: LetterTemplate = ({ ticket, event }) => {
  const how = textOf(event.data, 'resolution') ?? ticket.resolution?.text ?? ticket.solution?.text ?? '';
  const bySilence = recordOf(event.data, 'verification').method === 'silence';
  return {
    subject: `Your request has been resolved: ${ticket.affected}`,
    intro: `We are writing to let you know that your request ${ticket.number} has been resolved.`,
    blocks: [
      {
        facts: [
          ['Ticket number', ticket.number],
          ['Organization', ticket.organization],
          ['Reported', reported(ticket)],
        ],
      },
      { paragraph: 'How it was resolved:' },
      { quote: how },
      ...(bySilence
        ? [
            {
              paragraph:
                'As we did not hear from you within the testing period, we have taken the solution as accepted.',
            },
          ]
        : []),
    ],
  };
};

/** R20: the IT manager closed the request without a solution; the requester is told why. */
const closedUnresolved: LetterTemplate = ({ ticket, event }) => ({
  subject: `Your request has been closed unresolved: ${ticket.affected}`,
  intro:
    `We are sorry to tell you that your request ${ticket.number} has been closed without a solution, ` +
    'after review by our IT manager.',
  blocks: [
    { facts: [['Reported', reported(ticket)]] },
    { paragraph: 'The reason:' },
    { quote: textOf(event.data, 'reason') ?? ticket.resolution?.text ?? '' },
  ],
});

const scores = [
  'very dissatisfied',
  'dissatisfied',
  'neither satisfied nor dissatisfied',
  'satisfied',
  'very satisfied',
];

/** The signed survey link with the score chosen; the signature in the link is kept as it is. */
export function scoreLink(csat: string, score: number): string {
  return `${csat}${csat.includes('?') ? '&' : '?'}score=${score}`;
}

/** R13: after closing, the requester rates the service with one click and may add a comment. */
const csatSurvey: LetterTemplate = ({ ticket, links, tag }) => {
  if (!links.csat) throw new Error(`the CSAT survey for ${ticket.number} needs its signed link (links.csat)`);
  const csat = links.csat;
  return {
    subject: `How did we do? ${ticket.affected}`,
    intro:
      `Your request ${ticket.number} is closed. We would like to know how satisfied you are with the ` +
      'quality of the service you received.',
    blocks: [
      { paragraph: 'Please choose a score; one click is enough:' },
      { links: scores.map((label, i) => ({ label: `${i + 1} - ${label}`, href: scoreLink(csat, i + 1) })) },
      { paragraph: 'The page that opens invites you to add a comment: we read every one.' },
    ],
    closing: [
      `If anything about the resolution is unclear, reply to this e-mail keeping ${tag} in its subject and we will clarify it.`,
      'Thank you for helping us improve our service.',
    ],
  };
};

export const closureLetters = {
  'testing-requested': testingRequested,
  resolved,
  'closed-unresolved': closedUnresolved,
  'csat-survey': csatSurvey,
} satisfies Partial<Record<TicketLetterKind, LetterTemplate>>;
