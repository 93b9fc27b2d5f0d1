import { createHash } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { priorityOf } from '../domain/priority';
import type { TicketIntake } from '../domain/ticket';
import { registeredUpdate, ticketSearchAttributes } from '../workflows/messages';
import { ticketWorkflow } from '../workflows';
import { ticketDetails, ticketSummary } from '../workflows/ticket-summary';
import { withUpdateDeadline, type ApiContext } from './context';
import { HttpError } from './errors';
import { resolvePartLeadTimes } from './parts-catalog';
import { toHttpError } from './temporal-errors';
import { findTicket, type TicketDetails } from './ticket-reads';

export interface OpenedTicket {
  ticket: TicketDetails;
  replayed: boolean;
}

/**
 * R1: every request gets a ticket number at once. Answers when the workflow runs and the ticket row is
 * committed. With an idempotency key, a repeat returns the ticket the first request opened.
 */
export async function openTicket(
  ctx: ApiContext,
  intake: TicketIntake,
  idempotencyKey?: string,
): Promise<OpenedTicket> {
  // Before a number is taken or a key stored, so a request naming bad parts leaves no trace.
  const parts = intake.partReplacement
    ? await resolvePartLeadTimes(ctx.db, intake.partReplacement.parts)
    : undefined;
  const number = idempotencyKey
    ? await numberForKey(ctx, idempotencyKey, intake)
    : await nextTicketNumber(ctx);
  if (idempotencyKey) {
    const existing = await findTicket(ctx.db, number);
    if (existing) return { ticket: existing, replayed: true };
  }
  const priority = priorityOf(intake.impact, intake.urgency);
  const start = new WithStartWorkflowOperation(ticketWorkflow, {
    workflowId: number,
    taskQueue: ctx.taskQueue,
    args: [
      {
        open: {
          number,
          intake,
          priority,
          receivedAt: new Date(intake.receivedAt ?? Date.now()).toISOString(),
          historyLimit: ctx.historyLimit,
          parts,
        },
      },
    ],
    // A repeat after a timeout joins the run the first attempt started; a closed ticket is never reopened by it.
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
  } catch (error) {
    throw toHttpError(error, number, ctx.updateDeadlineMs);
  }
  const ticket = await findTicket(ctx.db, number);
  if (!ticket) throw new Error(`ticket ${number} registered but not found in the projection`);
  return { ticket, replayed: false };
}

async function nextTicketNumber(ctx: ApiContext): Promise<string> {
  const { rows } = await ctx.db.raw<{ rows: { number: string }[] }>(
    `SELECT 'TF-' || nextval('ticket_number_seq') AS number`,
  );
  return rows[0]!.number;
}

async function numberForKey(ctx: ApiContext, key: string, intake: TicketIntake): Promise<string> {
  const requestHash = createHash('sha256').update(JSON.stringify(intake)).digest('hex');
  await ctx.db.raw(
    `INSERT INTO ticket_requests (idempotency_key, ticket_number, request_hash)
     VALUES (?, 'TF-' || nextval('ticket_number_seq'), ?) ON CONFLICT (idempotency_key) DO NOTHING`,
    [key, requestHash],
  );
  const row = await ctx.db('ticket_requests').where({ idempotency_key: key }).first();
  if (row.request_hash !== requestHash) {
    throw new HttpError(422, 'idempotency key reused for a different request', {
      errors: [{ field: 'Idempotency-Key', message: 'already used for a request with a different body' }],
    });
  }
  return row.ticket_number;
}
