import { eventType, type TimelineEntry } from './ticket-events';

// Plain JSON: a dossier is stored in PostgreSQL and its summary travels through Temporal activity payloads.

export interface DossierSummary {
  dossierId: string;
  events: number;
  /** Every tier the ticket has been at, in the order it first got there. */
  tiers: string[];
  /** Everyone on the desk who acted on, was assigned or was dispatched to the ticket, first-come order. */
  agents: string[];
}

/** "The complete details of all activity" (R20), as the manager was shown them when asked to decide. */
export interface ManagerDossier {
  compiledAt: string;
  ticket: Record<string, unknown> & { number: string; tier: string; requesterEmail: string };
  timeline: TimelineEntry[];
  letters: {
    kind: string;
    recipient: string;
    eventSeq: number | null;
    queuedAt: string;
    sentAt: string | null;
  }[];
  dispatches: {
    id: string;
    engineer: { id: string; name: string; email: string };
    appointmentAt: string;
    promiseDue: string;
    createdAt: string;
  }[];
}

/** What the manager is told when asked to decide; the dossier itself holds the details. */
export function summarizeDossier(dossierId: string, dossier: ManagerDossier): DossierSummary {
  const { ticket, timeline, dispatches } = dossier;
  const firstEscalation = timeline.find((e) => e.type === eventType.escalated);
  const tiers: unknown[] = [firstEscalation?.data.from ?? ticket.tier];
  const agents: unknown[] = [];
  for (const e of timeline) {
    if (e.type === eventType.escalated) tiers.push(e.data.to);
    if (e.type === eventType['manager-decided']) tiers.push(e.data.tier);
    agents.push(e.actor);
    if (e.type === eventType.assigned) agents.push(e.data.engineer);
  }
  agents.push(...dispatches.map((d) => d.engineer.email));
  // The requester and the workflow itself act on the ticket too, but they are not the desk's people.
  const desk = agents.filter((a) => a !== 'system' && a !== ticket.requesterEmail);
  return { dossierId, events: timeline.length, tiers: distinctNames(tiers), agents: distinctNames(desk) };
}

function distinctNames(values: unknown[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string'))];
}
