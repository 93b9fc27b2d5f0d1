import type { LetterTemplate, TicketLetterKind } from './types';
import { deskFacts, formatInstant, listOf, numberOf, sentence, textOf, tierLabel } from './wording';

// Letters to people on the desk (tier leads, engineers, the IT manager): the ticket at a glance and what to do.

const managerDecisions =
  'Decide whether to continue at a tier with a new time frame, engage the vendor, or close it unresolved.';

/**
 * R19: the tier's lead learns that an escalated ticket waits in the tier's queue. At the top of the ladder
 * the lead is the IT manager, who takes no ticket from a queue but decides what becomes of it (R20).
 */
const escalationQueued: LetterTemplate = ({ ticket, event }) => {
  const toTier = textOf(event.data, 'to') ?? ticket.tier;
  const to = tierLabel(toTier);
  const from = tierLabel(textOf(event.data, 'from') ?? '?');
  const why =
    event.data.automatic === true
      ? `the time frame of ${from} ran out unresolved`
      : (textOf(event.data, 'reason') ?? 'escalated by hand');
  if (toTier === 'MANAGER') {
    return {
      subject: `Escalated to you, your decision is needed: ${ticket.affected}`,
      intro: `Ticket ${ticket.number} has been escalated from ${from} to ${to} and waits for your decision.`,
      blocks: [
        { paragraph: `Why: ${sentence(why)}` },
        { facts: deskFacts(ticket) },
        { paragraph: managerDecisions },
      ],
    };
  }
  return {
    subject: `Escalated to ${to}, waiting for an engineer: ${ticket.affected}`,
    intro: `Ticket ${ticket.number} has been escalated from ${from} to ${to} and waits in the queue for an engineer.`,
    blocks: [{ paragraph: `Why: ${sentence(why)}` }, { facts: deskFacts(ticket) }],
  };
};

const clockNames: Record<string, string> = {
  response: 'response',
  resolution: 'resolution',
  onsite: 'onsite',
};

function slaAlert(breached: boolean): LetterTemplate {
  return ({ ticket, event }) => {
    const clock = clockNames[textOf(event.data, 'clock') ?? ''] ?? 'service-level';
    const dueAt = textOf(event.data, 'dueAt');
    const target = numberOf(event.data, 'targetMinutes');
    const due = dueAt ? formatInstant(dueAt) : 'its due time';
    return {
      subject: `SLA ${breached ? 'breached' : 'at risk'}, ${clock} target: ${ticket.affected}`,
      intro: breached
        ? `The ${clock} target of ticket ${ticket.number} has been breached: it was due by ${due}.`
        : `The ${clock} target of ticket ${ticket.number} is at risk: it is due by ${due}.`,
      blocks: [
        {
          facts: [
            ...deskFacts(ticket),
            ...(target ? [['Target', `${target} business minutes`] as [string, string]] : []),
          ],
        },
        {
          paragraph: breached
            ? 'Please act on it now and tell the requester.'
            : 'Please act on it before it is due.',
        },
      ],
    };
  };
}

/** R21: the field engineer learns where to go and by when. */
const dispatchAssigned: LetterTemplate = ({ ticket, event }) => {
  const appointmentAt = textOf(event.data, 'appointmentAt');
  const promiseDue = textOf(event.data, 'promiseDue');
  return {
    subject: `Onsite visit assigned: ${ticket.organization}, ${ticket.affected}`,
    intro: `You have been dispatched to ticket ${ticket.number} at ${ticket.organization}.`,
    blocks: [
      {
        facts: [
          ...(appointmentAt ? [['Appointment', formatInstant(appointmentAt)] as [string, string]] : []),
          ...(promiseDue ? [['On site by', formatInstant(promiseDue)] as [string, string]] : []),
          ...deskFacts(ticket),
        ],
      },
      {
        paragraph:
          'Please confirm the appointment with the site contact and record your arrival on the ticket.',
      },
    ],
  };
};

const dispatchFailed: LetterTemplate = ({ ticket, event }) => {
  const promiseDue = textOf(event.data, 'promiseDue');
  return {
    subject: `No field engineer available: ${ticket.organization}, ${ticket.affected}`,
    intro: `No field engineer who serves ${ticket.organization} was available for ticket ${ticket.number}.`,
    blocks: [
      { facts: deskFacts(ticket) },
      {
        paragraph: `Please arrange the visit by hand${promiseDue ? `: the onsite promise is due by ${formatInstant(promiseDue)}` : ''}.`,
      },
    ],
  };
};

/** R21: the Onsite tier's lead learns that the site contact can only be seen after the promise runs out. */
const appointmentBeyondPromise: LetterTemplate = ({ ticket, event }) => {
  const appointmentAt = textOf(event.data, 'appointmentAt');
  const promiseDue = textOf(event.data, 'promiseDue');
  const breached = textOf(event.data, 'onsite') === 'breached';
  return {
    subject: `Onsite promise ${breached ? 'breached' : 'at risk'}, visit after the promise: ${ticket.affected}`,
    intro: `The visit to ${ticket.organization} for ticket ${ticket.number} was agreed for after its onsite promise.`,
    blocks: [
      {
        facts: [
          ...(appointmentAt ? [['Appointment', formatInstant(appointmentAt)] as [string, string]] : []),
          ...(promiseDue ? [['On site by', formatInstant(promiseDue)] as [string, string]] : []),
          ['Why', textOf(event.data, 'reason') ?? ''],
          ...deskFacts(ticket),
        ],
      },
      { paragraph: 'Please send someone sooner if you can, or tell the requester why the visit is later.' },
    ],
  };
};

/** R20: the manager is asked to decide, with what the dossier holds. */
const decisionRequested: LetterTemplate = ({ ticket, event }) => {
  const since = textOf(event.data, 'waitingSince');
  return {
    subject: `Your decision is needed: ${ticket.affected}`,
    intro: `Ticket ${ticket.number} has reached the IT manager decision point and needs your decision.`,
    blocks: [
      {
        facts: [
          ...deskFacts(ticket),
          ['Dossier', textOf(event.data, 'dossierId') ?? ''],
          ['Events on record', String(numberOf(event.data, 'events') ?? 0)],
          ['Tiers so far', listOf(event.data, 'tiers').map(tierLabel).join(', ')],
          ['People involved', listOf(event.data, 'agents').join(', ')],
          ...(since ? [['Waiting since', formatInstant(since)] as [string, string]] : []),
        ],
      },
      { paragraph: managerDecisions },
    ],
  };
};

const reminderNumber = (data: Record<string, unknown>) => {
  const n = numberOf(data, 'reminders');
  return n ? ` ${n}` : '';
};

const managerReminder: LetterTemplate = ({ ticket, event }) => {
  const since = textOf(event.data, 'waitingSince');
  return {
    subject: `Reminder${reminderNumber(event.data)}, your decision is needed: ${ticket.affected}`,
    intro: `Ticket ${ticket.number} is still waiting for your decision${since ? `, since ${formatInstant(since)}` : ''}.`,
    blocks: [{ facts: deskFacts(ticket) }],
  };
};

const vendorFollowUp: LetterTemplate = ({ ticket, event }) => {
  const caseRef = textOf(event.data, 'caseRef') ?? 'the vendor case';
  return {
    subject: `Follow up vendor case ${caseRef}: ${ticket.affected}`,
    intro: `It is time to follow up ${caseRef} with the vendor for ticket ${ticket.number} (follow-up ${numberOf(event.data, 'followUps') ?? 1}).`,
    blocks: [{ facts: deskFacts(ticket) }],
  };
};

export const deskLetters = {
  'escalation-queued': escalationQueued,
  'sla-at-risk': slaAlert(false),
  'sla-breached': slaAlert(true),
  'dispatch-assigned': dispatchAssigned,
  'dispatch-failed': dispatchFailed,
  'appointment-beyond-promise': appointmentBeyondPromise,
  'manager-decision-requested': decisionRequested,
  'manager-reminder': managerReminder,
  'vendor-follow-up': vendorFollowUp,
} satisfies Partial<Record<TicketLetterKind, LetterTemplate>>;
