import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { IncidentView } from '../domain/incident';
import type { TicketActivities } from '../activities';
import type { TicketAnswer } from '../activities/incident-tickets';
import { projection } from './activity-proxies';
import { incidentRules } from './incident-commands';
import {
  incidentDeclaredUpdate,
  incidentQuery,
  incidentUpdates,
  type IncidentCommandName,
  type IncidentCommands,
} from './messages';
import { oneAtATime } from './one-at-a-time';
import { missingFields, notAllowedNow } from './refusals';
import {
  newIncidentState,
  recordIncidentEvent,
  type DeclareIncidentInput,
  type IncidentRule,
  type IncidentState,
  type Tell,
} from './incident-state';

export type IncidentWorkflowInput = { declare: DeclareIncidentInput } | { resume: IncidentState };

/** Tickets told per activity: one change to a hundred tickets is a few bounded steps, never one huge one. */
export const TICKETS_PER_BATCH = 20;

const tickets = proxyActivities<TicketActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * A major incident (R14, R15, R17): declared once, its tickets linked to it, worked and told together, and
 * resolved together, each ticket then testing and closing on its own (R9, R10).
 */
export async function incidentWorkflow(input: IncidentWorkflowInput): Promise<IncidentView> {
  const state = 'resume' in input ? input.resume : newIncidentState(input.declare);
  setHandler(incidentQuery, () => state.view);
  setHandler(incidentDeclaredUpdate, async () => {
    await condition(() => state.registered);
    return state.view;
  });
  const exclusive = oneAtATime();
  const tell: Tell = async (numbers, update, command) => {
    const change = uuid4();
    const answers: TicketAnswer[] = [];
    for (let i = 0; i < numbers.length; i += TICKETS_PER_BATCH) {
      const batch = numbers.slice(i, i + TICKETS_PER_BATCH);
      answers.push(...(await tickets.tellTickets({ change, tickets: batch, update, command })));
    }
    return answers;
  };
  for (const name of Object.keys(incidentUpdates) as IncidentCommandName[]) {
    type AnyCommand = IncidentCommands[IncidentCommandName];
    const rule = incidentRules[name] as IncidentRule<AnyCommand>;
    setHandler(
      incidentUpdates[name] as UpdateDefinition<IncidentView, [AnyCommand]>,
      (command: AnyCommand) =>
        exclusive(async () => {
          validate(state, name, rule, command);
          await rule.apply(state, command, new Date().toISOString(), tell);
          await projection.recordIncident(state.view);
          return state.view;
        }),
      { validator: (command: AnyCommand) => validate(state, name, rule, command) },
    );
  }
  if (!state.registered) {
    recordIncidentEvent(state, {
      type: 'declared',
      actor: state.view.declaredBy,
      at: state.view.declaredAt,
      data: { title: state.view.title, service: state.view.service },
    });
    await projection.recordIncident(state.view);
    state.registered = true;
  }
  for (;;) {
    await condition(() => state.view.status === 'resolved' || historyTooLong(state));
    await condition(allHandlersFinished);
    if (state.view.status === 'resolved') return state.view;
    await continueAsNew<typeof incidentWorkflow>({ resume: state });
  }
}

function validate<C>(state: IncidentState, name: string, rule: IncidentRule<C>, command: C): void {
  const given = command as Record<string, unknown> | undefined;
  const missing = ['actor', ...rule.required].filter(
    (field) => typeof given?.[field] !== 'string' || (given[field] as string).trim() === '',
  );
  if (missing.length > 0) throw missingFields(name, missing);
  const blocked =
    state.view.status === 'resolved' ? 'the incident is resolved' : rule.blockedBecause(state, command);
  if (blocked) throw notAllowedNow(name, blocked, state.view.status, []);
}

function historyTooLong(state: IncidentState): boolean {
  const { continueAsNewSuggested, historyLength } = workflowInfo();
  return continueAsNewSuggested || (state.historyLimit !== undefined && historyLength >= state.historyLimit);
}
