import type { IncidentEvent, IncidentNotice, IncidentView } from '../domain/incident';
import type { TicketAnswer } from '../activities/incident-tickets';

export interface DeclareIncidentInput {
  number: string;
  title: string;
  impact: string;
  service: string;
  declaredBy: string;
  declaredAt: string;
  /** History events after which the incident continues as new, even before the server suggests it. */
  historyLimit?: number;
}

/** All an incident knows: its view, and what the run needs besides; carried whole through continue-as-new. */
export interface IncidentState {
  view: IncidentView;
  nextSeq: number;
  registered: boolean;
  historyLimit?: number;
}

export function newIncidentState(input: DeclareIncidentInput): IncidentState {
  const { number, title, impact, service, declaredBy, declaredAt, historyLimit } = input;
  return {
    view: {
      number,
      title,
      impact,
      service,
      status: 'open',
      priority: null,
      declaredBy,
      declaredAt,
      resolvedAt: null,
      solution: null,
      lastUpdate: null,
      tickets: [],
      timeline: [],
      version: 0,
    },
    nextSeq: 1,
    registered: false,
    historyLimit,
  };
}

export function recordIncidentEvent(
  state: IncidentState,
  event: Omit<IncidentEvent, 'seq' | 'data'> & { data?: IncidentEvent['data'] },
): void {
  state.view.timeline.push({ seq: state.nextSeq++, data: {}, ...event });
  state.view.version += 1;
}

/** The public text a linked ticket carries. */
export function noticeOf({ view }: IncidentState): IncidentNotice {
  const { number, title, service, lastUpdate, resolvedAt } = view;
  return { number, title, service, lastUpdate, resolvedAt };
}

export type Tell = (
  tickets: string[],
  update: string,
  command: Record<string, unknown>,
) => Promise<TicketAnswer[]>;

/** One of the incident's commands: what it needs, what blocks it, and what it does. */
export interface IncidentRule<C> {
  required: readonly string[];
  blockedBecause: (state: IncidentState, command: C) => string | undefined;
  apply: (state: IncidentState, command: C, at: string, tell: Tell) => Promise<void>;
}
