import type { Block } from './layout';
import type { LetterContext, LetterTemplate, TicketLetterKind } from './types';
import {
  deskFacts,
  followOnline,
  formatInstant,
  priorityLabel,
  reported,
  requesterLine,
  textOf,
} from './wording';

/** R1: the automatic acknowledgement with the ticket number and what happens next. */
const missingLabels: Record<string, [label: string, what: string]> = {
  'requester.phone': ['Phone', 'a number where we can reach you'],
  site: ['Site address, Building, Room', 'where the problem is'],
  siteContact: ['Site contact, Site contact phone', 'who receives our engineer'],
};

/** An e-mail request may lack R2 details a form would require; ask for them as labelled lines. */
function missingDetails(missing: unknown): Block[] {
  if (!Array.isArray(missing) || missing.length === 0) return [];
  return [
    {
      paragraph:
        'To serve you without delay we still need the following; please reply with one line each, e.g. "Room: 402".',
    },
    { facts: missing.map((field) => missingLabels[String(field)] ?? [String(field), 'required']) },
  ];
}

const acknowledgement: LetterTemplate = ({ ticket, links, event }) => {
  const due = ticket.sla?.response?.dueAt;
  const priority = priorityLabel(ticket.priority);
  return {
    subject: `Request received: ${ticket.affected}`,
    intro:
      `Thank you for contacting us. Your request has been registered as ticket ${ticket.number}; ` +
      'please quote this number in any follow-up.',
    blocks: [
      {
        facts: [
          ['Ticket number', ticket.number],
          ['Reported', reported(ticket)],
          ['Priority', priority],
          ...(due ? [['First response due by', formatInstant(due)] as [string, string]] : []),
        ],
      },
      {
        paragraph: due
          ? `What happens next: an engineer reviews your request and contacts you by ${formatInstant(due)}, the first-response time of its priority, ${priority}.`
          : `What happens next: an engineer reviews your request and contacts you within the first-response time of its priority, ${priority}.`,
      },
      ...missingDetails(event.data.missing),
      ...followOnline(links),
    ],
  };
};

interface HeldReason {
  why: (context: LetterContext) => string;
  resumesForRequester: string;
  resumesForStaff: string;
}

const heldReasons: Record<string, HeldReason> = {
  'contract-expired': {
    why: ({ ticket }) => `the service contract of ${ticket.organization} is out of date`,
    resumesForRequester:
      'Service resumes as soon as the contract is renewed; your account manager can help with the renewal.',
    resumesForStaff:
      'Service resumes as soon as the contract is renewed: please arrange the renewal with the customer.',
  },
  'not-justified': {
    why: () => 'the request is not fully justified as it stands',
    resumesForRequester:
      'Service resumes as soon as the request is justified: reply to this e-mail with the missing information.',
    resumesForStaff:
      'Service resumes as soon as the request is justified: please help the requester complete it.',
  },
};

const otherHold: HeldReason = {
  why: () => 'it needs to be cleared before we can go on',
  resumesForRequester: 'Service resumes as soon as this is cleared; reply to this e-mail with any questions.',
  resumesForStaff: 'Service resumes as soon as this is cleared.',
};

/** R5: service is delayed; the requester and the account manager are told why and what resumes it. */
const ticketHeld: LetterTemplate = (context) => {
  const { ticket, event, toRequester } = context;
  const reason = heldReasons[textOf(event.data, 'reason') ?? ''] ?? otherHold;
  const detail = textOf(event.data, 'detail');
  const why = reason.why(context);
  return {
    subject: toRequester
      ? `Your request is on hold: ${ticket.affected}`
      : `Ticket on hold: ${ticket.organization}`,
    intro: toRequester
      ? `We are sorry to tell you that we have put your request ${ticket.number} on hold, because ${why}.`
      : `Ticket ${ticket.number}, reported by ${requesterLine(ticket)} of ${ticket.organization}, is on hold, because ${why}.`,
    blocks: [
      ...(detail ? [{ paragraph: 'In detail:' }, { quote: detail }] : []),
      ...(toRequester ? [] : [{ facts: deskFacts(ticket) }]),
      { paragraph: toRequester ? reason.resumesForRequester : reason.resumesForStaff },
    ],
  };
};

export const intakeLetters = {
  acknowledgement,
  'ticket-held': ticketHeld,
} satisfies Partial<Record<TicketLetterKind, LetterTemplate>>;
