import type { Priority } from '../domain/priority';
import type { TicketIntake } from '../domain/ticket';
import { slaView } from './sla-view';
import type { TicketState } from './ticket-state';

/**
 * How a ticket reads in the Temporal UI (R25): a one-line summary and the intake as details, fixed at start,
 * and its current details, which the workflow keeps up to date. All Temporal markdown; pure, so the API
 * (at start) and the workflow (on every change) can share it.
 */

const SUMMARY_LIMIT = 140;

export function ticketSummary(number: string, intake: TicketIntake, priority: Priority): string {
  const line = [number, intake.organization, priority, `${intake.affected}: ${intake.description}`]
    .map(oneLine)
    .join(' · ');
  return escapeMarkdown(line.length > SUMMARY_LIMIT ? `${line.slice(0, SUMMARY_LIMIT - 1)}…` : line);
}

export function ticketDetails(intake: TicketIntake): string {
  const { requester, site, siteContact, remoteEngineer } = intake;
  return lines([
    ['Requester', `${requester.name} <${requester.email}>${requester.phone ? `, ${requester.phone}` : ''}`],
    ['Site', site && `${site.address}, ${site.building}, room ${site.room}`],
    ['Site contact', siteContact && `${siteContact.name}, ${siteContact.phone}`],
    [
      'Remote engineer',
      remoteEngineer &&
        [remoteEngineer.name, remoteEngineer.phone, remoteEngineer.email].filter(Boolean).join(', '),
    ],
    ['Still missing', intake.missing?.join(', ')],
    ['Affected', intake.affected],
    ['Description', intake.description],
    ['Impact / urgency', `${intake.impact} / ${intake.urgency}, via ${intake.channel}`],
    ['Actions tried', intake.actionsTried],
    ['Error messages', intake.errorMessages],
    ['Field work', intake.fieldWork && `${intake.fieldWork.scope} (${intake.fieldWork.appointment})`],
    ['Parts', intake.partReplacement?.parts.map((part) => part.partNumber).join(', ')],
  ]);
}

/** Where the ticket stands now: what a manager looking at a running ticket wants first. */
export function currentDetails(state: TicketState): string {
  const sla = slaView(state.sla);
  const since = state.stageEnteredAt[state.stage];
  return lines([
    ['Stage', `${state.stage}${since ? ` since ${since}` : ''} · ${state.tier} · ${state.priority}`],
    ['Assigned engineer', state.assignee ?? 'nobody yet'],
    ['SLA', `${sla.state}, resolution due ${sla.resolution?.dueAt ?? '(not running)'}`],
    [
      'Waiting on the client',
      sla.waitingOnClient && `since ${sla.waitingOnClient.since}: ${sla.waitingOnClient.question}`,
    ],
    ['Onsite', sla.dispatch && `${sla.dispatch.engineer.name}, appointment ${sla.dispatch.appointmentAt}`],
    ['Manager decision', sla.manager && `pending since ${sla.manager.since}`],
    ['Vendor case', sla.vendor?.caseRef],
    ['Solution', state.solution?.text],
    ['Verification', state.verification && `${state.verification.method} by ${state.verification.by}`],
    ['Resolution', state.resolution?.text],
  ]);
}

function lines(entries: [label: string, value: string | null | undefined][]): string {
  return entries
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([label, value]) => `**${label}**: ${escapeMarkdown(oneLine(value))}`)
    .join('  \n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Requesters write these texts: their asterisks and brackets must read as typed, not turn into markup.
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (char) => `\\${char}`);
}
