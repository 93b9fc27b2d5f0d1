import type { Stage } from '../domain/ticket';
import { heldReason } from './held-service';
import { type IncidentTicketCommandName as Name, type IncidentTicketCommands as Commands } from './messages';
import { missingFields, notAllowedNow } from './refusals';
import { afterAction, scheduleStatusUpdate } from './service-level';
import { working } from './stage-rules';
import { enterStage, type EventDraft, type TicketState } from './ticket-state';
import { allowedActions } from './transitions';

interface IncidentRule<C extends Name> {
  from: readonly Stage[];
  blockedBecause: (state: TicketState, command: Commands[C]) => string | undefined;
  apply: (state: TicketState, command: Commands[C], at: string) => EventDraft[];
  /** What the clocks do after it; may add events. */
  after?: (state: TicketState, command: Commands[C], at: string) => Promise<EventDraft[]>;
}

const notThisIncident = (state: TicketState, incident: string) =>
  state.incident?.number === incident ? undefined : `the ticket is not linked to ${incident}`;

/** How a ticket takes what its major incident tells it. */
const incidentRules: { [C in Name]: IncidentRule<C> } = {
  'link-incident': {
    from: working,
    blockedBecause: (state) =>
      state.incident && !state.incident.resolvedAt
        ? `the ticket is already linked to ${state.incident.number}`
        : undefined,
    apply: (state, { actor, incident }) => {
      state.incident = incident;
      return [{ type: 'incident-linked', actor, data: { incident: incident.number, title: incident.title } }];
    },
  },
  'unlink-incident': {
    from: working,
    blockedBecause: (state, { incident }) => notThisIncident(state, incident),
    apply: (state, { actor, incident, reason }) => {
      state.incident = null;
      return [{ type: 'incident-unlinked', actor, data: { incident, reason } }];
    },
    after: async (state, _command, at) => {
      // Its own status letters resume from now, not from a moment that passed while the incident spoke.
      await scheduleStatusUpdate(state.sla, state.priority, at);
      return [];
    },
  },
  'incident-update': {
    from: working,
    blockedBecause: (state, { incident }) => notThisIncident(state, incident),
    apply: (state, { actor, incident, message }, at) => {
      state.incident = { ...state.incident!, lastUpdate: { message, at } };
      state.sla.statusUpdatesSent += 1;
      const data = {
        incident,
        message,
        stage: state.stage,
        tier: state.tier,
        assignee: state.assignee,
        resolutionDue: state.sla.resolution.dueAt,
        at,
      };
      return [{ type: 'status-update-sent', actor, data, notify: 'status-update' }];
    },
  },
  'incident-resolved': {
    from: ['OPEN', 'ANALYSIS', 'SOLUTION'],
    blockedBecause: (state, { incident }) => notThisIncident(state, incident) ?? heldReason(state),
    apply: (state, { actor, incident, solution }, at) => {
      state.solution = { text: solution, by: actor, at };
      state.incident = { ...state.incident!, resolvedAt: at };
      state.verification = null;
      enterStage(state, 'CUSTOMER_TESTING', at);
      return [
        { type: 'solution-proposed', stage: 'SOLUTION', actor, data: { solution, incident } },
        { type: 'testing-started', actor, data: { incident }, notify: 'testing-requested' },
      ];
    },
    // The same clocks as a solution proposed and handed to testing by hand.
    after: async (state, { actor, solution }, at) => [
      ...(await afterAction(state, 'propose-solution', { actor, solution }, at)),
      ...(await afterAction(state, 'start-testing', { actor }, at)),
    ],
  },
};

/** Runs in the update validator: what the ticket cannot take is refused before it enters history. */
export function validateIncidentCommand<C extends Name>(state: TicketState, name: C, command: Commands[C]) {
  const rule = incidentRules[name];
  if (typeof command?.actor !== 'string' || typeof command.incident === 'undefined') {
    throw missingFields(name, ['actor', 'incident']);
  }
  const blocked = rule.from.includes(state.stage)
    ? rule.blockedBecause(state, command)
    : `not allowed in stage ${state.stage}`;
  if (blocked) throw notAllowedNow(name, blocked, state.stage, allowedActions(state));
}

export async function applyIncidentCommand<C extends Name>(
  state: TicketState,
  name: C,
  command: Commands[C],
  at: string,
): Promise<EventDraft[]> {
  validateIncidentCommand(state, name, command);
  const rule = incidentRules[name];
  const drafts = rule.apply(state, command, at);
  return [...drafts, ...((await rule.after?.(state, command, at)) ?? [])];
}
