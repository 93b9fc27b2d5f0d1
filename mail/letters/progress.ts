import { tiers, type Tier } from '../../domain/ticket';
import type { LetterTemplate, TicketLetterKind } from './types';
import {
  followOnline,
  formatInstant,
  numberOf,
  priorityLabel,
  recordOf,
  sentence,
  stageLabel,
  textOf,
  tierLabel,
} from './wording';

/** R11: the question, and that the clocks wait for the answer. */
const infoRequested: LetterTemplate = ({ ticket, event, tag }) => ({
  subject: `We need more information: ${ticket.affected}`,
  intro: `To go on with your request ${ticket.number}, we need some more information from you.`,
  blocks: [
    { paragraph: 'Our question:' },
    { quote: textOf(event.data, 'question') ?? '' },
    {
      paragraph:
        `Please answer by replying to this e-mail, keeping ${tag} in its subject. Until we have your answer, ` +
        'the service-level clocks of your request are paused; they resume as soon as you reply.',
    },
  ],
});

/** R15: the requester is told at once, from which priority to which, and why. */
const priorityChanged: LetterTemplate = ({ ticket, event }) => {
  const from = priorityLabel(textOf(event.data, 'from') ?? '?');
  const to = priorityLabel(textOf(event.data, 'to') ?? ticket.priority);
  const reason = textOf(event.data, 'reason');
  const due = ticket.sla?.resolution?.dueAt;
  return {
    subject: `Priority changed from ${from} to ${to}: ${ticket.affected}`,
    intro: `The priority of your request ${ticket.number} has been changed from ${from} to ${to}.`,
    blocks: [
      ...(reason ? [{ paragraph: 'The reason:' }, { quote: reason }] : []),
      ...(due ? [{ paragraph: `With the new priority, a solution is due by ${formatInstant(due)}.` }] : []),
    ],
  };
};

/** R17: regular updates on critical and high tickets until a solution is given. */
const statusUpdate: LetterTemplate = ({ ticket, event, links }) => {
  const due = textOf(event.data, 'resolutionDue') ?? ticket.sla?.resolution?.dueAt;
  // While a major incident carries the request, its update is written once for every request it hit.
  const incident = textOf(event.data, 'incident');
  const message = textOf(event.data, 'message');
  return {
    subject: `Status update: ${ticket.affected}`,
    intro: incident
      ? `Your request ${ticket.number} is part of a wider incident (${incident}) that we are working on as one. Here is the latest update.`
      : `Here is the regular status update on your request ${ticket.number}.`,
    blocks: [
      ...(message ? [{ quote: message }] : []),
      {
        facts: [
          ['Status', stageLabel(textOf(event.data, 'stage') ?? ticket.stage)],
          ['Handled by', tierLabel(textOf(event.data, 'tier') ?? ticket.tier)],
          ['Engineer', textOf(event.data, 'assignee') ?? 'being assigned'],
          ...(due ? [['Solution due by', formatInstant(due)] as [string, string]] : []),
        ],
      },
      { paragraph: 'We will keep you updated at regular intervals until a solution is given.' },
      ...followOnline(links),
    ],
  };
};

const nextSteps: Record<string, string> = {
  TIER_2: 'Our senior engineers now take your request forward.',
  TIER_3: 'Our specialists now take your request forward.',
  ONSITE: 'A field engineer will visit your site; we will write to you about the appointment.',
  MANAGER: 'Our IT manager now reviews all activity on your request and decides how to go on.',
};

/**
 * R19: every escalation is told to the requester: to which tier and why. Rungs climbed while the desk was
 * unreachable come as one letter (`climbedFrom`), naming every time frame that ran out.
 */
const escalated: LetterTemplate = ({ ticket, event }) => {
  const lastFrom = textOf(event.data, 'from') ?? '?';
  const firstFrom = textOf(event.data, 'climbedFrom') ?? lastFrom;
  const from = tierLabel(firstFrom);
  const toTier = textOf(event.data, 'to') ?? ticket.tier;
  const to = tierLabel(toTier);
  const reason = textOf(event.data, 'reason');
  const ranOut = tiers.slice(tiers.indexOf(firstFrom as Tier), tiers.indexOf(lastFrom as Tier) + 1);
  const frames =
    ranOut.length > 1
      ? `the time frames of ${ranOut.slice(0, -1).map(tierLabel).join(', ')} and ${tierLabel(lastFrom)} ran out one after another`
      : `the time frame of ${from} ran out`;
  return {
    subject: `Your request has been escalated to ${to}: ${ticket.affected}`,
    intro: `Your request ${ticket.number} has been escalated from ${from} to ${to}.`,
    blocks: [
      event.data.automatic === true
        ? { paragraph: `Why: ${frames} before a solution was found.` }
        : { paragraph: `Why: ${sentence(reason ?? 'the engineer asked for more expertise')}` },
      ...(nextSteps[toTier] ? [{ paragraph: nextSteps[toTier] }] : []),
    ],
  };
};

/** R21: a field engineer has been dispatched with an appointment within the onsite promise. */
const engineerDispatched: LetterTemplate = ({ ticket, event }) => {
  const engineer = recordOf(event.data, 'engineer');
  const appointmentAt = textOf(event.data, 'appointmentAt');
  return {
    subject: `A field engineer has been assigned: ${ticket.affected}`,
    intro: `A field engineer will come to your site for your request ${ticket.number}.`,
    blocks: [
      {
        facts: [
          ['Engineer', textOf(engineer, 'name') ?? 'to be confirmed'],
          ...(appointmentAt ? [['Appointment', formatInstant(appointmentAt)] as [string, string]] : []),
        ],
      },
      { paragraph: 'The engineer will call your site contact to confirm the appointment.' },
    ],
  };
};

/** R20: the IT manager's decision, as far as it concerns the requester. */
const managerDecided: LetterTemplate = ({ ticket, event }) => {
  const caseRef = textOf(event.data, 'vendorCaseRef');
  const frame = numberOf(event.data, 'frameMinutes');
  const decision =
    textOf(event.data, 'decision') === 'engage-vendor'
      ? `Our IT manager has engaged the vendor to solve it${caseRef ? ` (vendor case ${caseRef})` : ''}; we follow the vendor up until it is solved.`
      : `Our IT manager has decided that ${tierLabel(textOf(event.data, 'tier') ?? ticket.tier)} goes on working on it` +
        `${frame ? `, with a new time frame of ${frame} business minutes` : ''}.`;
  return {
    subject: `Decision on your request: ${ticket.affected}`,
    intro: `Our IT manager has reviewed all activity on your request ${ticket.number}.`,
    blocks: [{ paragraph: decision }],
  };
};

export const progressLetters = {
  'info-requested': infoRequested,
  'priority-changed': priorityChanged,
  'status-update': statusUpdate,
  escalated,
  'engineer-dispatched': engineerDispatched,
  'manager-decided': managerDecided,
} satisfies Partial<Record<TicketLetterKind, LetterTemplate>>;
