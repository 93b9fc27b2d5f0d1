import type { ActionCommands, ActionName } from '../../workflows/messages';
import type { DeskContext } from '../context';
import { replyToTicket } from '../correspondence/replies';
import { performAction, type ActionOutcome } from './actions';

export type ActOutcome =
  | (ActionOutcome & { clarification?: undefined })
  | { clarification: true; ticket?: undefined; pending?: undefined };

/**
 * An action a person takes on a ticket. A reply keeps the one rule every door of a reply follows
 * (desk/correspondence/replies.ts): on a closed ticket it is a clarification, never a refusal.
 */
export async function actOnTicket<A extends ActionName>(
  ctx: DeskContext,
  number: string,
  action: A,
  body: Omit<ActionCommands[A], 'actor'>,
  actor: string,
  actionId?: string,
): Promise<ActOutcome> {
  if (action !== 'reply') return performAction(ctx, number, action, body, actor, actionId);
  const { message } = body as Omit<ActionCommands['reply'], 'actor'>;
  const replied = await replyToTicket(ctx, number, { actor, message, channel: 'portal' }, actionId);
  if (replied.recorded === 'clarification') return { clarification: true };
  return replied.pending ? { pending: replied.pending } : { ticket: replied.ticket };
}
