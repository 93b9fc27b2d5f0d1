import { randomUUID } from 'node:crypto';
import type { UpdateDefinition } from '@temporalio/common';
import type { TicketView } from '../../domain/ticket-view';
import { actionUpdates, type ActionCommands, type ActionName } from '../../workflows/messages';
import { withUpdateDeadline, type DeskContext } from '../context';
import { DeskError } from '../errors';
import { notAnsweredInTime, deskErrorOf } from '../temporal-errors';
import { readBack, type ChangedTicket } from './read-back';
import { pendingIntake, startTicket } from './start';

/** An action Temporal did not confirm in time; `location` tells whether it was applied, refused or lost. */
export interface PendingAction {
  status: 'pending';
  number: string;
  action: ActionName;
  actionId: string;
  location: string;
}

export type ActionOutcome = { ticket: ChangedTicket; pending?: undefined } | { pending: PendingAction };

/**
 * Moves a ticket through its stages (R8–R10). The workflow decides: its update validator refuses a
 * transition not allowed now before anything is recorded, and the answer comes once the change is stored.
 * The action's id is its Temporal update id: sending the same id again joins the first attempt.
 */
export async function performAction<A extends ActionName>(
  ctx: DeskContext,
  number: string,
  action: A,
  body: Omit<ActionCommands[A], 'actor'>,
  actor: string,
  actionId: string = randomUUID(),
): Promise<ActionOutcome> {
  const known = await ctx.db('tickets').select('stage').where({ number }).first();
  if (!known) await registerPendingTicket(ctx, number);
  // A closed ticket's workflow has ended; answer from the record rather than asking a finished run.
  if (known?.stage === 'CLOSED') {
    throw DeskError.conflict(`${action}: the ticket is closed`, { stage: 'CLOSED', allowedActions: [] });
  }
  const update = actionUpdates[action] as UpdateDefinition<TicketView, [ActionCommands[A]]>;
  const command = { ...body, actor } as ActionCommands[A];
  let view: TicketView;
  try {
    view = await withUpdateDeadline(ctx, () =>
      ctx.client.workflow.getHandle(number).executeUpdate(update, { args: [command], updateId: actionId }),
    );
  } catch (error) {
    if (notAnsweredInTime(error)) return { pending: pendingAction(number, action, actionId) };
    throw deskErrorOf(error, number, ctx.updateDeadlineMs);
  }
  return { ticket: await readBack(ctx.db, number, async () => view) };
}

/**
 * A create answered 202 hands out its number before the ticket is registered: an action on it first makes sure
 * its workflow runs. Nothing is sent while it does not, so the 503 is safe to retry.
 */
async function registerPendingTicket(ctx: DeskContext, number: string): Promise<void> {
  const pending = await pendingIntake(ctx, number);
  if (!pending) throw DeskError.notFound(`ticket ${number}`);
  if ((await startTicket(ctx, pending)) === 'pending') {
    throw DeskError.unavailable(`ticket ${number} is not registered yet; nothing was done, try again`);
  }
}

function pendingAction(number: string, action: ActionName, actionId: string): PendingAction {
  const location = `/tickets/${number}/action-results/${encodeURIComponent(actionId)}`;
  return { status: 'pending', number, action, actionId, location };
}
