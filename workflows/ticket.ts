import {
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { TicketView } from '../domain/ticket';
import { acceptBySilence, awaitingCustomerVerdict, customerTestingDeadline } from './customer-testing';
import {
  actionNames,
  actionUpdates,
  registeredUpdate,
  ticketQuery,
  type ActionCommands,
  type ActionName,
} from './messages';
import { publishChange } from './ticket-publisher';
import { newTicketState, ticketView, type OpenTicketInput, type TicketState } from './ticket-state';
import { allowedActions, applyAction, validateAction } from './transitions';

export type TicketWorkflowInput = { open: OpenTicketInput } | { resume: TicketState };

/** One support ticket, from intake to CLOSED (R8–R10). Workflow id = ticket number. */
export async function ticketWorkflow(input: TicketWorkflowInput): Promise<TicketView> {
  const state = 'resume' in input ? input.resume : newTicketState(input.open);
  const view = () => ticketView(state, allowedActions(state));

  setHandler(ticketQuery, view);
  setHandler(registeredUpdate, async () => {
    await condition(() => state.registered);
    return view();
  });
  for (const name of actionNames) handleAction(state, name, view);

  if (!state.registered) {
    const opened = {
      type: 'opened',
      actor: state.intake.requester.email,
      notify: 'acknowledgement' as const,
    };
    await publishChange(state, [{ ...opened, data: { channel: state.intake.channel } }], state.receivedAt);
    state.registered = true;
  }

  while (!isClosed(state)) {
    if (awaitingCustomerVerdict(state)) {
      const entered = state.stageEnteredAt.CUSTOMER_TESTING;
      const deadline = customerTestingDeadline(state);
      const answered = await condition(
        () => !awaitingCustomerVerdict(state) || state.stageEnteredAt.CUSTOMER_TESTING !== entered,
        Math.max(0, deadline - Date.now()),
      );
      // Recorded at the deadline itself, not when the timer's task ran: the period is exact.
      const at = new Date(deadline).toISOString();
      if (!answered) await publishChange(state, acceptBySilence(state, at), at);
    } else {
      const version = state.version;
      await condition(() => state.version !== version || workflowInfo().continueAsNewSuggested);
    }
    if (workflowInfo().continueAsNewSuggested && !isClosed(state)) {
      // Handlers mutate `state`; let every one finish so the next run starts from a settled ticket.
      await condition(allHandlersFinished);
      await continueAsNew<typeof ticketWorkflow>({ resume: state });
    }
  }
  await condition(allHandlersFinished);
  return view();
}

function handleAction(state: TicketState, name: ActionName, view: () => TicketView): void {
  type AnyCommand = ActionCommands[ActionName];
  const update = actionUpdates[name] as UpdateDefinition<TicketView, [AnyCommand]>;
  setHandler(
    update,
    async (command: AnyCommand) => {
      const at = now();
      const draft = applyAction(state, name, command, at);
      await publishChange(state, [draft], at);
      return view();
    },
    { validator: (command: AnyCommand) => validateAction(state, name, command) },
  );
}

function isClosed(state: TicketState): boolean {
  return state.stage === 'CLOSED';
}

function now(): string {
  return new Date().toISOString();
}
