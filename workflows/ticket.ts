import {
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { OpeningTerms } from '../activities/opening-terms';
import type { TicketView } from '../domain/ticket-view';
import { nextMoment } from './agenda';
import { oneAtATime, type Exclusive } from './one-at-a-time';
import { catchUp } from './catch-up';
import {
  agreeAppointmentBeyondPromise,
  dispatchFieldWorkAtIntake,
  validateAppointmentBeyondPromise,
} from './field-work';
import { startLetterCourier, surveyOnClosing } from './letter-courier';
import { holdIfContractLapsed } from './held-service';
import { fileDossierIfDue } from './manager-dossier';
import { applyIncidentCommand, validateIncidentCommand } from './incident-rules';
import {
  actionNames,
  actionUpdates,
  appointmentBeyondPromiseUpdate,
  incidentTicketUpdates,
  type IncidentTicketCommandName,
  type IncidentTicketCommands,
  projectionStampQuery,
  registeredUpdate,
  slaChangedSignal,
  ticketQuery,
  type ActionCommands,
  type ActionName,
} from './messages';
import { afterAction, openTicket } from './service-level';
import { prepareCommand } from './special-hours';
import { retimeClocks } from './sla-retiming';
import { publishChange, showCurrentDetails } from './ticket-publisher';
import type { EventDraft, OpenTicketInput, TicketState } from './ticket-state';
import { receivedView, ticketView } from './ticket-view';
import { allowedActions, applyAction, validateAction } from './transitions';

export type TicketWorkflowInput = { open: OpenTicketInput } | { resume: TicketState };

type Commit = (drafts: EventDraft[], at: string) => Promise<void>;
interface Handling {
  state: TicketState;
  view: () => TicketView;
  exclusive: Exclusive;
  commit: Commit;
}

/** One support ticket, from intake to CLOSED (R8–R10), with its SLA clocks and escalation ladder (R11–R21). */
export async function ticketWorkflow(input: TicketWorkflowInput): Promise<TicketView> {
  // Answered from the first activation on: the API starts a ticket together with `registeredUpdate`, and a
  // query may come while the opening terms are read (one local activity), when it sees the ticket as received.
  let opened = 'resume' in input ? input.resume : undefined;
  const received = 'open' in input ? receivedView(input.open) : undefined;
  const view = () => (opened ? ticketView(opened, allowedActions(opened)) : (received as TicketView));
  setHandler(ticketQuery, view);
  setHandler(projectionStampQuery, () => ({
    version: opened?.version ?? 0,
    lastSeq: (opened?.nextSeq ?? 1) - 1,
  }));
  setHandler(registeredUpdate, async () => {
    await condition(() => opened?.registered === true);
    return view();
  });
  const { state, terms } =
    'open' in input ? await openTicket(input.open) : { state: input.resume, terms: undefined };
  opened = state;
  const exclusive = oneAtATime();
  const courier = startLetterCourier(state);
  const publish: Commit = async (drafts, at) => {
    const { lettersSent } = await publishChange(state, drafts, at);
    if (!lettersSent) courier.lettersQueued(drafts);
  };
  const commit: Commit = async (drafts, at) => {
    await publish([...drafts, ...surveyOnClosing(state)], at);
    const dossier = await fileDossierIfDue(state);
    if (dossier.length > 0) await publish(dossier, at);
  };

  if ('resume' in input) showCurrentDetails(state);
  const handling: Handling = { state, view, exclusive, commit };
  for (const name of actionNames) {
    type AnyAction = ActionCommands[ActionName];
    handleCommand<AnyAction>(
      actionUpdates[name] as UpdateDefinition<TicketView, [AnyAction]>,
      (command) => validateAction(state, name, command),
      async (command, at) => {
        const prepared = await prepareCommand(state, name, command, at);
        return [...applyAction(state, name, prepared, at), ...(await afterAction(state, name, prepared, at))];
      },
      handling,
    );
  }
  setHandler(
    appointmentBeyondPromiseUpdate,
    (command) =>
      exclusive(async () => {
        await catchUp(state, commit);
        // Again: what came due, or a command that went first, may have changed the dispatch in force.
        validateAppointmentBeyondPromise(state, command);
        await commit(agreeAppointmentBeyondPromise(state, command), now());
        return view();
      }),
    { validator: (command) => validateAppointmentBeyondPromise(state, command) },
  );
  // Waits its turn like a command, so a change never lands between an action's clock moves.
  setHandler(slaChangedSignal, (change) =>
    exclusive(async () => {
      if (isClosed(state)) return;
      await catchUp(state, commit);
      const at = now();
      const drafts = await retimeClocks(state, change, at);
      if (drafts.length > 0) await commit(drafts, at);
    }),
  );
  for (const name of Object.keys(incidentTicketUpdates) as IncidentTicketCommandName[]) {
    type AnyCommand = IncidentTicketCommands[IncidentTicketCommandName];
    handleCommand<AnyCommand>(
      incidentTicketUpdates[name] as UpdateDefinition<TicketView, [AnyCommand]>,
      (command) => validateIncidentCommand(state, name, command),
      (command, at) => applyIncidentCommand(state, name, command, at),
      handling,
    );
  }
  if (terms) await exclusive(() => register(state, terms, publish));

  while (!isClosed(state)) {
    const moment = nextMoment(state);
    const version = state.version;
    const changed = () => state.version !== version || historyTooLong(state);
    const due = moment
      ? !(await condition(changed, Math.max(0, moment.at - Date.now())))
      : (await condition(changed), false);
    if (due) await exclusive(() => catchUp(state, commit));
    if (historyTooLong(state) && !isClosed(state)) {
      // Handlers mutate `state`; let every one finish so the next run starts from a settled ticket.
      await condition(allHandlersFinished);
      await courier.finish();
      await continueAsNew<typeof ticketWorkflow>({ resume: state });
    }
  }
  await condition(allHandlersFinished);
  await courier.finish();
  return view();
}

/**
 * R1: the ticket is received, acknowledged, and held at once when its contract has lapsed (R5); a request for
 * field work has its engineer dispatched (R21).
 */
async function register(state: TicketState, terms: OpeningTerms, publish: Commit): Promise<void> {
  const held = holdIfContractLapsed(state, terms.contract, state.receivedAt);
  const dispatched = await dispatchFieldWorkAtIntake(state, terms.onsite, state.receivedAt);
  const { channel, missing, enteredBy } = state.intake;
  const opened: EventDraft = {
    type: 'opened',
    actor: state.intake.requester.email,
    data: { channel, parts: state.parts, missing, enteredBy },
    notify: 'acknowledgement',
  };
  await publish([opened, ...held, ...dispatched], state.receivedAt);
  state.registered = true;
}

/**
 * A command to the ticket, an action or what its major incident tells it: validated before it enters history,
 * then run in turn after what came due, so a missed rung never undoes a newer command.
 */
function handleCommand<C>(
  update: UpdateDefinition<TicketView, [C]>,
  validate: (command: C) => void,
  decide: (command: C, at: string) => Promise<EventDraft[]>,
  { state, view, exclusive, commit }: Handling,
) {
  setHandler(
    update,
    // Re-validated inside: another command may have changed the ticket while this one waited its turn.
    (command: C) =>
      exclusive(async () => {
        await catchUp(state, commit);
        const at = now();
        await commit(await decide(command, at), at);
        return view();
      }),
    { validator: validate },
  );
}

/** A ticket may live for weeks: past the limit it carries its whole state into a fresh run. */
function historyTooLong(state: TicketState): boolean {
  const { continueAsNewSuggested, historyLength } = workflowInfo();
  return continueAsNewSuggested || (state.historyLimit !== undefined && historyLength >= state.historyLimit);
}

function isClosed(state: TicketState): boolean {
  return state.stage === 'CLOSED';
}

function now(): string {
  return new Date().toISOString();
}
