import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { DeskContext } from '../context';
import { DeskError } from '../errors';
import { notAnsweredInTime, deskErrorOf } from '../temporal-errors';
import { findTicket, type TicketDetails } from './reads';

export type ActionResult =
  | { status: 'applied'; actionId: string; ticket: TicketDetails }
  | { status: 'refused'; actionId: string; error: string; [detail: string]: unknown }
  | { status: 'pending'; actionId: string };

/** How long a look at a pending action waits for it to complete before answering "still pending". */
const lookMs = 2_000;

/**
 * What became of an action answered 202: Temporal keeps each update's outcome with the ticket's history, and an
 * update it never recorded (lost when the server went down before storing it) is unknown: 404, send it again.
 */
export async function actionResult(
  ctx: DeskContext,
  number: string,
  actionId: string,
): Promise<ActionResult> {
  const handle = ctx.client.workflow.getHandle(number).getUpdateHandle(actionId);
  try {
    await ctx.client.withDeadline(Date.now() + Math.min(lookMs, ctx.updateDeadlineMs), () => handle.result());
  } catch (error) {
    if (notAnsweredInTime(error)) return { status: 'pending', actionId };
    if (error instanceof WorkflowUpdateFailedError) {
      const refusal = deskErrorOf(error, number, ctx.updateDeadlineMs);
      if (refusal instanceof DeskError)
        return { status: 'refused', actionId, error: refusal.message, ...refusal.details };
    }
    if (error instanceof WorkflowNotFoundError) {
      throw new DeskError('not-found', `no action ${actionId} reached ticket ${number}; send it again`);
    }
    throw deskErrorOf(error, number, ctx.updateDeadlineMs);
  }
  return { status: 'applied', actionId, ticket: (await findTicket(ctx.db, number))! };
}
