import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Logger } from '../../lib/logger';
import { registeredUpdate, ticketSearchAttributes } from '../../workflows/messages';
import { ticketWorkflow } from '../../workflows';
import type { OpenTicketInput } from '../../workflows/ticket-state';
import { ticketDetails, ticketSummary } from '../../workflows/ticket-summary';
import { withUpdateDeadline, type DeskContext } from '../context';
import { notAnsweredInTime, deskErrorOf } from '../temporal-errors';

/** `registered`: the workflow answered; `pending`: Temporal did not confirm in time, the ledger will finish it. */
export type StartOutcome = 'registered' | 'pending';

/** Writes the intake to the ledger before Temporal is asked; a repeat keeps the first input, so clocks agree. */
export async function recordIntake(ctx: DeskContext, open: OpenTicketInput): Promise<OpenTicketInput> {
  await ctx
    .db('ticket_intakes')
    .insert({ number: open.number, organization: open.intake.organization, start: JSON.stringify(open) })
    .onConflict('number')
    .ignore();
  return (await ctx.db('ticket_intakes').where({ number: open.number }).first('start')).start;
}

/** The ledger's input of a ticket its workflow has not registered yet, for a caller allowed to see it. */
export async function pendingIntake(
  ctx: DeskContext,
  number: string,
  organization?: string,
): Promise<OpenTicketInput | undefined> {
  const row = await ctx
    .db('ticket_intakes')
    .where({ number, ...(organization === undefined ? {} : { organization }) })
    .whereNotExists((q) => q.select(1).from('tickets').where('tickets.number', number))
    .first('start');
  return row?.start;
}

/**
 * Starts the ticket's workflow and waits until it has registered the ticket. Safe to repeat: a running ticket
 * is joined, a closed one is never reopened.
 */
export async function startTicket(ctx: DeskContext, open: OpenTicketInput): Promise<StartOutcome> {
  const { number, intake, priority } = open;
  const start = new WithStartWorkflowOperation(ticketWorkflow, {
    workflowId: number,
    taskQueue: ctx.taskQueue,
    args: [{ open }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    // What the Temporal UI shows for the ticket (R25); the workflow keeps its current details alongside.
    staticSummary: ticketSummary(number, intake, priority),
    staticDetails: ticketDetails(intake),
    typedSearchAttributes: [
      { key: ticketSearchAttributes.TicketNumber, value: number },
      { key: ticketSearchAttributes.TicketStage, value: 'OPEN' },
      { key: ticketSearchAttributes.TicketTier, value: 'TIER_1' },
      { key: ticketSearchAttributes.TicketPriority, value: priority },
      { key: ticketSearchAttributes.Organization, value: intake.organization },
    ],
  });
  try {
    await withUpdateDeadline(ctx, () =>
      ctx.client.workflow.executeUpdateWithStart(registeredUpdate, { startWorkflowOperation: start }),
    );
    return 'registered';
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return 'registered';
    if (notAnsweredInTime(error)) return 'pending';
    throw deskErrorOf(error, number, ctx.updateDeadlineMs);
  }
}

/**
 * Starts the tickets the ledger holds that no workflow registered, e.g. one accepted just before Temporal went
 * down, oldest first. Each start is idempotent, so any number of API processes may run this.
 */
export async function resumePendingIntakes(ctx: DeskContext, log: Logger, olderThanMs = 0): Promise<number> {
  const rows: { start: OpenTicketInput }[] = await ctx
    .db('ticket_intakes')
    .whereNotExists((q) => q.select(1).from('tickets').whereRaw('tickets.number = ticket_intakes.number'))
    .where('created_at', '<', new Date(Date.now() - olderThanMs))
    .orderBy('created_at')
    .limit(50)
    .select('start');
  for (const { start } of rows) {
    const outcome = await startTicket(ctx, start).catch((error: unknown) => {
      log.warn({ ticket: start.number, err: error }, 'pending intake not started');
      return 'pending' as const;
    });
    log.info({ ticket: start.number, outcome }, 'pending intake resumed');
  }
  return rows.length;
}

/**
 * An API process looks for pending intakes when it starts and then every `everyMs`, so a create answered 202
 * becomes a ticket even if its client never asks again. Returns a function that stops the watch.
 */
export function watchPendingIntakes(ctx: DeskContext, log: Logger, everyMs: number): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<unknown> = Promise.resolve();
  const tick = () => {
    round = resumePendingIntakes(ctx, log, ctx.updateDeadlineMs)
      .catch((error: unknown) => log.warn({ err: error }, 'pending intakes not read'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  tick();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await round;
  };
}
