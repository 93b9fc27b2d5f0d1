import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { TicketView } from '../domain/ticket';
import { fireMoment, nextMoment } from './agenda';
import { catchUp, catchUpPatch } from './catch-up';
import { startLetterCourier, surveyOnClosing } from './letter-courier';
import { holdIfContractLapsed } from './held-service';
import { fileDossierIfDue } from './manager-dossier';
import {
  actionNames,
  actionUpdates,
  projectionStampQuery,
  registeredUpdate,
  ticketQuery,
  type ActionCommands,
  type ActionName,
} from './messages';
import { afterAction, openServiceLevel } from './service-level';
import { publishChange, showCurrentDetails } from './ticket-publisher';
import {
  newTicketState,
  ticketView,
  type EventDraft,
  type OpenTicketInput,
  type TicketState,
} from './ticket-state';
import { allowedActions, applyAction, validateAction } from './transitions';

export type TicketWorkflowInput = { open: OpenTicketInput } | { resume: TicketState };

type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;
type Commit = (drafts: EventDraft[], at: string) => Promise<void>;

/** One support ticket, from intake to CLOSED (R8–R10), with its SLA clocks and escalation ladder (R11–R21). */
export async function ticketWorkflow(input: TicketWorkflowInput): Promise<TicketView> {
  const state = 'resume' in input ? input.resume : newTicketState(input.open);
  const view = () => ticketView(state, allowedActions(state));
  const exclusive = oneAtATime();
  const courier = startLetterCourier(state);
  const publish: Commit = async (drafts, at) => {
    await publishChange(state, drafts, at);
    courier.lettersQueued(drafts);
  };
  const commit: Commit = async (drafts, at) => {
    await publish([...drafts, ...surveyOnClosing(state)], at);
    const dossier = await fileDossierIfDue(state);
    if (dossier.length > 0) await publish(dossier, at);
  };

  if ('resume' in input) showCurrentDetails(state);
  setHandler(ticketQuery, view);
  setHandler(projectionStampQuery, () => ({ version: state.version, lastSeq: state.nextSeq - 1 }));
  setHandler(registeredUpdate, async () => {
    await condition(() => state.registered);
    return view();
  });
  for (const name of actionNames) handleAction(state, name, view, exclusive, commit);

  if (!state.registered) {
    await exclusive(async () => {
      if (patched('sla-clocks')) await openServiceLevel(state, state.receivedAt);
      const held = await holdIfContractLapsed(state, state.receivedAt);
      const opened = {
        type: 'opened',
        actor: state.intake.requester.email,
        notify: 'acknowledgement' as const,
      };
      const { channel, missing, enteredBy } = state.intake;
      const data = { channel, parts: state.parts, missing, enteredBy };
      await publish([{ ...opened, data }, ...held], state.receivedAt);
      state.registered = true;
    });
  }

  while (!isClosed(state)) {
    const moment = nextMoment(state);
    const version = state.version;
    const changed = () => state.version !== version || historyTooLong(state);
    const due = moment
      ? !(await condition(changed, Math.max(0, moment.at - Date.now())))
      : (await condition(changed), false);
    if (due) {
      await exclusive(() => (patched(catchUpPatch) ? catchUp(state, commit) : fireDueMoments(state, commit)));
    }
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

/** Before the `catch-up-once` patch: every moment missed while the ticket slept fired one by one. */
async function fireDueMoments(state: TicketState, commit: Commit): Promise<void> {
  for (let moment = nextMoment(state); moment && moment.at <= Date.now(); moment = nextMoment(state)) {
    await commit(await fireMoment(state, moment), new Date(moment.at).toISOString());
    if (isClosed(state)) return;
  }
}

function handleAction(
  state: TicketState,
  name: ActionName,
  view: () => TicketView,
  exclusive: Exclusive,
  commit: Commit,
) {
  type AnyCommand = ActionCommands[ActionName];
  const update = actionUpdates[name] as UpdateDefinition<TicketView, [AnyCommand]>;
  setHandler(
    update,
    // Re-validated inside: another command may have changed the ticket while this one waited its turn.
    (command: AnyCommand) =>
      exclusive(async () => {
        // What came due before the command happened before it: a missed rung never undoes a newer command.
        if (patched(catchUpPatch)) await catchUp(state, commit);
        const at = now();
        const drafts = applyAction(state, name, command, at);
        drafts.push(...(await afterAction(state, name, command, at)));
        await commit(drafts, at);
        return view();
      }),
    { validator: (command: AnyCommand) => validateAction(state, name, command) },
  );
}

/** Clock changes await activities; running commands and timers one at a time keeps them from interleaving. */
function oneAtATime(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
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
