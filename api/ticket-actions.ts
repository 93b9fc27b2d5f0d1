import type { UpdateDefinition } from '@temporalio/common';
import type { TicketView } from '../domain/ticket';
import { actionUpdates, type ActionCommands, type ActionName } from '../workflows/messages';
import { withUpdateDeadline, type ApiContext } from './context';
import { HttpError } from './errors';
import { toHttpError } from './temporal-errors';
import { findTicket, type TicketDetails } from './ticket-reads';

/**
 * Moves a ticket through its stages (R8–R10). The workflow decides: its update validator refuses a
 * transition not allowed now before anything is recorded, and the answer comes once the change is stored.
 */
export async function performAction<A extends ActionName>(
  ctx: ApiContext,
  number: string,
  action: A,
  body: Omit<ActionCommands[A], 'actor'>,
  actor: string,
  /** Makes a repeat of the same command (e.g. one e-mail delivered twice) a no-op in Temporal. */
  updateId?: string,
): Promise<TicketDetails> {
  const known = await ctx.db('tickets').select('stage').where({ number }).first();
  if (!known) throw HttpError.notFound(`ticket ${number}`);
  // A closed ticket's workflow has ended; answer from the record rather than asking a finished run.
  if (known.stage === 'CLOSED') {
    throw new HttpError(409, `${action}: the ticket is closed`, { stage: 'CLOSED', allowedActions: [] });
  }
  const update = actionUpdates[action] as UpdateDefinition<TicketView, [ActionCommands[A]]>;
  const command = { ...body, actor } as ActionCommands[A];
  try {
    await withUpdateDeadline(ctx, () =>
      ctx.client.workflow.getHandle(number).executeUpdate(update, { args: [command], updateId }),
    );
  } catch (error) {
    throw toHttpError(error, number, ctx.updateDeadlineMs);
  }
  return (await findTicket(ctx.db, number))!;
}
